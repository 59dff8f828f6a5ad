import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '../../casusregie/src/platform/http-app';
import { NotifierModule, type NotifierModuleOptions } from './notifier.module';

/** The notifier as a Nest application on Fastify, with the same HTTP platform as the embedded default. */
export function createNotifier(options: NotifierModuleOptions): Promise<NestFastifyApplication> {
  return createHttpApp(NotifierModule.forConfig(options), options.logger);
}
