import { EnvReader, type LogLevel } from '../../../casusregie/src/config/env-reader';
import {
  type ProcessorsConfig,
  readProcessorsConfig,
} from '../../../casusregie/src/config/processors-config';

export interface NotifierConfig extends ProcessorsConfig {
  /** The embedded default's data directory: the notifier reads and appends to its event store. */
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  readonly eventStoreSynchronous: 'FULL' | 'NORMAL';
  readonly logLevel: LogLevel;
  /** Path of the reference data file (automatic escalation per table); undefined = the shipped file. */
  readonly referenceDataFile?: string;
  /** /health/ready fails when the notifier's read models are more than this many case events behind. */
  readonly readyMaxProjectionLag: number;
}

/**
 * The notifier's environment, validated once at start-up; every wrong value is named with what is allowed.
 * DATA_DIR, PORT (default 3001), HOST, EVENT_STORE_SYNCHRONOUS, LOG_LEVEL, REFERENCE_DATA_FILE,
 * READY_MAX_PROJECTION_LAG, WATCHER_ENABLED, WATCH_INTERVAL_MS, DEADLINE_APPROACHING_DAYS and KAFKA_*.
 */
export function loadNotifierConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): NotifierConfig {
  const reader = new EnvReader(env, cwd);
  const config: NotifierConfig = {
    dataDir: reader.dataDir(),
    port: reader.port(3001),
    host: reader.host(),
    eventStoreSynchronous: reader.eventStoreSynchronous(),
    logLevel: reader.logLevel(),
    referenceDataFile: reader.referenceDataFile(),
    readyMaxProjectionLag: reader.wholeNumber('READY_MAX_PROJECTION_LAG', 1000, 0, 1_000_000_000, 'events'),
    ...readProcessorsConfig(reader),
  };
  reader.done();
  return config;
}
