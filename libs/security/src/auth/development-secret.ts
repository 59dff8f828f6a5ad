import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreatePrivateFile, SecretFileError } from '../files/private-file';
import { MIN_HS256_SECRET_BYTES } from './hs256';

export const DEVELOPMENT_SECRET_FILE = 'jwt-dev-secret';

export interface DevelopmentSecret {
  /** The HS256 secret (base64 text of 32 random bytes). Never log it. */
  readonly secret: string;
  /** True when this call created the file: the app should log that (the path, not the secret). */
  readonly generated: boolean;
  readonly path: string;
}

/**
 * The HS256 secret for local use, kept in DATA_DIR/jwt-dev-secret (mode 0600) and created on first call.
 * Only for the embedded default without a configured JWT secret; production configures its own secret or RS256.
 */
export function ensureDevelopmentSecret(dataDir: string): DevelopmentSecret {
  const path = join(dataDir, DEVELOPMENT_SECRET_FILE);
  const file = readOrCreatePrivateFile(path, () => `${randomBytes(32).toString('base64')}\n`);
  const secret = file.content.trim();
  if (Buffer.byteLength(secret, 'utf8') < MIN_HS256_SECRET_BYTES || /\s/.test(secret)) {
    throw new SecretFileError(
      path,
      `${path} does not hold a usable secret (one line of at least ${MIN_HS256_SECRET_BYTES} characters); delete it to generate a new one`,
    );
  }
  return { secret, generated: file.generated, path };
}
