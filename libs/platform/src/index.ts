export * from './config';
export * from './workflow-bundle';
export * from './mailer';
export * from './nest-tokens';
export * from './ballot-seal';
export * from './codec';
export * from './temporal-client';
export * from './ballots';
