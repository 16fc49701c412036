// The JSON Schema builders of the hub's document: those of `@hallq/shared` (the hall server's
// document uses them too), and the hub's own query parameters. Answer objects stay open (no
// `additionalProperties: false`): fields may be added within v1, never removed.
import { jsonSchema, type JsonSchema } from '@hallq/shared';
import type { z } from 'zod';

export type { JsonSchema };
export const { ref, str, int, num, bool, time, array, nullable, obj, fromZod } = jsonSchema;
/** The hub states a local date by its format only (the hall server's also by a pattern). */
export const localDate = (description: string): JsonSchema => ({ type: 'string', format: 'date', description });

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
