import { Injectable, type MessageEvent, type OnModuleDestroy } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { InboxHandle } from '@casusregie/projections';
import { ProblemError, problem } from '../platform/problem-details';

/** Rows read per step while a stream catches up; the next step runs after a turn of the event loop. */
const CATCH_UP_PAGE = 200;

export interface InboxEventsOptions {
  readonly inbox: Pick<InboxHandle, 'queries' | 'changes'>;
  readonly organisationId: string;
  /** Send the organisation's notifications with a higher sequence than this. */
  readonly after: number;
  /** Today's Dutch calendar date (for `overdue` in each item). */
  readonly today: () => string;
  readonly heartbeatMs: number;
}

/**
 * The server-sent events of one organisation's inbox: each notification as an event `notification` with `id:` its
 * sequence and the inbox item as JSON data, from `after` on (the backlog first, then live), and a comment every
 * `heartbeatMs` so that proxies keep the connection and a dead client is noticed. Each wake-up reads the rows after
 * the last one sent, so nothing is lost between a commit's signal and the read, and nothing is sent twice.
 */
export function inboxEvents(options: InboxEventsOptions): Observable<MessageEvent> {
  const { inbox, organisationId } = options;
  return new Observable<MessageEvent>((subscriber) => {
    let last = options.after;
    let step: NodeJS.Immediate | null = null;
    const send = () => {
      step = null;
      try {
        const items = inbox.queries.after(organisationId, last, options.today(), CATCH_UP_PAGE);
        for (const item of items) {
          subscriber.next({ type: 'notification', id: String(item.sequence), data: item });
          last = item.sequence;
        }
        if (items.length === CATCH_UP_PAGE) step = setImmediate(send);
      } catch (error) {
        subscriber.error(error);
      }
    };
    const wake = () => {
      step ??= setImmediate(send);
    };
    const stopListening = inbox.changes.subscribe(organisationId, wake);
    const heartbeat = setInterval(() => subscriber.next({ comment: 'heartbeat' }), options.heartbeatMs);
    wake();
    return () => {
      stopListening();
      clearInterval(heartbeat);
      if (step) clearImmediate(step);
    };
  });
}

/** `Last-Event-ID`: the sequence of the last notification the client got (digits only); absent when empty; 400 otherwise. */
export function lastEventIdOf(header: string | string[] | undefined): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  // The SSE spec: an empty Last-Event-ID means no last event id (a client may send it after an id-less event).
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,15}$/.test(value)) {
    throw new ProblemError(
      problem(400, {
        code: 'invalid-last-event-id',
        detail: 'Last-Event-ID must be the id of an inbox event: a whole number.',
        errors: [{ field: 'Last-Event-ID', messages: ['Last-Event-ID must be a whole number'] }],
      }),
    );
  }
  return Number(value);
}

/**
 * The open inbox streams of this process: ended when the application shuts down (before the HTTP server closes,
 * which waits for open responses, and before the inbox file closes), so a shutdown never hangs on a console tab.
 */
@Injectable()
export class InboxStreams implements OnModuleDestroy {
  private readonly open = new Set<() => void>();
  private closed = false;

  /** `events`, completed on shutdown; a stream asked for during shutdown ends at once. */
  track(events: Observable<MessageEvent>): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      if (this.closed) {
        subscriber.complete();
        return undefined;
      }
      const end = () => subscriber.complete();
      this.open.add(end);
      const subscription = events.subscribe(subscriber);
      return () => {
        this.open.delete(end);
        subscription.unsubscribe();
      };
    });
  }

  get size(): number {
    return this.open.size;
  }

  onModuleDestroy(): void {
    this.closed = true;
    for (const end of [...this.open]) end();
  }
}
