export * from './common/levels';
export * from './common/errors';
export * from './common/identity';
export * from './catalogue';
export * from './eligibility';
export * from './movement';
export * from './decisions';
