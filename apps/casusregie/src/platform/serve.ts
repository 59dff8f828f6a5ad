import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { ConfigError, type LogLevel } from '../config/env-reader';
import { createLogger } from '../logging/logger';

export interface ServedConfig {
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
}

/**
 * The start of a casusregie process: validate the environment (a wrong value: its message on stderr and exit
 * code 2, before anything is opened), create the app, listen. Nest's shutdown hooks run on SIGTERM/SIGINT.
 */
export async function serve<Config extends ServedConfig>(
  service: string,
  load: (env: NodeJS.ProcessEnv) => Config,
  create: (config: Config, logger: Logger) => Promise<NestFastifyApplication>,
): Promise<void> {
  let config: Config;
  try {
    config = load(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, undefined, service);
  const app = await create(config, logger);
  await app.listen(config.port, config.host);
  logger.info({ url: await app.getUrl(), dataDir: config.dataDir }, `${service} is listening`);
}
