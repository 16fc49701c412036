export * from './erlang';
export * from './first-cut';
export * from './plan-types';
