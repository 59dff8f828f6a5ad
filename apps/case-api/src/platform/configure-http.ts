import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Fastify settings every host of the API applies: JSON only (other media types are 415), a body limit. */
export function configureHttp(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
}

/** Largest request body accepted (Fastify answers 413 above it). */
export const BODY_LIMIT_BYTES = 256 * 1024;

/** Fastify options every host uses (its default path-parameter limit of 100 characters is too tight for ids). */
export const FASTIFY_OPTIONS = { bodyLimit: BODY_LIMIT_BYTES, maxParamLength: 500 } as const;
