// Small builders for the hand-written answer schemas of the hub's document, so they read like
// the TypeScript types in `@hallq/shared` they describe (HallNow, KpiStats, ...). Answer objects
// stay open (no `additionalProperties: false`): fields may be added within v1, never removed.
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const typed = (type: string) => (description?: string): JsonSchema => ({ type, ...(description ? { description } : {}) });
export const str = typed('string');
export const int = typed('integer');
export const num = typed('number');
export const bool = typed('boolean');
export const time = (description = 'ISO-8601 UTC'): JsonSchema => ({ type: 'string', format: 'date-time', description });
export const localDate = (description: string): JsonSchema => ({ type: 'string', format: 'date', description });
export const array = (items: JsonSchema, description?: string): JsonSchema => ({ type: 'array', items, ...(description ? { description } : {}) });

/** `T | null`. */
export function nullable(schema: JsonSchema): JsonSchema {
  const { type, description, ...rest } = schema;
  if (typeof type === 'string') return { ...rest, type: [type, 'null'], ...(description ? { description } : {}) };
  return { anyOf: [schema, { type: 'null' }], ...(description ? { description } : {}) };
}

/** An object schema; every property is required unless listed in `optional`. */
export function obj(properties: Record<string, JsonSchema>, optional: readonly string[] = [], description?: string): JsonSchema {
  return { type: 'object', properties, required: Object.keys(properties).filter((k) => !optional.includes(k)), ...(description ? { description } : {}) };
}

/** A zod schema of what a route accepts, as JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1). */
export function fromZod(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
  return json;
}

/** Query parameters, one per property of a zod object schema (as the route parses them). */
export function queryParameters(schema: z.ZodObject, descriptions: Record<string, string>): JsonSchema[] {
  const json = fromZod(schema, 'output') as { properties: Record<string, JsonSchema>; required?: string[] };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties).map(([name, s]) => {
    const { default: fallback, ...rest } = s;
    return {
      name, in: 'query', required: required.has(name) && fallback === undefined, description: descriptions[name] ?? '',
      schema: fallback === undefined ? rest : { ...rest, default: fallback },
    };
  });
}
