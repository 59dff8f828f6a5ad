/** What every command endpoint answers: the case's new version (also the ETag) and the global position. */
export interface CommandResponse {
  readonly caseId: string;
  /** The number of events in the case stream after the command; send it back as If-Match. */
  readonly version: number;
  /** Global position of the command's last event; pass it as `minPosition` to read your own write. */
  readonly position: number;
  readonly events: ReadonlyArray<{ readonly eventId: string; readonly type: string }>;
}
