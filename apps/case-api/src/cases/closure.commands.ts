import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../commands/case-command-executor';
import { CaseCommandHandler } from '../commands/case-command-handler';
import { CaseCommandMessage } from '../commands/case-command-message';

export class CloseCaseCommand extends CaseCommandMessage {}
export class ReopenCaseCommand extends CaseCommandMessage {}

@CommandHandler(CloseCaseCommand)
export class CloseCaseHandler extends CaseCommandHandler<CloseCaseCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(ReopenCaseCommand)
export class ReopenCaseHandler extends CaseCommandHandler<ReopenCaseCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

export const CLOSURE_HANDLERS = [CloseCaseHandler, ReopenCaseHandler];
