export * from './list-rows';
