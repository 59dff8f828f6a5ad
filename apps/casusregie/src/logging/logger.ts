import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. What may appear: ids, types, routes, statuses, durations. What may not: bodies,
 * tokens, names, BSNs, birth dates, IP addresses. Request logs therefore carry only method, route and id.
 */
export function createLogger(
  level: string,
  destination?: pino.DestinationStream,
  service = 'casusregie',
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers', 'req.remoteAddress', 'req.remotePort', 'headers', 'authorization'],
      remove: true,
    },
    serializers: {
      req: (req: { id?: unknown; method?: string; routeOptions?: { url?: string }; url?: string }) => ({
        id: req.id,
        method: req.method,
        route: req.routeOptions?.url ?? pathOnly(req.url),
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Query strings can hold search text; logs keep the path only. */
function pathOnly(url: string | undefined): string | undefined {
  return url?.split('?')[0];
}

/** Nest's logger interface on top of pino, so framework messages are JSON lines too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }

  error(message: unknown, stackOrContext?: string, context?: string): void {
    this.logger.error(
      { context: context ?? stackOrContext, stack: context ? stackOrContext : undefined },
      String(message),
    );
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
