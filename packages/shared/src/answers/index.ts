export * from './stats';
export * from './follow-ups';
