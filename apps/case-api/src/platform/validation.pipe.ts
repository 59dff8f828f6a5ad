import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from './problem-details';
import { ProblemError, problem } from './problem-details';

/**
 * class-validator's whitelist sees a field named like an Object.prototype member (constructor, toString...) as
 * known; this pipe refuses such own fields anywhere in a body or query first.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const fields = prototypeNamedFields(value, '');
      if (fields.length > 0) {
        throw new ProblemError(
          problem(400, {
            code: 'invalid-request',
            detail: 'The request has invalid fields; nothing was changed.',
            errors: fields.map((field) => ({
              field,
              messages: [`property ${field.split('.').pop()} should not exist`],
            })),
          }),
        );
      }
    }
    return super.transform(value, metadata);
  }
}

function prototypeNamedFields(value: unknown, path: string): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const field = path ? `${path}.${key}` : key;
    const own = key in Object.prototype ? [field] : [];
    return [...own, ...prototypeNamedFields((value as Record<string, unknown>)[key], field)];
  });
}

/** DTO validation: unknown fields are refused, types are checked, every bad field is named. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new ProblemError(
        problem(400, {
          code: 'invalid-request',
          detail: 'The request has invalid fields; nothing was changed.',
          errors: flatten(errors),
        }),
      ),
  });
}

function flatten(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [{ field, messages: Object.values(error.constraints) }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
