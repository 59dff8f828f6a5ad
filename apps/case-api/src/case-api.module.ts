import { join } from 'node:path';
import {
  type DynamicModule,
  Module,
  type OnApplicationShutdown,
  type Provider,
  Inject,
  Injectable,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthGuard } from './auth/auth.guard';
import { AUTHENTICATOR, type Authenticator } from './auth/authenticator';
import { CaseCommandExecutor } from './commands/case-command-executor';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from './commands/idempotency-store';
import { SqliteIdempotencyStore } from './commands/sqlite-idempotency-store';
import { ORGANISATION_DIRECTORY, type OrganisationDirectory } from './cases/organisation-directory';
import { RegistrationController } from './cases/registration.controller';
import { REGISTRATION_HANDLERS } from './cases/registration.commands';
import * as groupA from './cases/commands-registry-a';
import * as groupB from './cases/commands-registry-b';
import { CLOCK, type Clock, systemClock } from './platform/clock';
import { CaseStreamReader } from './queries/case-stream-reader';
import { ResponsibilityController } from './queries/responsibility.controller';
import { ReferenceController } from './reference/reference.controller';
import { READ_MODEL_CONTROLLERS, readModelProviders } from './queries/read-model.registry';
import { CASE_READ_MODELS_HANDLE } from './queries/read-models.provider';
import type { ReadModelOptions } from './queries/read-models.provider';
import { SUBJECT_CONTROLLERS, SUBJECT_IMPORTS, subjectProviders } from './subjects/subjects.registry';
import { INBOX_CONTROLLERS, INBOX_HANDLE, type InboxOptions, inboxProviders } from './inbox/inbox.registry';
import { RESPONSIBILITY_QUERY_HANDLERS } from './queries/responsibility.queries';
import { ProblemDetailsFilter } from './platform/problem-details.filter';
import { createValidationPipe } from './platform/validation.pipe';

export interface CaseApiOptions {
  readonly dataDir: string;
  readonly authenticator: Authenticator;
  readonly directory: OrganisationDirectory;
  readonly clock?: Clock;
  readonly masterKey?: string;
  /** Read models: file (default DATA_DIR/read-models.sqlite), minPosition wait (default 2 s), processor logger. */
  readonly readModels?: ReadModelOptions;
  /** The liaison inbox: file (default DATA_DIR/inbox.sqlite), processor logger, SSE heartbeat. */
  readonly inbox?: InboxOptions;
}

@Injectable()
class IdempotencyStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}

  onApplicationShutdown(): Promise<void> {
    return this.store.close();
  }
}

/**
 * The HTTP API for coordinators and liaisons. The host app provides the EventStore port (EVENT_STORE_PORT);
 * this module adds authentication (deny by default), validation, problem+json errors and the command handlers.
 */
@Module({})
export class CaseApiModule {
  static forRoot(options: CaseApiOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: AUTHENTICATOR, useValue: options.authenticator },
      { provide: ORGANISATION_DIRECTORY, useValue: options.directory },
      { provide: CLOCK, useValue: options.clock ?? systemClock },
      {
        provide: IDEMPOTENCY_STORE,
        useFactory: () => new SqliteIdempotencyStore(join(options.dataDir, 'api.sqlite')),
      },
      IdempotencyStoreCloser,
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      { provide: APP_PIPE, useFactory: createValidationPipe },
      CaseCommandExecutor,
      ...REGISTRATION_HANDLERS,
      ...groupA.HANDLERS,
      ...groupB.HANDLERS,
      CaseStreamReader,
      ...RESPONSIBILITY_QUERY_HANDLERS,
      ...subjectProviders(options),
      ...readModelProviders(options),
      ...inboxProviders(options),
    ];
    return {
      module: CaseApiModule,
      imports: [CqrsModule.forRoot(), ...SUBJECT_IMPORTS],
      controllers: [
        RegistrationController,
        ResponsibilityController,
        ReferenceController,
        ...groupA.CONTROLLERS,
        ...groupB.CONTROLLERS,
        ...SUBJECT_CONTROLLERS,
        ...READ_MODEL_CONTROLLERS,
        ...INBOX_CONTROLLERS,
      ],
      providers,
      exports: [CLOCK, CASE_READ_MODELS_HANDLE, INBOX_HANDLE],
    };
  }
}
