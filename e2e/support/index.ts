export * from './server';
export * from './browser';
export * from './hall-under-test';
