export * from './types';
export * from './engine';
export * from './estimator';
export * from './service-time';
export * from './candidate-index';
export * from './waiting-queue';
export * from './wait-range';
export * from './draw';
