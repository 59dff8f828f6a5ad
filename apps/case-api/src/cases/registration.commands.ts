import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../commands/case-command-executor';
import { CaseCommandHandler } from '../commands/case-command-handler';
import { CaseCommandMessage } from '../commands/case-command-message';

export class RegisterCaseCommand extends CaseCommandMessage {}
export class TriageCaseCommand extends CaseCommandMessage {}
export class AddPartyCommand extends CaseCommandMessage {}

@CommandHandler(RegisterCaseCommand)
export class RegisterCaseHandler extends CaseCommandHandler<RegisterCaseCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(TriageCaseCommand)
export class TriageCaseHandler extends CaseCommandHandler<TriageCaseCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(AddPartyCommand)
export class AddPartyHandler extends CaseCommandHandler<AddPartyCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

export const REGISTRATION_HANDLERS = [RegisterCaseHandler, TriageCaseHandler, AddPartyHandler];
