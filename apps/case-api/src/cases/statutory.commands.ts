import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../commands/case-command-executor';
import { CaseCommandHandler } from '../commands/case-command-handler';
import { CaseCommandMessage } from '../commands/case-command-message';

export class RecordStatutoryApplicationCommand extends CaseCommandMessage {}
export class RecordStatutoryDecisionCommand extends CaseCommandMessage {}

@CommandHandler(RecordStatutoryApplicationCommand)
export class RecordStatutoryApplicationHandler extends CaseCommandHandler<RecordStatutoryApplicationCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(RecordStatutoryDecisionCommand)
export class RecordStatutoryDecisionHandler extends CaseCommandHandler<RecordStatutoryDecisionCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

export const STATUTORY_HANDLERS = [RecordStatutoryApplicationHandler, RecordStatutoryDecisionHandler];
