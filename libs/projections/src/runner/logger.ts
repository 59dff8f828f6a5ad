/** The slice of a pino logger the runner uses; a pino logger fits as it is. Fields hold ids and types only. */
export interface ProjectionLogger {
  info(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** One JSON line per entry on stderr, in pino's shape, for when no logger is passed in. */
export const stderrProjectionLogger: ProjectionLogger = {
  info: (fields, message) => write(30, fields, message),
  error: (fields, message) => write(50, fields, message),
};

function write(level: number, fields: Record<string, unknown>, message: string): void {
  process.stderr.write(`${JSON.stringify({ level, time: Date.now(), ...fields, msg: message })}\n`);
}
