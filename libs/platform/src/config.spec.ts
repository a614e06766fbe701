import { ConfigError, loadConfig, parseDuration } from './config';

const valid = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', TEMPORAL_ADDRESS: '127.0.0.1:7233' };

describe('loadConfig', () => {
  it('applies documented defaults', () => {
    const config = loadConfig(valid);
    expect(config.port).toBe(3000);
    expect(config.taskQueue).toBe('vinhdanh');
    expect(config.policy.reviewDeadlineMs).toBe(14 * 86_400_000);
  });

  it('names every bad or missing variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: '70000', POLICY_REVIEW_DEADLINE: 'soon' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/DATABASE_URL=mysql:\/\/x must start with postgres:\/\//);
    expect(problems).toMatch(/TEMPORAL_ADDRESS is required/);
    expect(problems).toMatch(/PORT=70000/);
    expect(problems).toMatch(/POLICY_REVIEW_DEADLINE=soon/);
  });

  it('requires a real JWT secret in production', () => {
    expect(() => loadConfig({ ...valid, NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
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
