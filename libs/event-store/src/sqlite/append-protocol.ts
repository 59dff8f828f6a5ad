import type { AppendResult } from '../port/envelope';
import { ConcurrencyError, DuplicateEventIdError } from '../port/errors';
import type { PreparedAppend } from '../port/validate-append';
import type { SynchronousMode } from './schema';

/** What the writer thread is started with. */
export interface AppendWriterSetup {
  readonly filename: string;
  readonly synchronous: SynchronousMode;
  readonly walAutocheckpointPages?: number;
  readonly mmapSizeBytes?: number;
  /** The buffer of a WalRestartHandoff shared with the background checkpointer, if one runs. */
  readonly walRestartHandoff?: SharedArrayBuffer;
}

/** Host → writer. `recordedAt` is the store's clock when the batch was handed over. */
export type ToAppendWriter =
  | {
      readonly kind: 'write';
      readonly id: number;
      readonly recordedAt: string;
      readonly appends: readonly PreparedAppend[];
    }
  | { readonly kind: 'close' };

/** An error as it crosses the thread boundary: the port's errors keep their class and fields. */
export type SerializedError =
  | {
      readonly name: 'ConcurrencyError';
      readonly streamId: string;
      readonly expected: ConcurrencyError['expected'];
      readonly actual: number;
    }
  | { readonly name: 'DuplicateEventIdError'; readonly streamId: string; readonly eventId: string }
  | { readonly name: string; readonly message: string; readonly code?: unknown };

export type SerializedOutcome =
  | { readonly ok: true; readonly value: AppendResult }
  | { readonly ok: false; readonly error: SerializedError };

/** Writer → host: the outcome of each append of batch `id`, or the error that failed the whole batch. */
export type FromAppendWriter =
  | { readonly kind: 'written'; readonly id: number; readonly outcomes: readonly SerializedOutcome[] }
  | { readonly kind: 'failed'; readonly id: number; readonly error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof ConcurrencyError) {
    return {
      name: 'ConcurrencyError',
      streamId: error.streamId,
      expected: error.expected,
      actual: error.actual,
    };
  }
  if (error instanceof DuplicateEventIdError) {
    return { name: 'DuplicateEventIdError', streamId: error.streamId, eventId: error.eventId };
  }
  const { name, message, code } = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown };
  return {
    name: typeof name === 'string' ? name : 'Error',
    message: typeof message === 'string' ? message : String(error),
    ...(code !== undefined && { code }),
  };
}

export function deserializeError(error: SerializedError): Error {
  if (error.name === 'ConcurrencyError' && 'actual' in error) {
    return new ConcurrencyError(error.streamId, error.expected, error.actual);
  }
  if (error.name === 'DuplicateEventIdError' && 'eventId' in error) {
    return new DuplicateEventIdError(error.streamId, error.eventId);
  }
  const plain = error as { name: string; message: string; code?: unknown };
  const revived = new Error(plain.message) as Error & { code?: unknown };
  revived.name = plain.name;
  if (plain.code !== undefined) revived.code = plain.code;
  return revived;
}
