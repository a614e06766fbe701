export * from './bonus';
export * from './wording';
export * from './document';
export * from './administrative';
export * from './proposal';
