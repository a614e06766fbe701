export * from './bonus';
export * from './wording';
