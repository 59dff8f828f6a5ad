import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../commands/case-command-executor';
import { CaseCommandHandler } from '../commands/case-command-handler';
import { CaseCommandMessage } from '../commands/case-command-message';

export class RecordTransitionPlanCommand extends CaseCommandMessage {}
export class PassEighteenthBirthdayCommand extends CaseCommandMessage {}

@CommandHandler(RecordTransitionPlanCommand)
export class RecordTransitionPlanHandler extends CaseCommandHandler<RecordTransitionPlanCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(PassEighteenthBirthdayCommand)
export class PassEighteenthBirthdayHandler extends CaseCommandHandler<PassEighteenthBirthdayCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

export const TRANSITION_HANDLERS = [RecordTransitionPlanHandler, PassEighteenthBirthdayHandler];
