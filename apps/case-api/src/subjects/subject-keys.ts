import { createHmac, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import {
  loadMasterKey,
  type MasterKey,
  SqliteSubjectKeyStore,
  type SubjectKeyStore,
  subjectKeyStoreFile,
} from '@casusregie/security';
import type { CaseApiOptions } from '../case-api.module';
import { deterministicEventId } from '../commands/deterministic-event-id';
import { CLOCK, type Clock } from '../platform/clock';

/** The key-encryption key (from configuration, or DATA_DIR/master.key). Only the providers here use it. */
export const MASTER_KEY = Symbol('MASTER_KEY');
/** The SubjectKeyStore port: one data key per subject; destroying it erases the subject everywhere. */
export const SUBJECT_KEY_STORE = Symbol('SUBJECT_KEY_STORE');

/**
 * Subject ids for retried registrations. With an Idempotency-Key the subject id must come out the same on a
 * retry, but it must not be computable by others: reading a subject's data is allowed to coordinators of
 * the tables of cases that refer to it, and any coordinator may register a case for a subject id they know.
 * So the id is an HMAC under a secret derived (HKDF) from the master key, never a plain hash of the key.
 */
export class SubjectIdDeriver {
  private constructor(private readonly secret: KeyObject) {}

  static fromMasterKey(masterKey: MasterKey): SubjectIdDeriver {
    const bytes = Buffer.from(hkdfSync('sha256', masterKey.key, '', 'casusregie/subject-id/v1', 32));
    const deriver = new SubjectIdDeriver(createSecretKey(bytes));
    bytes.fill(0);
    return deriver;
  }

  /** A UUID-shaped id for this caller's Idempotency-Key; `scope` names the caller. */
  derive(scope: string, idempotencyKey: string): string {
    const mac = createHmac('sha256', this.secret).update(`${scope}\u0000${idempotencyKey}`).digest('hex');
    return deterministicEventId('casusregie/subject-id', mac, 0);
  }
}

@Injectable()
export class SubjectKeyStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(SUBJECT_KEY_STORE) private readonly keys: SubjectKeyStore) {}

  onApplicationShutdown(): void {
    // The SQLite store has close(); an in-memory store (tests) has nothing to close.
    (this.keys as Partial<{ close(): void }>).close?.();
  }
}

/**
 * The key store of the embedded default: DATA_DIR/keys.sqlite, each subject key wrapped by the master key
 * from `options.masterKey` (base64 of 32 bytes) or else from DATA_DIR/master.key (generated on first start).
 * A wrong master key stops the start-up with a clear message; it never silently creates a second key set.
 */
export function subjectKeyProviders(options: CaseApiOptions): Provider[] {
  return [
    {
      provide: MASTER_KEY,
      useFactory: (): MasterKey => {
        const masterKey = loadMasterKey({ configured: options.masterKey, dataDir: options.dataDir });
        if (masterKey.generated) {
          new Logger('subjects').warn(
            `Generated a master key for personal data at ${masterKey.path} (id ${masterKey.id}). Back it up ` +
              'apart from keys.sqlite; without it no client data can be read. Configure the master key for real use.',
          );
        }
        return masterKey;
      },
    },
    {
      provide: SUBJECT_KEY_STORE,
      inject: [MASTER_KEY, CLOCK],
      useFactory: (masterKey: MasterKey, clock: Clock): SubjectKeyStore =>
        new SqliteSubjectKeyStore({
          filename: subjectKeyStoreFile(options.dataDir),
          masterKey,
          now: () => clock.now(),
        }),
    },
    {
      provide: SubjectIdDeriver,
      inject: [MASTER_KEY],
      useFactory: (masterKey: MasterKey) => SubjectIdDeriver.fromMasterKey(masterKey),
    },
    SubjectKeyStoreCloser,
  ];
}
