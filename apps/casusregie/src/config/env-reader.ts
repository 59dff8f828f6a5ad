import { isAbsolute, resolve } from 'node:path';
import { KafkaConfigError, type KafkaPublisherConfig, kafkaConfigFromEnv } from '@casusregie/messaging';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads environment variables for the configuration of a casusregie process, collecting every wrong value as a
 * problem that names the variable and what is allowed; `done()` throws them all at once as a ConfigError.
 * Shared by the embedded default and the notifier, so the same variable means the same in both.
 */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(
    readonly env: NodeJS.ProcessEnv,
    private readonly cwd: string,
  ) {}

  dataDir(): string {
    const raw = this.env.DATA_DIR ?? './data';
    if (raw.trim() === '') this.problems.push('DATA_DIR must not be empty (default ./data)');
    return isAbsolute(raw) ? raw : resolve(this.cwd, raw);
  }

  port(fallback: number): number {
    const raw = this.env.PORT ?? String(fallback);
    const port = Number(raw);
    if (!/^\d+$/.test(raw) || port < 0 || port > 65535) {
      this.problems.push(`PORT must be an integer from 0 to 65535 (0 = any free port), got "${raw}"`);
    }
    return port;
  }

  host(): string {
    const host = this.env.HOST ?? '0.0.0.0';
    if (host.trim() === '') this.problems.push('HOST must not be empty (default 0.0.0.0)');
    return host;
  }

  eventStoreSynchronous(): 'FULL' | 'NORMAL' {
    const synchronous = (this.env.EVENT_STORE_SYNCHRONOUS ?? 'FULL').toUpperCase();
    if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
      this.problems.push(
        `EVENT_STORE_SYNCHRONOUS must be FULL or NORMAL, got "${this.env.EVENT_STORE_SYNCHRONOUS}"`,
      );
    }
    return synchronous as 'FULL' | 'NORMAL';
  }

  logLevel(): LogLevel {
    const level = (this.env.LOG_LEVEL ?? 'info') as LogLevel;
    if (!LOG_LEVELS.includes(level)) {
      this.problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
    }
    return level;
  }

  referenceDataFile(): string | undefined {
    return this.env.REFERENCE_DATA_FILE ? resolve(this.cwd, this.env.REFERENCE_DATA_FILE) : undefined;
  }

  /** A whole number from `min` to `max` (inclusive), `fallback` when unset; `unit` goes into the message. */
  wholeNumber(name: string, fallback: number, min: number, max: number, unit: string): number {
    const raw = this.env[name]?.trim() || String(fallback);
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(
        `${name} must be a whole number of ${unit} from ${min} to ${max} (default ${fallback}), got "${raw}"`,
      );
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.env[name]?.trim().toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    this.problems.push(`${name} must be true or false (default ${fallback}), got "${this.env[name]}"`);
    return fallback;
  }

  /** The Kafka relay's settings (KAFKA_*), or null when KAFKA_BROKERS is unset: the relay is then off. */
  kafka(): KafkaPublisherConfig | null {
    try {
      return kafkaConfigFromEnv(this.env);
    } catch (error) {
      if (!(error instanceof KafkaConfigError)) throw error;
      this.problems.push(error.message);
      return null;
    }
  }

  /** Throws every problem found so far at once. */
  done(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}
