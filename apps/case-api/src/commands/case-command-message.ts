import { Command } from '@nestjs/cqrs';
import type { CaseCommandRequest } from './case-command-executor';
import type { CommandResponse } from './command-response';

/**
 * Base of the CommandBus messages, one subclass per domain command (see cases/*.commands.ts), so that each
 * domain command has its own CommandHandler.
 */
export abstract class CaseCommandMessage extends Command<CommandResponse> {
  constructor(readonly request: CaseCommandRequest) {
    super();
  }
}
