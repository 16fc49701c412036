// Shared by every HallQ OpenAPI document (the hall server's and the city hub's) and their tests.
// Checks a value against a schema of an OpenAPI document: the JSON Schema subset the documents use
// (type, const, enum, properties, required, additionalProperties (false or a schema),
// propertyNames, items, anyOf, oneOf, allOf, local $ref, and the bounds minLength/maxLength,
// pattern, minimum/maximum, minItems/maxItems), so tests can hold the hand-written answer schemas
// to what the server really sends and the generated request schemas to what the zod schemas
// accept. `format` is an annotation (as in draft 2020-12) and is not checked.
type Json = Record<string, unknown>;

export interface ConformanceOptions {
  /**
   * Report fields of an answer that its schema does not name (`not documented`): answer objects
   * are open for clients (fields may be added), but the document should still list every field
   * the server sends. Objects typed by `additionalProperties` (maps) and `allOf` parts are exempt.
   */
  closed?: boolean;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

function bounds(schema: Json, value: unknown, actual: string, path: string): string[] {
  const problems: string[] = [];
  const limit = (key: string): number | undefined => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  const check = (ok: boolean, message: string): void => {
    if (!ok) problems.push(`${path}: ${message}`);
  };
  if (actual === 'string') {
    // JSON Schema counts code points, not UTF-16 units.
    const length = [...(value as string)].length;
    const [min, max] = [limit('minLength'), limit('maxLength')];
    if (min !== undefined) check(length >= min, `shorter than ${min}`);
    if (max !== undefined) check(length <= max, `longer than ${max}`);
    if (typeof schema.pattern === 'string') check(new RegExp(schema.pattern).test(value as string), `does not match ${schema.pattern}`);
  }
  if (actual === 'integer' || actual === 'number') {
    const n = value as number;
    const [min, max, xmin, xmax] = [limit('minimum'), limit('maximum'), limit('exclusiveMinimum'), limit('exclusiveMaximum')];
    if (min !== undefined) check(n >= min, `below ${min}`);
    if (max !== undefined) check(n <= max, `above ${max}`);
    if (xmin !== undefined) check(n > xmin, `not above ${xmin}`);
    if (xmax !== undefined) check(n < xmax, `not below ${xmax}`);
  }
  if (actual === 'array') {
    const length = (value as unknown[]).length;
    const [min, max] = [limit('minItems'), limit('maxItems')];
    if (min !== undefined) check(length >= min, `fewer than ${min} items`);
    if (max !== undefined) check(length <= max, `more than ${max} items`);
  }
  return problems;
}

/** Problems found, as `path: message`; empty when the value conforms. */
export function conformance(doc: Json, schema: Json, value: unknown, path = '$', options: ConformanceOptions = {}): string[] {
  const check = (s: Json, v: unknown, p: string, o = options): string[] => conformance(doc, s, v, p, o);
  if (typeof schema.$ref === 'string') {
    const [, , section, name] = schema.$ref.split('/');
    const target = ((doc.components as Record<string, Json>)[section!] as Record<string, Json> | undefined)?.[name!];
    return target ? check(target, value, path) : [`${path}: unresolved ${schema.$ref}`];
  }
  const problems: string[] = [];
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(t, actual))) return [`${path}: expected ${types.join('|')}, got ${actual}`];
  }
  if ('const' in schema && schema.const !== value) problems.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} not in enum`);
  // Each part of an allOf describes only some of the fields, so none of them is closed.
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf as Json[]) problems.push(...check(s, value, path, { ...options, closed: false }));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const choices = schema[key] as Json[] | undefined;
    if (choices && !choices.some((s) => check(s, value, path).length === 0)) problems.push(`${path}: matches no ${key} option`);
  }
  if (actual === 'object') {
    const object = value as Json;
    for (const r of (schema.required as string[] | undefined) ?? []) if (!(r in object)) problems.push(`${path}.${r}: missing`);
    const properties = (schema.properties as Record<string, Json> | undefined) ?? {};
    for (const [k, s] of Object.entries(properties)) {
      if (k in object && object[k] !== undefined) problems.push(...check(s, object[k], `${path}.${k}`));
    }
    const extra = Object.keys(object).filter((k) => !(k in properties));
    const more = schema.additionalProperties;
    if (more === false) for (const k of extra) problems.push(`${path}.${k}: not allowed`);
    else if (more && typeof more === 'object') for (const k of extra) problems.push(...check(more as Json, object[k], `${path}.${k}`));
    else if (options.closed && schema.properties) for (const k of extra) problems.push(`${path}.${k}: not documented`);
    if (schema.propertyNames) for (const k of Object.keys(object)) problems.push(...check(schema.propertyNames as Json, k, `${path}.${k} (name)`));
  }
  problems.push(...bounds(schema, value, actual, path));
  if (actual === 'array' && schema.items) (value as unknown[]).forEach((v, i) => problems.push(...check(schema.items as Json, v, `${path}[${i}]`)));
  return problems;
}
