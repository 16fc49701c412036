// Small builders for hand-written JSON Schemas, so the response shapes read like the TypeScript
// interfaces in `@hallq/shared` they describe. They are the city hub's too (`@hallq/shared`);
// `wrap` is this document's envelope.
import { jsonSchema } from '@hallq/shared';
import type { JsonSchema } from './schemas';

export const { ref, str, int, num, bool, time, localDate, oneOfValues, array, constant, map, nullable, obj } = jsonSchema;

/** `{[key]: <ref to a component schema>}`, the envelope most answers use. */
export const wrap = (key: string, schema: string): JsonSchema => obj({ [key]: ref(schema) });
