export * from './data-source';
export * from './seed/seed-demo';
export * from './seed/demo-org';
export * from './nominee-record';
export * from './audit/chain';
// The verifier (audit/verify) is imported by its path: it reaches the domain's Merkle tree, which the test setup's plain require cannot resolve.
export * from './codec-legacy';
