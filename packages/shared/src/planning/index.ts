export * from './erlang';
export * from './first-cut';
export * from './plan-types';
export * from './module-windows';
export * from './skill-plan-types';
export * from './skill-planner';
export * from './headcount';
