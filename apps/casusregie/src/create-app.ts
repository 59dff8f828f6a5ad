import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import {
  FASTIFY_OPTIONS,
  NEST_HTTP_OPTIONS,
  configureHttp,
} from '../../case-api/src/platform/configure-http';
import { AppModule, type AppModuleOptions } from './app.module';
import { CORRELATION_HEADER, correlationIdOf } from './logging/correlation-id';
import { PinoNestLogger } from './logging/logger';

export async function createApp(
  options: AppModuleOptions & { logger: Logger },
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: options.logger,
    disableRequestLogging: options.logger.level === 'silent',
    requestIdHeader: false,
    genReqId: correlationIdOf,
    ...FASTIFY_OPTIONS,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(options), adapter, {
    logger: new PinoNestLogger(options.logger),
    ...NEST_HTTP_OPTIONS,
  });
  configureHttp(app);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      void reply.header(CORRELATION_HEADER, String(request.id));
    });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('casusregie')
      .setDescription(
        'Case coordination for cross-domain casuïstiek. Errors are application/problem+json. Commands answer the ' +
          'new case version (also as ETag; send it back as If-Match) and the global position of their last event ' +
          '(pass it as minPosition to read your own write). Send Idempotency-Key to make a command safe to retry.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  app.enableShutdownHooks();
  return app;
}
