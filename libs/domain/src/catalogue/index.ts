export * from './types';
export * from './catalogue';
export type { Citation } from './types';
export { SIMPLIFIED_DOCS } from './documents';
