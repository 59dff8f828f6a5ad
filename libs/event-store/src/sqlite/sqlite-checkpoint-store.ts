import type Database from 'better-sqlite3';
import type { CheckpointStore } from '../port/event-store.port';

export class SqliteCheckpointStore implements CheckpointStore {
  private readonly select: Database.Statement<[string], [number]>;
  private readonly upsert: Database.Statement<[string, number, string]>;

  constructor(
    db: Database.Database,
    private readonly now: () => Date,
  ) {
    this.select = db
      .prepare<[string], [number]>('SELECT position FROM checkpoints WHERE processor_name = ?')
      .raw();
    this.upsert = db.prepare(
      `INSERT INTO checkpoints (processor_name, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (processor_name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
  }

  async load(processorName: string): Promise<number> {
    return this.select.get(processorName)?.[0] ?? 0;
  }

  async store(processorName: string, position: number): Promise<void> {
    if (!Number.isSafeInteger(position) || position < 0) {
      throw new RangeError(`Checkpoint position must be a non-negative integer, got ${position}`);
    }
    this.upsert.run(processorName, position, this.now().toISOString());
  }
}
