/** What a partition worker of a parallel rebuild is started with. */
export interface PartitionSetup {
  readonly eventsFile: string;
  /** The partition's own read-model file (a bulk load: thrown away after the merge). */
  readonly partitionFile: string;
  readonly partition: { readonly count: number; readonly index: number };
  /** The log position the rebuild goes up to (the head when it started). */
  readonly toPosition: number;
  readonly batchSize: number;
}

/** Worker → coordinator. */
export type FromPartition =
  | { readonly kind: 'progress'; readonly events: number; readonly position: number }
  | { readonly kind: 'done'; readonly events: number; readonly lastPosition: number }
  | { readonly kind: 'failed'; readonly message: string };
