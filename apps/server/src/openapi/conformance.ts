// The conformance checker of OpenAPI answers lives in packages/shared, where the city hub's
// document is checked by it too.
export { conformance, type ConformanceOptions } from '@hallq/shared';
