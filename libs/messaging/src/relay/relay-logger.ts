/**
 * The slice of a pino logger the relay (and the Kafka adapter) use; a pino logger fits as it is. Fields hold ids,
 * types, positions and error names only, never message values.
 */
export interface RelayLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** One JSON line per entry on stderr, in pino's shape, for when no logger is passed in. */
export const stderrRelayLogger: RelayLogger = {
  info: (fields, message) => write(30, fields, message),
  warn: (fields, message) => write(40, fields, message),
  error: (fields, message) => write(50, fields, message),
};

export const silentRelayLogger: RelayLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

function write(level: number, fields: Record<string, unknown>, message: string): void {
  process.stderr.write(`${JSON.stringify({ level, time: Date.now(), ...fields, msg: message })}\n`);
}
