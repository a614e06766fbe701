export * from './common/levels';
export * from './common/errors';
