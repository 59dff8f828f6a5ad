import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../commands/case-command-executor';
import { CaseCommandHandler } from '../commands/case-command-handler';
import { CaseCommandMessage } from '../commands/case-command-message';

export class EscalateCaseCommand extends CaseCommandMessage {}
export class DeescalateCaseCommand extends CaseCommandMessage {}
export class RecordAdviceCommand extends CaseCommandMessage {}
export class DecideBreakthroughCommand extends CaseCommandMessage {}
export class SettleProvisionalFinancingCommand extends CaseCommandMessage {}

@CommandHandler(EscalateCaseCommand)
export class EscalateCaseHandler extends CaseCommandHandler<EscalateCaseCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(DeescalateCaseCommand)
export class DeescalateCaseHandler extends CaseCommandHandler<DeescalateCaseCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(RecordAdviceCommand)
export class RecordAdviceHandler extends CaseCommandHandler<RecordAdviceCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(DecideBreakthroughCommand)
export class DecideBreakthroughHandler extends CaseCommandHandler<DecideBreakthroughCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(SettleProvisionalFinancingCommand)
export class SettleProvisionalFinancingHandler extends CaseCommandHandler<SettleProvisionalFinancingCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

export const ESCALATION_HANDLERS = [
  EscalateCaseHandler,
  DeescalateCaseHandler,
  RecordAdviceHandler,
  DecideBreakthroughHandler,
  SettleProvisionalFinancingHandler,
];
