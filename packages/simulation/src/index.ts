// The hall simulator: a discrete-event simulation of a hall's day that drives the real routing
// engine and wait estimator of @hallq/shared, and the staffing planner judged by it. Pure
// computation (no I/O): the simulate command (scripts), the hall server's planner and its demo
// history use it.
export * from './scenario';
export * from './rng';
export * from './schedule';
export * from './simulator';
export { DEFAULT_ESTIMATOR_CONFIG, type EstimateRecord, type EstimatorConfig } from './estimator-evaluation';
export * from './results';
export * from './stats';
export * from './staffing';
