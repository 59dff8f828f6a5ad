import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../commands/case-command-executor';
import { CaseCommandHandler } from '../commands/case-command-handler';
import { CaseCommandMessage } from '../commands/case-command-message';

export class SuspendDeadlineCommand extends CaseCommandMessage {}
export class ResumeDeadlineCommand extends CaseCommandMessage {}
export class ExtendDeadlineCommand extends CaseCommandMessage {}
export class CloseDeadlineCommand extends CaseCommandMessage {}

@CommandHandler(SuspendDeadlineCommand)
export class SuspendDeadlineHandler extends CaseCommandHandler<SuspendDeadlineCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(ResumeDeadlineCommand)
export class ResumeDeadlineHandler extends CaseCommandHandler<ResumeDeadlineCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(ExtendDeadlineCommand)
export class ExtendDeadlineHandler extends CaseCommandHandler<ExtendDeadlineCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(CloseDeadlineCommand)
export class CloseDeadlineHandler extends CaseCommandHandler<CloseDeadlineCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

export const DEADLINE_HANDLERS = [
  SuspendDeadlineHandler,
  ResumeDeadlineHandler,
  ExtendDeadlineHandler,
  CloseDeadlineHandler,
];
