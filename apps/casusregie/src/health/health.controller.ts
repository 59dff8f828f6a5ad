import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { EventStore } from '@casusregie/event-store';
import type { CaseReadModelsHandle } from '@casusregie/projections';
import { Public } from '../../../case-api/src/auth/request-principal';
import { CASE_STREAM_PREFIX } from '../../../case-api/src/commands/case-stream';
import { CASE_READ_MODELS_HANDLE } from '../../../case-api/src/queries/read-models.provider';
import { APP_CONFIG } from '../config/app-config.provider';
import type { AppConfig } from '../config/app-config';
import { EVENT_STORE } from '../event-store/event-store.module';

@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CASE_READ_MODELS_HANDLE) private readonly readModels: CaseReadModelsHandle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Ready when the event store answers and the case read models are running and no further behind than
   * READY_MAX_PROJECTION_LAG case events (counted in the log, so events of other streams do not count).
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    let headPosition: number;
    try {
      headPosition = await this.store.headPosition();
    } catch (error) {
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'unavailable', eventStore: { status: 'down', error: (error as Error).name } };
    }
    const runner = this.readModels.runner.status();
    const limit = this.config.readyMaxProjectionLag;
    const behind = await this.store.readAll({
      fromPosition: runner.checkpoint,
      streamPrefix: CASE_STREAM_PREFIX,
      maxCount: limit + 1,
    });
    const lag = behind.events.length;
    const projectionsUp = runner.state === 'running' && lag <= limit;
    if (!projectionsUp) reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: projectionsUp ? 'ok' : 'unavailable',
      eventStore: { status: 'up', headPosition },
      projections: {
        status: projectionsUp ? 'up' : runner.state === 'running' ? 'behind' : runner.state,
        checkpoint: runner.checkpoint,
        lag: lag > limit ? `more than ${limit}` : lag,
        maxLag: limit,
      },
    };
  }
}
