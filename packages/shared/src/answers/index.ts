export * from './stats';
export * from './follow-ups';
export * from './me';
export * from './tomorrow';
export * from './public-hall';
export * from './city';
