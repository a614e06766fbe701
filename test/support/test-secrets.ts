/**
 * The secrets of the test suite: explicit values, so the product runs its production path (no
 * development defaults) under test. The codec key is fixed because histories recorded under it
 * (test/histories/) must stay readable by the replay test. Test-only; never deploy these.
 */
export const TEST_SECRETS = {
  JWT_SECRET: 'test-only-jwt-secret-0123456789-abcdefghijklmnop',
  BALLOT_KEY: Buffer.from('test-only-ballot-key-0123456789!').toString('base64'),
  CODEC_KEYS: `test1:${Buffer.from('test-only-codec-key-0123456789!!').toString('base64')}`,
  IDENTITY_KEY: Buffer.from('test-only-identity-key-012345!!!').toString('base64'),
  FEED_SIGNING_KEY: Buffer.from('test-only-feed-signing-key-0123!').toString('base64'),
  SIGNING_P12_PASSPHRASE: 'test-only-signing-passphrase',
};

export function applyTestSecrets(env: NodeJS.ProcessEnv = process.env): void {
  for (const [k, v] of Object.entries(TEST_SECRETS)) env[k] ??= v;
}
