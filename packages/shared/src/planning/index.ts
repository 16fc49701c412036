export * from './erlang';
export * from './first-cut';
