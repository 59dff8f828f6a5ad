import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../commands/case-command-executor';
import { CaseCommandHandler } from '../commands/case-command-handler';
import { CaseCommandMessage } from '../commands/case-command-message';

export class PutOnAgendaCommand extends CaseCommandMessage {}
export class RecordDiscussionCommand extends CaseCommandMessage {}
export class CompleteActionCommand extends CaseCommandMessage {}

@CommandHandler(PutOnAgendaCommand)
export class PutOnAgendaHandler extends CaseCommandHandler<PutOnAgendaCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(RecordDiscussionCommand)
export class RecordDiscussionHandler extends CaseCommandHandler<RecordDiscussionCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(CompleteActionCommand)
export class CompleteActionHandler extends CaseCommandHandler<CompleteActionCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

export const TABLE_HANDLERS = [PutOnAgendaHandler, RecordDiscussionHandler, CompleteActionHandler];
