/**
 * Tells live readers (the API's server-sent events) that an organisation's inbox got new notifications. A signal
 * only: a listener reads the rows after the last one it sent, so nothing is lost between a signal and the read.
 */
export class InboxChanges {
  private readonly listeners = new Map<string, Set<() => void>>();

  /** Calls `listener` after each commit that added notifications for `organisationId`; returns the unsubscribe. */
  subscribe(organisationId: string, listener: () => void): () => void {
    let set = this.listeners.get(organisationId);
    if (!set) {
      set = new Set();
      this.listeners.set(organisationId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(organisationId) === set) this.listeners.delete(organisationId);
    };
  }

  /** Called by the projection after a commit. A listener that throws does not keep the others from hearing it. */
  publish(organisationIds: Iterable<string>): void {
    for (const organisationId of organisationIds) {
      for (const listener of [...(this.listeners.get(organisationId) ?? [])]) {
        try {
          listener();
        } catch {
          // a reader's failure is its own; the projection has committed and goes on
        }
      }
    }
  }

  /** How many live readers listen (all organisations). */
  get listenerCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }
}
