import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Fastify settings every host of the API applies: JSON only, so any other media type (text, forms, XML) is a
 * 415 and never parsed into a command.
 */
export function configureHttp(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  if (fastify.hasContentTypeParser('text/plain')) fastify.removeContentTypeParser('text/plain');
}

/**
 * Nest options every host passes to NestFactory.create: Nest's own body parsers off, because they would add an
 * application/x-www-form-urlencoded parser when the app starts; Fastify's built-in JSON parser stays.
 */
export const NEST_HTTP_OPTIONS = { bodyParser: false } as const;

/** Largest request body accepted (Fastify answers 413 above it). */
export const BODY_LIMIT_BYTES = 256 * 1024;

/** Fastify options every host uses (its default path-parameter limit of 100 characters is too tight for ids). */
export const FASTIFY_OPTIONS = { bodyLimit: BODY_LIMIT_BYTES, maxParamLength: 500 } as const;
