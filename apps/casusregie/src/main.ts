import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './create-app';
import { createLogger } from './logging/logger';

/** The embedded default: one process, SQLite event store in DATA_DIR. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const app = await createApp({ config, logger });
  await app.listen(config.port, config.host);
  logger.info({ url: await app.getUrl(), dataDir: config.dataDir }, 'casusregie is listening');
}

void main();
