import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { EventStore } from '@casusregie/event-store';
import { Public } from '../../../case-api/src/auth/request-principal';
import { EVENT_STORE } from '../event-store/event-store.module';

@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready when the event store answers. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      const headPosition = await this.store.headPosition();
      return { status: 'ok', eventStore: { status: 'up', headPosition } };
    } catch (error) {
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'unavailable', eventStore: { status: 'down', error: (error as Error).name } };
    }
  }
}
