import type { ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommandExecutor } from './case-command-executor';
import type { CaseCommandMessage } from './case-command-message';
import type { CommandResponse } from './command-response';

/** What every case command handler does: run the shared write path (load, decide, append). */
export abstract class CaseCommandHandler<
  M extends CaseCommandMessage,
> implements ICommandHandler<CaseCommandMessage> {
  protected constructor(private readonly executor: CaseCommandExecutor) {}

  execute(message: M): Promise<CommandResponse> {
    return this.executor.execute(message.request);
  }
}
