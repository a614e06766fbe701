import { ConfigError, DEV_SECRETS, loadConfig, parseDuration } from './config';

const secrets = {
  JWT_SECRET: 'a-deployment-secret-of-at-least-32-characters',
  BALLOT_KEY: Buffer.alloc(32, 7).toString('base64'),
  CODEC_KEYS: `k1:${Buffer.alloc(32, 9).toString('base64')}`,
  IDENTITY_KEY: Buffer.alloc(32, 5).toString('base64'),
  FEED_SIGNING_KEY: Buffer.alloc(32, 3).toString('base64'),
  SIGNING_P12_PASSPHRASE: 'a-deployment-signing-passphrase',
};
const valid = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', TEMPORAL_ADDRESS: '127.0.0.1:7233', ...secrets };

function problemsOf(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems.join('\n');
  }
  return '';
}

describe('loadConfig', () => {
  it('applies documented defaults', () => {
    const config = loadConfig(valid);
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.mode).toBe('production');
    expect(config.taskQueue).toBe('vinhdanh');
    expect(config.policy.reviewDeadlineMs).toBe(14 * 86_400_000);
    expect(config.codecKeys.map((k) => k.id)).toEqual(['k1']);
  });

  it('names every bad or missing variable at once', () => {
    const problems = problemsOf({ ...secrets, DATABASE_URL: 'mysql://x', PORT: '70000', POLICY_REVIEW_DEADLINE: 'soon', TEMPORAL_RPC_TIMEOUT_MS: 'ten', LOGIN_MAX_FAILURES: '0' });
    expect(problems).toMatch(/DATABASE_URL=mysql:\/\/x must start with postgres:\/\//);
    expect(problems).toMatch(/TEMPORAL_ADDRESS is required/);
    expect(problems).toMatch(/PORT=70000/);
    expect(problems).toMatch(/POLICY_REVIEW_DEADLINE=soon/);
    expect(problems).toMatch(/TEMPORAL_RPC_TIMEOUT_MS=ten/);
    expect(problems).toMatch(/LOGIN_MAX_FAILURES=0/);
  });

  it('outside development mode, requires every secret and names each', () => {
    const problems = problemsOf({ DATABASE_URL: valid.DATABASE_URL, TEMPORAL_ADDRESS: valid.TEMPORAL_ADDRESS, NODE_ENV: 'development' });
    expect(problems).toMatch(/JWT_SECRET is required outside development mode/);
    expect(problems).toMatch(/BALLOT_KEY is required outside development mode/);
    expect(problems).toMatch(/CODEC_KEYS is required outside development mode/);
    expect(problems).toMatch(/IDENTITY_KEY is required outside development mode/);
  });

  it('refuses the published development defaults outside development mode', () => {
    const problems = problemsOf({ ...valid, ...DEV_SECRETS });
    expect(problems).toMatch(/JWT_SECRET is the public development default/);
    expect(problems).toMatch(/BALLOT_KEY is the public development default/);
    expect(problems).toMatch(/CODEC_KEYS is the public development default/);
    expect(problemsOf({ ...valid, CODEC_KEYS: `${secrets.CODEC_KEYS},${DEV_SECRETS.CODEC_KEYS}` })).toMatch(/CODEC_KEYS contains the public development key/);
  });

  it('in development mode, falls back to the development defaults', () => {
    const config = loadConfig({ DATABASE_URL: valid.DATABASE_URL, TEMPORAL_ADDRESS: valid.TEMPORAL_ADDRESS, VINHDANH_MODE: 'development' });
    expect(config.mode).toBe('development');
    expect(config.jwt.secret).toBe(DEV_SECRETS.JWT_SECRET);
    expect(config.codecKeys[0].id).toBe('dev');
  });

  it('checks the shape of secrets and codec keys', () => {
    const problems = problemsOf({ ...valid, JWT_SECRET: 'short', BALLOT_KEY: 'abc', CODEC_KEYS: 'k1:abc,bad id:xyz' });
    expect(problems).toMatch(/JWT_SECRET must be at least 32 characters/);
    expect(problems).toMatch(/BALLOT_KEY must be 32 bytes/);
    expect(problems).toMatch(/key "k1" must be 32 bytes/);
    expect(problems).toMatch(/key id "bad id"/);
  });
});

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['2h', 7_200_000],
    ['14d', 1_209_600_000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it('rejects free text', () => expect(parseDuration('two weeks')).toBeUndefined());
});
