export * from './movement';
export * from './registration';
