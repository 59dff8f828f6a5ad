import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type Observable, map } from 'rxjs';
import type { CommandResponse } from './command-response';

/** Puts a command's new case version in the ETag header, so the client can send it back as If-Match. */
@Injectable()
export class CaseVersionEtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: CommandResponse) => {
        if (body && typeof body.version === 'number') void reply.header('etag', `"${body.version}"`);
        return body;
      }),
    );
  }
}
