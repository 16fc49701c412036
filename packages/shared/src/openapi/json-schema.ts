// Small builders for hand-written JSON Schemas, so the answer shapes of the OpenAPI documents
// (the hall server's and the city hub's) read like the TypeScript types in this package they
// describe. Answer objects stay open (no `additionalProperties: false`): fields may be added
// within v1, never removed.
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const typed = (type: string) => (description?: string): JsonSchema => ({ type, ...(description ? { description } : {}) });
export const str = typed('string');
export const int = typed('integer');
export const num = typed('number');
export const bool = typed('boolean');
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

/** An object schema. Every property is required unless listed in `optional`. */
export function obj(properties: Record<string, JsonSchema>, optional: readonly string[] = [], description?: string): JsonSchema {
  const required = Object.keys(properties).filter((k) => !optional.includes(k));
  return { type: 'object', properties, required, ...(description ? { description } : {}) };
}

/** A zod schema as JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1): what it accepts (`input`) or gives (`output`). */
export function fromZod(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
  return json;
}
