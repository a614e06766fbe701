export * from './types';
export * from './catalogue';
export type { Citation } from './types';
export { simplifiedDocs } from './documents';
