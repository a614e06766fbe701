export * from './types';
export * from './quorum';
export * from './tally';
