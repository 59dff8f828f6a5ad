import { randomUUID } from 'node:crypto';

/** The parts of an OpenAPI 3 schema the bad-input walk reads. */
export interface Schema {
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly minItems?: number;
  readonly description?: string;
}

interface Operation {
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: Schema }> };
  readonly 'x-required-permission'?: string;
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

/** A command operation (POST or PUT) with its JSON body schema, resolved; null when it takes no body. */
export interface CommandOperation {
  readonly method: string;
  readonly path: string;
  readonly permission: string | undefined;
  readonly body: Schema | null;
}

export async function openApiDocument(baseUrl: string): Promise<OpenApiDocument> {
  return (await (await fetch(`${baseUrl}/docs/json`)).json()) as OpenApiDocument;
}

/** Resolves `$ref` and a single-element `allOf` (how Nest documents a nested DTO with a description). */
export function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`The OpenAPI document has no schema ${name}`);
    return resolve(document, target);
  }
  if (schema.allOf?.length === 1) return resolve(document, schema.allOf[0]);
  return schema;
}

export function commandOperations(document: OpenApiDocument): CommandOperation[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => method === 'post' || method === 'put')
      .map(([method, operation]) => {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        return {
          method: method.toUpperCase(),
          path,
          permission: operation['x-required-permission'],
          body: schema ? resolve(document, schema) : null,
        };
      }),
  );
}

/**
 * A body that passes validation as far as the document can tell: the documented example of each required field,
 * or a value of its type. (Whether the domain then accepts it is another matter; the walk never sends it as is.)
 */
export function exampleBody(document: OpenApiDocument, schema: Schema): Record<string, unknown> {
  const value = exampleOf(document, schema);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('A command body is expected to be a JSON object');
  }
  return value as Record<string, unknown>;
}

function exampleOf(document: OpenApiDocument, raw: Schema): unknown {
  const schema = resolve(document, raw);
  if (raw.example !== undefined) return structuredClone(raw.example);
  if (schema.example !== undefined) return structuredClone(schema.example);
  if (schema.enum) return schema.enum[0];
  if (schema.properties) {
    const required = new Set(schema.required ?? []);
    return Object.fromEntries(
      Object.entries(schema.properties)
        .filter(([name]) => required.has(name))
        .map(([name, property]) => [name, exampleOf(document, property)]),
    );
  }
  switch (schema.type) {
    case 'array': {
      const items = schema.items?.oneOf?.[0] ?? schema.items ?? { type: 'string' };
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => exampleOf(document, items));
    }
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return '2026-06-01';
      return 'voorbeeld';
    default:
      return {};
  }
}

/** A value of another JSON type than the property's. */
export function wrongTypeFor(document: OpenApiDocument, property: Schema): unknown {
  const schema = resolve(document, property);
  if (schema.properties || schema.type === 'object') return 'not-an-object';
  switch (schema.type) {
    case 'array':
      return 'not-a-list';
    case 'integer':
    case 'number':
      return 'twelve';
    case 'boolean':
      return 'yes';
    default:
      return 12345;
  }
}

/** Whether the property is a string (for the oversized-text case). */
export function isString(document: OpenApiDocument, property: Schema): boolean {
  return resolve(document, property).type === 'string';
}

/** A field of a body, top level or one level down (in a nested object, or the first element of a list of them). */
export interface BodyField {
  /** As the API names it in `errors`: `context.wlzIndication`, `assignments.0.needId`. */
  readonly name: string;
  readonly path: ReadonlyArray<string | number>;
  readonly schema: Schema;
}

export function bodyFields(document: OpenApiDocument, schema: Schema): BodyField[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const resolved = resolve(document, property);
    const top: BodyField = { name, path: [name], schema: property };
    const nestedObject = resolved.properties ? resolved : null;
    const items = resolved.type === 'array' && resolved.items ? resolve(document, resolved.items) : null;
    const nestedItem = items?.properties ? items : null;
    const inner = nestedObject
      ? Object.entries(nestedObject.properties!).map(([sub, s]) => ({
          name: `${name}.${sub}`,
          path: [name, sub],
          schema: s,
        }))
      : nestedItem
        ? Object.entries(nestedItem.properties!).map(([sub, s]) => ({
            name: `${name}.0.${sub}`,
            path: [name, 0, sub],
            schema: s,
          }))
        : [];
    return [top, ...inner];
  });
}

/** A copy of `body` with `value` at `path` (creating the nested object or list element when absent). */
export function withValueAt(
  body: Record<string, unknown>,
  path: ReadonlyArray<string | number>,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(body);
  let target: Record<string | number, unknown> = copy;
  path.slice(0, -1).forEach((key, i) => {
    if (typeof target[key] !== 'object' || target[key] === null) {
      target[key] = typeof path[i + 1] === 'number' ? [] : {};
    }
    target = target[key] as Record<string | number, unknown>;
  });
  target[path[path.length - 1]] = value;
  return copy;
}
