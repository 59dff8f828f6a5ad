import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { AppModule, type AppModuleOptions } from './app.module';
import { createHttpApp } from './platform/http-app';

export async function createApp(
  options: AppModuleOptions & { logger: Logger },
): Promise<NestFastifyApplication> {
  const app = await createHttpApp(AppModule.forConfig(options), options.logger);
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
  return app;
}
