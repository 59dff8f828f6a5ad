/**
 * A small JSON Schema (draft 2020-12) validator for the subset the message schemas in libs/messaging/schemas use:
 * type, enum, const, required, properties, items, pattern, minLength, minimum, format date-time, local $ref
 * (`#/$defs/...`), allOf, anyOf, oneOf and if/then. Keywords it does not know make it throw, so a schema cannot
 * silently use more than is checked here. Annotations (title, description, examples, $schema, $id) are ignored.
 *
 * `closed` is a test strictness, not a schema keyword: objects of the root schema and of every `$defs` entry may
 * carry no property the schema does not declare, so a field the producer adds without documenting it fails the test
 * (the published schemas stay open, so that consumers tolerate fields added within a version).
 */

export type JsonSchema = Readonly<Record<string, unknown>>;

export interface ValidationOptions {
  readonly closed?: boolean;
}

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'examples', '$defs']);
const KNOWN = new Set([
  ...ANNOTATIONS,
  'type',
  'enum',
  'const',
  'required',
  'properties',
  'items',
  'pattern',
  'minLength',
  'minimum',
  'format',
  '$ref',
  'allOf',
  'anyOf',
  'oneOf',
  'if',
  'then',
]);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** Every problem of `value` against `schema`, as `path: message`; empty when it is valid. */
export function validate(root: JsonSchema, value: unknown, options: ValidationOptions = {}): string[] {
  const errors: string[] = [];

  function resolve(ref: string): JsonSchema {
    const match = /^#\/\$defs\/([^/]+)$/.exec(ref);
    const defs = root.$defs as Record<string, JsonSchema> | undefined;
    if (!match || !defs || !Object.hasOwn(defs, match[1])) throw new Error(`unresolvable $ref ${ref}`);
    return defs[match[1]];
  }

  function check(schema: JsonSchema, v: unknown, path: string, closed: boolean, out: string[]): void {
    for (const keyword of Object.keys(schema)) {
      if (!KNOWN.has(keyword)) throw new Error(`keyword ${keyword} at ${path} is not supported`);
    }
    if (typeof schema.$ref === 'string') check(resolve(schema.$ref), v, path, options.closed === true, out);
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((t) => hasType(v, t))) {
        out.push(`${path}: expected ${types.join(' or ')}, got ${typeOf(v)}`);
        return;
      }
    }
    if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(v)) {
      out.push(`${path}: expected ${JSON.stringify(schema.const)}`);
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))) {
      out.push(`${path}: ${JSON.stringify(v)} is not one of ${JSON.stringify(schema.enum)}`);
    }
    if (typeof v === 'string') {
      if (typeof schema.minLength === 'number' && v.length < schema.minLength) {
        out.push(`${path}: shorter than ${schema.minLength}`);
      }
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v)) {
        out.push(`${path}: ${JSON.stringify(v)} does not match ${schema.pattern}`);
      }
      if (schema.format === 'date-time' && !(DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)))) {
        out.push(`${path}: ${JSON.stringify(v)} is not a date-time`);
      }
    }
    if (typeof v === 'number' && typeof schema.minimum === 'number' && v < schema.minimum) {
      out.push(`${path}: less than ${schema.minimum}`);
    }
    if (Array.isArray(v) && schema.items !== undefined) {
      v.forEach((item, i) => check(schema.items as JsonSchema, item, `${path}[${i}]`, false, out));
    }
    if (typeOf(v) === 'object') {
      const object = v as Record<string, unknown>;
      for (const key of (schema.required as string[] | undefined) ?? []) {
        if (!Object.hasOwn(object, key)) out.push(`${path}: ${key} is required`);
      }
      const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
      for (const [key, sub] of Object.entries(properties)) {
        if (Object.hasOwn(object, key)) check(sub, object[key], `${path}.${key}`, false, out);
      }
      if (closed && schema.properties !== undefined) {
        for (const key of Object.keys(object)) {
          if (!Object.hasOwn(properties, key)) out.push(`${path}: ${key} is not declared in the schema`);
        }
      }
    }
    for (const sub of (schema.allOf as JsonSchema[] | undefined) ?? []) check(sub, v, path, false, out);
    if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
      const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[];
      const results = branches.map((branch) => {
        const branchErrors: string[] = [];
        check(branch, v, path, closed, branchErrors);
        return branchErrors;
      });
      const passing = results.filter((r) => r.length === 0).length;
      if (schema.oneOf ? passing !== 1 : passing === 0) {
        out.push(`${path}: matches ${passing} of the ${schema.oneOf ? 'oneOf' : 'anyOf'} branches`);
        if (passing === 0) out.push(...results.flat().map((e) => `  (branch) ${e}`));
      }
    }
    if (schema.if !== undefined) {
      const conditionErrors: string[] = [];
      check(schema.if as JsonSchema, v, path, false, conditionErrors);
      if (conditionErrors.length === 0 && schema.then !== undefined) {
        check(schema.then as JsonSchema, v, path, false, out);
      }
    }
  }

  check(root, value, '$', options.closed === true, errors);
  return errors;
}
