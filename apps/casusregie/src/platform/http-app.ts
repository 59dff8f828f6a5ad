import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import {
  FASTIFY_OPTIONS,
  NEST_HTTP_OPTIONS,
  configureHttp,
} from '../../../case-api/src/platform/configure-http';
import { CORRELATION_HEADER, correlationIdOf } from '../logging/correlation-id';
import { PinoNestLogger } from '../logging/logger';

/**
 * A Nest application on Fastify as every casusregie process runs it (the embedded default, the notifier): pino
 * JSON logs without personal data, the correlation id taken from or echoed in X-Correlation-Id, JSON-only
 * bodies, and shutdown hooks on SIGTERM/SIGINT.
 */
export async function createHttpApp(module: DynamicModule, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    disableRequestLogging: logger.level === 'silent',
    requestIdHeader: false,
    genReqId: correlationIdOf,
    ...FASTIFY_OPTIONS,
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: new PinoNestLogger(logger),
    ...NEST_HTTP_OPTIONS,
  });
  configureHttp(app);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      void reply.header(CORRELATION_HEADER, String(request.id));
    });
  app.enableShutdownHooks();
  return app;
}
