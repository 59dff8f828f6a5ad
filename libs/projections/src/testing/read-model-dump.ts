import type { ReadModelDatabase } from '../database/read-model-database';
import { READ_MODEL_TABLES } from '../database/schema';

/** Every row of every read-model table (FTS: rowid and summary), in a stable order: for equality checks. */
export function dumpReadModels(db: ReadModelDatabase): Record<string, unknown[]> {
  const dump: Record<string, unknown[]> = {};
  for (const table of READ_MODEL_TABLES) {
    const select =
      table === 'case_search' ? 'SELECT rowid, summary FROM case_search' : `SELECT * FROM ${table}`;
    dump[table] = db.connection
      .prepare(select)
      .raw()
      .all()
      .map((row) => JSON.stringify(row))
      .sort();
  }
  return dump;
}
