import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiResponse } from '@nestjs/swagger';

/**
 * OpenAPI for the caseId path parameter, for controllers that document their parameters with ApiParam (the
 * escalation, placement, deadline and closure controllers).
 */
export const CASE_ID_PARAM = { name: 'caseId', format: 'uuid' } as const;

const ANSWER_EXAMPLE = {
  caseId: '3b0f1c8e-7a2d-4e59-9c1b-5d8e2f6a4b70',
  version: 7,
  position: 1042,
  events: [{ eventId: 'c2a4d6e8-1b3f-4a5c-8d7e-9f0a1b2c3d4e', type: 'casus.CasePutOnAgenda.v1' }],
};

/** OpenAPI for a case command: summary, the answer (with an example), the headers and the problem answers. */
export function ApiCaseCommand(options: {
  readonly summary: string;
  readonly description?: string;
  readonly ids?: Record<string, unknown>;
  readonly extra?: Record<string, unknown>;
}) {
  const example = { ...ANSWER_EXAMPLE, ...(options.ids ? { ids: options.ids } : {}), ...options.extra };
  return applyDecorators(
    ApiOperation({ summary: options.summary, description: options.description }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'The case version last seen (the ETag of the previous answer); 412 if the case changed since.',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Makes the command safe to retry: the same key and body answer the first response again.',
    }),
    ApiOkResponse({
      description:
        'The new case version (also the ETag), the global position of the last event (pass it as minPosition ' +
        'to read your own write), the events appended' +
        (options.ids ? ', and the ids the server gave what the command created.' : '.'),
      schema: {
        type: 'object',
        properties: {
          caseId: { type: 'string', format: 'uuid' },
          version: { type: 'integer' },
          position: { type: 'integer' },
          events: {
            type: 'array',
            items: {
              type: 'object',
              properties: { eventId: { type: 'string', format: 'uuid' }, type: { type: 'string' } },
            },
          },
          ...(options.ids ? { ids: { type: 'object' } } : {}),
          ...Object.fromEntries(Object.keys(options.extra ?? {}).map((key) => [key, { type: 'object' }])),
        },
        example,
      },
    }),
    ApiResponse({
      status: 400,
      description: 'Invalid body or path: every bad field is named; nothing stored.',
    }),
    ApiResponse({ status: 403, description: 'Your role, or your organisation, may not do this.' }),
    ApiResponse({
      status: 404,
      description: 'No such case (or not visible to you), or no such need, request...',
    }),
    ApiResponse({
      status: 409,
      description: 'The state of the case does not allow this (domain error code).',
    }),
    ApiResponse({ status: 412, description: 'If-Match does not match the current case version.' }),
    ApiResponse({
      status: 422,
      description: 'A domain rule, or an unknown organisation code, refuses this.',
    }),
  );
}
