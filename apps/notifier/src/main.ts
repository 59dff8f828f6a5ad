import 'reflect-metadata';
import { serve } from '../../casusregie/src/platform/serve';
import { loadNotifierConfig } from './config/notifier-config';
import { createNotifier } from './create-notifier';

/** apps/notifier: the deadline watcher and the relay to Kafka, on the event store in DATA_DIR. */
void serve('notifier', loadNotifierConfig, (config, logger) => createNotifier({ config, logger }));
