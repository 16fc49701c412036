export * from './domain';
export * from './views';
export * from './errors';
export * from './events';
export * from './schemas';
export * from './routing';
export * from './planning';
export * from './announcement/speakable';
export * from './answers';
export * from './hub';
export * from './ticket-slip';
export * from './kpi';
export * from './hall-state';
export * from './i18n';
export * from './openapi/conformance';
// The JSON Schema builders under one name: `localDate`, `time`, ... mean other things at the top level.
export * as jsonSchema from './openapi/json-schema';
export type { JsonSchema } from './openapi/json-schema';
export * from './openapi/stats-figures';
