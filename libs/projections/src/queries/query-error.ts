/** A query argument the read models cannot use (the API answers 400). */
export class ReadModelQueryError extends Error {
  constructor(
    readonly code: 'invalid-cursor' | 'invalid-argument',
    message: string,
  ) {
    super(message);
    this.name = 'ReadModelQueryError';
  }
}
