export * from './types';
export * from './evaluate';
export { defaultEligibilityPolicy, ceilShare } from './policy';
