export * from './figures';
export * from './kpi-sql';
export * from './kpi-rows';
export * from './kpi-store';
export * from './contract-fixture';
