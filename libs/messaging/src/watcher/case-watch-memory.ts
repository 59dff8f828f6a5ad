/** What the watcher remembers of a case it has read: the version it saw and when the case needs it again. */
interface Remembered {
  readonly version: number;
  /** The Dutch date of the tick that read it. */
  readonly watchedOn: string;
  /** The first date on which the watcher would decide something for this version; null: never. */
  readonly nextWatchOn: string | null;
}

/**
 * Spares the watcher reading cases that cannot give anything: a case is read again only when the read model shows a
 * newer version than the watcher saw, or its next watch date has come (and not on the day it was read: what the
 * watcher decides depends only on the case and the date). Bounded: beyond `capacity` cases the least recently
 * remembered is forgotten, which only costs a read. Lost on restart, which also only costs a read per case.
 */
export class CaseWatchMemory {
  private readonly cases = new Map<string, Remembered>();

  constructor(private readonly capacity = 100_000) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError('The memory capacity must be a positive integer');
    }
  }

  get size(): number {
    return this.cases.size;
  }

  /** Whether the case must be read on `today`, given the version the read model shows. */
  needsWatch(caseId: string, version: number, today: string): boolean {
    const known = this.cases.get(caseId);
    if (!known || version > known.version) return true;
    if (today === known.watchedOn) return false;
    return known.nextWatchOn !== null && known.nextWatchOn <= today;
  }

  remember(caseId: string, version: number, watchedOn: string, nextWatchOn: string | null): void {
    this.cases.delete(caseId);
    this.cases.set(caseId, { version, watchedOn, nextWatchOn });
    if (this.cases.size > this.capacity) {
      const oldest = this.cases.keys().next().value;
      if (oldest !== undefined) this.cases.delete(oldest);
    }
  }

  forget(caseId: string): void {
    this.cases.delete(caseId);
  }

  clear(): void {
    this.cases.clear();
  }
}
