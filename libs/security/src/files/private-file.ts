import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SecurityError } from '../security-error';

/** A secret file is missing its content, is not a regular file, or others may read it. */
export class SecretFileError extends SecurityError {
  readonly code = 'security.secret-file-invalid';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'SecretFileError';
  }
}

export interface PrivateFile {
  readonly content: string;
  /** True when this call created the file. */
  readonly generated: boolean;
}

const checksPermissions = process.platform !== 'win32';

/**
 * Returns the content of a secret file, creating it with mode 0600 first if it does not exist. Creation is
 * atomic: the content is written and fsynced under a temporary name and then hard-linked into place, so
 * concurrent first starts agree on one secret and nobody ever reads a half-written file.
 */
export function readOrCreatePrivateFile(path: string, createContent: () => string): PrivateFile {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const existing = readPrivateFile(path);
  if (existing !== undefined) return { content: existing, generated: false };

  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  const content = createContent();
  const fd = openSync(temporary, 'wx', 0o600);
  let linked = false;
  try {
    try {
      fchmodSync(fd, 0o600);
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(temporary, path);
    linked = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  if (!linked) return { content: readPrivateFile(path) ?? '', generated: false };
  syncDirectory(dirname(path));
  return { content, generated: true };
}

/** The file's content, or undefined when it does not exist. Refuses files that group or others may access. */
export function readPrivateFile(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP')
      throw new SecretFileError(path, `${path} is a symbolic link; a secret file must be a regular file`);
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new SecretFileError(path, `${path} is not a regular file`);
    if (checksPermissions && (stat.mode & 0o077) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
      throw new SecretFileError(
        path,
        `${path} may be read by group or others (mode ${mode}); restrict it with: chmod 600 ${path}`,
      );
    }
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

function syncDirectory(directory: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(directory, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
