import type { StoredEvent } from '@casusregie/event-store';

/** An event a projection could not handle; carries where it stands in the log (ids and type only). */
export class ProjectionEventError extends Error {
  readonly eventType: string;
  readonly streamId: string;
  readonly globalPosition: number;
  readonly eventId: string;

  constructor(
    event: StoredEvent,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${reason}: event type ${event.type} in stream ${event.streamId} at position ${event.globalPosition} ` +
        `(event ${event.eventId})`,
      options,
    );
    this.name = 'ProjectionEventError';
    this.eventType = event.type;
    this.streamId = event.streamId;
    this.globalPosition = event.globalPosition;
    this.eventId = event.eventId;
  }
}

/** Why a runner stopped on its own. */
export interface ProjectionFailure {
  readonly message: string;
  readonly eventType?: string;
  readonly streamId?: string;
  readonly globalPosition?: number;
  readonly eventId?: string;
  /** The checkpoint the read model stays at (the last committed batch). */
  readonly checkpoint: number;
}
