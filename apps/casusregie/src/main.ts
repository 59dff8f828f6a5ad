import 'reflect-metadata';
import { loadConfig } from './config/app-config';
import { createApp } from './create-app';
import { serve } from './platform/serve';

/** The embedded default: one process, SQLite event store in DATA_DIR. */
void serve('casusregie', loadConfig, (config, logger) => createApp({ config, logger }));
