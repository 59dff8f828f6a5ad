import type { ReadModelDatabase } from '../database/read-model-database';

/** Checkpoints live in the read-model database itself, so that they commit with the rows they describe. */
export function loadCheckpoint(db: ReadModelDatabase, name: string): number {
  const row = db
    .statement<[string], { position: number }>('SELECT position FROM projection_checkpoints WHERE name = ?')
    .get(name);
  return row?.position ?? 0;
}

/** Call inside the batch's transaction. */
export function storeCheckpoint(db: ReadModelDatabase, name: string, position: number): void {
  db.statement(
    'INSERT INTO projection_checkpoints (name, position) VALUES (?, ?) ' +
      'ON CONFLICT (name) DO UPDATE SET position = excluded.position',
  ).run(name, position);
}
