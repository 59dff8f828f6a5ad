import { ConfigError, EnvReader, type LogLevel } from './env-reader';
import { type ProcessorsConfig, readProcessorsConfig } from './processors-config';

export { ConfigError };

export interface AppConfig extends ProcessorsConfig {
  /** Where the embedded default keeps its files (event store, later read models and keys). */
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  /** FULL (default): an acknowledged command survives power loss. NORMAL: survives a process crash only. */
  readonly eventStoreSynchronous: 'FULL' | 'NORMAL';
  readonly logLevel: LogLevel;
  readonly auth: AuthConfig;
  /** Path of the reference data file; undefined = the file shipped in libs/reference-data. */
  readonly referenceDataFile?: string;
  /** /health/ready fails when a projection is more than this many events behind the log. */
  readonly readyMaxProjectionLag: number;
  /** Base64 of 32 bytes that wraps the per-subject keys; undefined = DATA_DIR/master.key (generated once). */
  readonly masterKey?: string;
}

export type AuthConfig =
  | { readonly mode: 'hs256'; readonly secret?: string; readonly issuer?: string; readonly audience?: string }
  | { readonly mode: 'jwks'; readonly jwksUrl: string; readonly issuer?: string; readonly audience?: string };

/** Reads and validates the environment once at start-up; every wrong value is named with what is allowed. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): AppConfig {
  const reader = new EnvReader(env, cwd);
  const problems = reader.problems;
  const dataDir = reader.dataDir();
  const port = reader.port(3000);
  const host = reader.host();
  const eventStoreSynchronous = reader.eventStoreSynchronous();
  const logLevel = reader.logLevel();
  const auth = authConfig(env, problems);

  const lagRaw = env.READY_MAX_PROJECTION_LAG ?? '1000';
  const readyMaxProjectionLag = Number(lagRaw);
  if (!/^\d+$/.test(lagRaw))
    problems.push(`READY_MAX_PROJECTION_LAG must be a whole number of events, got "${lagRaw}"`);

  const referenceDataFile = reader.referenceDataFile();

  const masterKey = env.MASTER_KEY || undefined;
  if (masterKey !== undefined && Buffer.from(masterKey, 'base64').length !== 32) {
    problems.push(
      'MASTER_KEY must be the base64 encoding of 32 random bytes (e.g. `openssl rand -base64 32`)',
    );
  }
  const processors = readProcessorsConfig(reader);

  reader.done();
  return {
    dataDir,
    port,
    host,
    eventStoreSynchronous,
    logLevel,
    auth,
    referenceDataFile,
    readyMaxProjectionLag,
    masterKey,
    ...processors,
  };
}

function authConfig(env: NodeJS.ProcessEnv, problems: string[]): AuthConfig {
  const issuer = env.AUTH_ISSUER || undefined;
  const audience = env.AUTH_AUDIENCE || undefined;
  if (env.AUTH_JWKS_URL) {
    if (env.AUTH_JWT_SECRET) problems.push('Set AUTH_JWKS_URL (RS256) or AUTH_JWT_SECRET (HS256), not both');
    let url: URL | undefined;
    try {
      url = new URL(env.AUTH_JWKS_URL);
    } catch {
      problems.push(`AUTH_JWKS_URL must be an http(s) URL, got "${env.AUTH_JWKS_URL}"`);
    }
    if (url && url.protocol !== 'https:' && url.protocol !== 'http:') {
      problems.push(`AUTH_JWKS_URL must be an http(s) URL, got "${env.AUTH_JWKS_URL}"`);
    }
    return { mode: 'jwks', jwksUrl: env.AUTH_JWKS_URL, issuer, audience };
  }
  const secret = env.AUTH_JWT_SECRET || undefined;
  if (secret !== undefined && Buffer.byteLength(secret) < 32) {
    problems.push(
      'AUTH_JWT_SECRET must be at least 32 bytes (or leave it unset to use a generated development secret)',
    );
  }
  return { mode: 'hs256', secret, issuer, audience };
}
