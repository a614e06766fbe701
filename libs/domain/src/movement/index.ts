export * from './movement';
export * from './registration';
export * from './cluster';
export * from './phase-review';
export * from './exemplary-model';
