export * from './ballot-keys';
