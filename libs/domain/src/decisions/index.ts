export * from './bonus';
export * from './wording';
export * from './document';
