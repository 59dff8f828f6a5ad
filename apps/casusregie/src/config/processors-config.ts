import type { KafkaPublisherConfig } from '@casusregie/messaging';
import type { EnvReader } from './env-reader';

/** The deadline watcher's settings, the same in the embedded default and the notifier. */
export interface WatcherConfig {
  /** WATCHER_ENABLED (default true). */
  readonly enabled: boolean;
  /** WATCH_INTERVAL_MS: time between the end of one tick and the start of the next (default 60,000). */
  readonly intervalMs: number;
  /** DEADLINE_APPROACHING_DAYS: calendar days before the due date from which a deadline approaches (default 3). */
  readonly approachingWithinDays: number;
}

/** What runs beside the HTTP API: the deadline watcher and, when KAFKA_BROKERS is set, the relay to Kafka. */
export interface ProcessorsConfig {
  readonly watcher: WatcherConfig;
  /** null: KAFKA_BROKERS is not set and the relay is off. */
  readonly kafka: KafkaPublisherConfig | null;
}

export const DEFAULT_WATCH_INTERVAL_MS = 60_000;
export const DEFAULT_DEADLINE_APPROACHING_DAYS = 3;

export function readProcessorsConfig(reader: EnvReader): ProcessorsConfig {
  return {
    watcher: {
      enabled: reader.boolean('WATCHER_ENABLED', true),
      intervalMs: reader.wholeNumber(
        'WATCH_INTERVAL_MS',
        DEFAULT_WATCH_INTERVAL_MS,
        10,
        86_400_000,
        'milliseconds',
      ),
      approachingWithinDays: reader.wholeNumber(
        'DEADLINE_APPROACHING_DAYS',
        DEFAULT_DEADLINE_APPROACHING_DAYS,
        0,
        365,
        'calendar days',
      ),
    },
    kafka: reader.kafka(),
  };
}
