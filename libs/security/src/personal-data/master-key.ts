import { createHmac, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { decodeBase64 } from '../encoding/base64url';
import { readOrCreatePrivateFile } from '../files/private-file';
import { MasterKeyError } from './personal-data-errors';

export const MASTER_KEY_FILE = 'master.key';
const MASTER_KEY_BYTES = 32;

/** The key-encryption key that wraps every subject key. */
export interface MasterKey {
  readonly key: KeyObject;
  /** A fingerprint that identifies the key without revealing it; safe to log. */
  readonly id: string;
  readonly source: 'configuration' | 'file';
  /** True when this start created the key file: the app should log that (with the path). */
  readonly generated: boolean;
  /** The key file, when the key came from one. */
  readonly path?: string;
}

export interface LoadMasterKeyOptions {
  /** The master key from configuration: base64 of exactly 32 bytes. Takes precedence over the key file. */
  readonly configured?: string;
  /** Where DATA_DIR/master.key is read from, or created (mode 0600) when absent. */
  readonly dataDir: string;
}

/**
 * The master key from configuration or else from DATA_DIR/master.key, generated on first start. Losing that
 * file loses every subject's data, so it belongs in the backups of the data directory (but in a separate place
 * from keys.sqlite when backups leave the machine).
 */
export function loadMasterKey(options: LoadMasterKeyOptions): MasterKey {
  if (options.configured !== undefined && options.configured.trim() !== '') {
    const bytes = decodeBase64(options.configured.trim());
    if (bytes?.length !== MASTER_KEY_BYTES) {
      throw new MasterKeyError(
        'The configured master key must be standard base64 of exactly 32 bytes (for example: openssl rand -base64 32)',
      );
    }
    return masterKeyFromBytes(bytes, 'configuration', false);
  }
  const path = join(options.dataDir, MASTER_KEY_FILE);
  const file = readOrCreatePrivateFile(path, () => `${randomBytes(MASTER_KEY_BYTES).toString('base64')}\n`);
  const bytes = decodeBase64(file.content.trim());
  if (bytes?.length !== MASTER_KEY_BYTES) {
    throw new MasterKeyError(`${path} does not hold a master key (one line: base64 of exactly 32 bytes)`);
  }
  return { ...masterKeyFromBytes(bytes, 'file', file.generated), path };
}

export function masterKeyFromBytes(
  bytes: Buffer,
  source: MasterKey['source'],
  generated: boolean,
): MasterKey {
  if (bytes.length !== MASTER_KEY_BYTES) throw new MasterKeyError('A master key must be exactly 32 bytes');
  const id = createHmac('sha256', bytes).update('casusregie/master-key-id').digest('hex').slice(0, 16);
  return { key: createSecretKey(bytes), id, source, generated };
}
