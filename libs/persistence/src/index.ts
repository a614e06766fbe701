export * from './data-source';
export * from './seed/seed-demo';
export * from './seed/demo-org';
export * from './nominee-record';
export * from './audit/chain';
export * from './audit/verify';
export * from './codec-legacy';
