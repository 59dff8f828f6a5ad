import { CommandHandler } from '@nestjs/cqrs';
import { CaseCommandExecutor } from '../commands/case-command-executor';
import { CaseCommandHandler } from '../commands/case-command-handler';
import { CaseCommandMessage } from '../commands/case-command-message';

export class RequestOfferCommand extends CaseCommandMessage {}
export class AcceptOfferCommand extends CaseCommandMessage {}
export class RefuseOfferCommand extends CaseCommandMessage {}
export class StartPlacementCommand extends CaseCommandMessage {}
export class EndPlacementCommand extends CaseCommandMessage {}

@CommandHandler(RequestOfferCommand)
export class RequestOfferHandler extends CaseCommandHandler<RequestOfferCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(AcceptOfferCommand)
export class AcceptOfferHandler extends CaseCommandHandler<AcceptOfferCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(RefuseOfferCommand)
export class RefuseOfferHandler extends CaseCommandHandler<RefuseOfferCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(StartPlacementCommand)
export class StartPlacementHandler extends CaseCommandHandler<StartPlacementCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

@CommandHandler(EndPlacementCommand)
export class EndPlacementHandler extends CaseCommandHandler<EndPlacementCommand> {
  constructor(executor: CaseCommandExecutor) {
    super(executor);
  }
}

export const PLACEMENT_HANDLERS = [
  RequestOfferHandler,
  AcceptOfferHandler,
  RefuseOfferHandler,
  StartPlacementHandler,
  EndPlacementHandler,
];
