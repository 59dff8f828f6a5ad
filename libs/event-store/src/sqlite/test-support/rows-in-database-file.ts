import { copyFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Rows of `table` in the database file itself, without its WAL: what checkpoints have copied there (0 while not
 * even the table has been copied). Reads a copy, so the WAL of the file under test is left alone.
 */
export function rowsInDatabaseFile(filename: string, table: string): number {
  const copy = `${filename}.copy`;
  copyFileSync(filename, copy);
  const db = new Database(copy);
  try {
    const schema = db.prepare('SELECT COUNT(*) AS n FROM sqlite_master WHERE name = ?').get(table) as {
      n: number;
    };
    if (schema.n === 0) return 0;
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  }
}
