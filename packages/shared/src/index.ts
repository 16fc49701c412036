export * from './domain';
export * from './views';
export * from './errors';
export * from './events';
export * from './schemas';
export * from './routing';
export * from './planning';
export * from './announcement/speakable';
