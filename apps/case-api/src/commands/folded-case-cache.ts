import type { CaseState } from '@casusregie/domain';

/** A case stream folded up to `version`, as the command executor keeps it between commands. */
export interface FoldedCase {
  /** The number of events folded (the stream version the state belongs to). */
  readonly version: number;
  readonly state: CaseState;
  /** Global position of the last event folded. */
  readonly lastPosition: number;
  /**
   * 32-bit hashes of the ids of every event folded: "not in here" is certain, "in here" may be a collision (then
   * the caller reads the stream to be sure).
   */
  readonly eventIdHashes: readonly number[];
}

/** FNV-1a over the UTF-16 code units: cheap, and collisions only cost a stream read. */
export function eventIdHash(eventId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < eventId.length; i++) {
    hash ^= eventId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The folded state of recently commanded cases, so a command reads and folds only the events after the cached
 * version instead of the whole stream. Bounded: the least recently used case is dropped first. The cache is an
 * optimisation only: the append's expected-version check still guards every write, and the executor drops an
 * entry whenever it is unsure (a lost race, an unexpected error).
 */
export class FoldedCaseCache {
  private readonly entries = new Map<string, FoldedCase>();

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 0) throw new RangeError('capacity must be 0 or more');
  }

  /** The entry, now the most recently used. */
  get(streamId: string): FoldedCase | undefined {
    const entry = this.entries.get(streamId);
    if (entry === undefined) return undefined;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry;
  }

  set(streamId: string, entry: FoldedCase): void {
    if (this.capacity === 0) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  delete(streamId: string): void {
    this.entries.delete(streamId);
  }

  get size(): number {
    return this.entries.size;
  }
}
