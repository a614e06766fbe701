/**
 * The ladder's vocabulary, shared by every layer above the domain: who acts (roles, actors), what a
 * nomination, a council session and a revocation case carry and record, the workflow ids, the
 * search attributes, and the contracts between workflows and their activities.
 */
export * from './nomination';
export * from './council';
export * from './revocation';
export * from './ids';
export * from './activities';
export * from './events';
