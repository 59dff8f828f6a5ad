import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mapErrorToProblem } from './map-error-to-problem';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

/** Answers every error as application/problem+json, with the request's correlation id. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const details = mapErrorToProblem(error);
    if (details.status >= 500) {
      // Only the error's name and stack: messages of unexpected errors may echo input.
      this.logger.error(
        `${request.method} ${request.routeOptions?.url ?? 'unknown route'} failed`,
        (error as Error)?.stack,
      );
    }
    void reply
      .status(details.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({ ...details, correlationId: String(request.id) });
  }
}
