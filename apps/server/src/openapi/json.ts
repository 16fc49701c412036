// Small builders for hand-written JSON Schemas, so the response shapes read like the TypeScript
// interfaces in `@hallq/shared` they describe.
import type { JsonSchema } from './schemas';

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
export const str = (description?: string): JsonSchema => (description ? { type: 'string', description } : { type: 'string' });
export const int = (description?: string): JsonSchema => (description ? { type: 'integer', description } : { type: 'integer' });
export const num = (description?: string): JsonSchema => (description ? { type: 'number', description } : { type: 'number' });
export const bool = (description?: string): JsonSchema => (description ? { type: 'boolean', description } : { type: 'boolean' });
export const time = (description = 'ISO-8601 UTC'): JsonSchema => ({ type: 'string', format: 'date-time', description });
export const localDate = (description = 'local date YYYY-MM-DD (a real calendar date, year 1970..9999)'): JsonSchema => ({
  type: 'string',
  format: 'date',
  pattern: '^(19[7-9]\\d|[2-9]\\d{3})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
  description,
});
export const oneOfValues = (values: readonly (string | number)[], description?: string): JsonSchema => ({
  type: typeof values[0] === 'number' ? 'integer' : 'string',
  enum: [...values],
  ...(description ? { description } : {}),
});
export const array = (items: JsonSchema, description?: string): JsonSchema => ({ type: 'array', items, ...(description ? { description } : {}) });
export const constant = (value: string | number | boolean): JsonSchema => ({ const: value });
/** `Record<string, T>`: an object of any keys (ids, usually) whose values all have one schema. */
export const map = (values: JsonSchema, description?: string): JsonSchema => ({
  type: 'object', additionalProperties: values, ...(description ? { description } : {}),
});

/** `T | null`: a type list for plain types, `anyOf` for references and compound schemas. */
export function nullable(schema: JsonSchema): JsonSchema {
  const { type, description, ...rest } = schema;
  if (typeof type === 'string' && !('enum' in rest) && !('const' in rest)) return { ...rest, type: [type, 'null'], ...(description ? { description } : {}) };
  return { anyOf: [schema, { type: 'null' }], ...(description ? { description } : {}) };
}

/**
 * An object schema. Every property is required unless listed in `optional`. Response objects stay
 * open (no `additionalProperties: false`): fields may be added within v1, never removed.
 */
export function obj(properties: Record<string, JsonSchema>, optional: readonly string[] = [], description?: string): JsonSchema {
  const required = Object.keys(properties).filter((k) => !optional.includes(k));
  return { type: 'object', properties, required, ...(description ? { description } : {}) };
}

/** `{[key]: <ref to a component schema>}`, the envelope most answers use. */
export const wrap = (key: string, schema: string): JsonSchema => obj({ [key]: ref(schema) });
