import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../commands/case-command-executor';
import { CaseCommandHandler } from '../commands/case-command-handler';
import { CaseCommandMessage } from '../commands/case-command-message';

export class ProposeResponsibilityCommand extends CaseCommandMessage {}
export class RequestFinancierCommand extends CaseCommandMessage {}
export class AcceptResponsibilityCommand extends CaseCommandMessage {}
export class RejectResponsibilityCommand extends CaseCommandMessage {}
export class EndResponsibilityCommand extends CaseCommandMessage {}

@CommandHandler(ProposeResponsibilityCommand)
export class ProposeResponsibilityHandler extends CaseCommandHandler<ProposeResponsibilityCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(RequestFinancierCommand)
export class RequestFinancierHandler extends CaseCommandHandler<RequestFinancierCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(AcceptResponsibilityCommand)
export class AcceptResponsibilityHandler extends CaseCommandHandler<AcceptResponsibilityCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(RejectResponsibilityCommand)
export class RejectResponsibilityHandler extends CaseCommandHandler<RejectResponsibilityCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(EndResponsibilityCommand)
export class EndResponsibilityHandler extends CaseCommandHandler<EndResponsibilityCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

export const RESPONSIBILITY_HANDLERS = [
  ProposeResponsibilityHandler,
  RequestFinancierHandler,
  AcceptResponsibilityHandler,
  RejectResponsibilityHandler,
  EndResponsibilityHandler,
];
