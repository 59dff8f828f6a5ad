import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { CaseApiModule } from '../../case-api/src/case-api.module';
import { type Clock, systemClock } from '../../case-api/src/platform/clock';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config.provider';
import { EventStoreModule } from './event-store/event-store.module';
import { HealthController } from './health/health.controller';
import { createAuthenticator } from './wiring/authenticator';
import { createDirectory } from './wiring/directory';

export interface AppModuleOptions {
  readonly config: AppConfig;
  readonly logger: Logger;
  /** The one clock of the process (commands, store timestamps); tests inject a manual one. */
  readonly clock?: Clock;
}

/** The embedded default: event store, case API and (later) processors in one process. */
@Module({})
export class AppModule {
  static forConfig({ config, logger, clock = systemClock }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        EventStoreModule.embedded(config, clock),
        CaseApiModule.forRoot({
          dataDir: config.dataDir,
          authenticator: createAuthenticator(config, logger, () => clock.now()),
          directory: createDirectory(config),
          masterKey: config.masterKey,
          readModels: { logger: logger.child({ component: 'projections' }) },
          clock,
        }),
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
    };
  }
}
