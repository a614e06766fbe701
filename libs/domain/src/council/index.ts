export * from './types';
export * from './quorum';
export * from './tally';
export * from './voting-rules';
