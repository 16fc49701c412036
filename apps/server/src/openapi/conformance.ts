// Checks a value against a schema of this document: the JSON Schema subset the document uses
// (type, const, enum, properties, required, items, anyOf, oneOf, allOf, local $ref), so tests can
// hold the hand-written answer schemas to what the server really sends.
type Json = Record<string, unknown>;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

/** Problems found, as `path: message`; empty when the value conforms. */
export function conformance(doc: Json, schema: Json, value: unknown, path = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const [, , section, name] = schema.$ref.split('/');
    const target = ((doc.components as Record<string, Json>)[section!] as Record<string, Json> | undefined)?.[name!];
    return target ? conformance(doc, target, value, path) : [`${path}: unresolved ${schema.$ref}`];
  }
  const problems: string[] = [];
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(t, actual))) return [`${path}: expected ${types.join('|')}, got ${actual}`];
  }
  if ('const' in schema && schema.const !== value) problems.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf as Json[]) problems.push(...conformance(doc, s, value, path));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as Json[] | undefined;
    if (options && !options.some((s) => conformance(doc, s, value, path).length === 0)) problems.push(`${path}: matches no ${key} option`);
  }
  if (actual === 'object') {
    const object = value as Json;
    for (const r of (schema.required as string[] | undefined) ?? []) if (!(r in object)) problems.push(`${path}.${r}: missing`);
    for (const [k, s] of Object.entries((schema.properties as Record<string, Json> | undefined) ?? {})) {
      if (k in object && object[k] !== undefined) problems.push(...conformance(doc, s, object[k], `${path}.${k}`));
    }
    if (schema.additionalProperties === false) {
      const known = Object.keys((schema.properties as Json | undefined) ?? {});
      for (const k of Object.keys(object)) if (!known.includes(k)) problems.push(`${path}.${k}: not allowed`);
    }
  }
  if (actual === 'array' && schema.items) (value as unknown[]).forEach((v, i) => problems.push(...conformance(doc, schema.items as Json, v, `${path}[${i}]`)));
  return problems;
}
