import { ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { OPAQUE_ID } from '@casusregie/contracts';
import { ProblemError, problem } from '../../platform/problem-details';

/** Path parameters and bodies of the case command endpoints: what they accept, and the 400 for anything else. */

function invalidRequest(detail: string, errors: ReadonlyArray<{ field: string; messages: string[] }>) {
  return new ProblemError(problem(400, { code: 'invalid-request', detail, errors }));
}

/** A path parameter holding an id the server gave out; anything else is a 400 naming the parameter. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      invalidRequest(`${name} in the path must be a UUID; nothing was changed.`, [
        { field: name, messages: [`${name} must be a UUID`] },
      ]),
  });
}

/** Path ids of things inside a case (escalations, offers, placements, deadlines): the domain's id syntax. */
export class ParsePathIdPipe implements PipeTransform<unknown, string> {
  constructor(
    private readonly name: string,
    private readonly pattern: RegExp = OPAQUE_ID,
  ) {}

  transform(value: unknown): string {
    if (typeof value !== 'string' || !this.pattern.test(value)) {
      throw invalidRequest(`The path parameter ${this.name} is not a valid id; nothing was changed.`, [
        { field: this.name, messages: [`${this.name} must match ${this.pattern.source}`] },
      ]);
    }
    return value;
  }
}

/**
 * For commands without input beyond the path: no body, or an empty JSON object. Anything else is a 400
 * naming each property, like the DTO validation does.
 */
export class NoBodyPipe implements PipeTransform<unknown, undefined> {
  transform(value: unknown): undefined {
    if (value === undefined || value === null) return undefined;
    const isObject = typeof value === 'object' && !Array.isArray(value);
    if (isObject && Object.keys(value).length === 0) return undefined;
    const fields = isObject ? Object.keys(value) : ['body'];
    throw invalidRequest(
      'This command takes no body; nothing was changed.',
      fields.map((field) => ({ field, messages: [`property ${field} should not exist`] })),
    );
  }
}
