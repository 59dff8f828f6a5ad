import { isAbsolute, resolve } from 'node:path';

export interface AppConfig {
  /** Where the embedded default keeps its files (event store, later read models and keys). */
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  /** FULL (default): an acknowledged command survives power loss. NORMAL: survives a process crash only. */
  readonly eventStoreSynchronous: 'FULL' | 'NORMAL';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once at start-up; every wrong value is named with what is allowed. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];

  const dataDirRaw = env.DATA_DIR ?? './data';
  if (dataDirRaw.trim() === '') problems.push('DATA_DIR must not be empty (default ./data)');
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);

  const portRaw = env.PORT ?? '3000';
  const port = Number(portRaw);
  if (!/^\d+$/.test(portRaw) || port < 0 || port > 65535) {
    problems.push(`PORT must be an integer from 0 to 65535 (0 = any free port), got "${portRaw}"`);
  }

  const host = env.HOST ?? '0.0.0.0';
  if (host.trim() === '') problems.push('HOST must not be empty (default 0.0.0.0)');

  const synchronous = (env.EVENT_STORE_SYNCHRONOUS ?? 'FULL').toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    problems.push(`EVENT_STORE_SYNCHRONOUS must be FULL or NORMAL, got "${env.EVENT_STORE_SYNCHRONOUS}"`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return { dataDir, port, host, eventStoreSynchronous: synchronous as 'FULL' | 'NORMAL' };
}
