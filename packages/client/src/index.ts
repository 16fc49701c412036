export * from './api-client';
export * from './realtime';
export * from './pairing';
export * from './hub-pusher';
