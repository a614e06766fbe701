/**
 * Configuration read once from the environment and validated at start: a bad or missing value
 * stops the process with a message naming the variable, instead of failing later mid-request.
 */
export interface AppConfig {
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  port: number;
  jwtSecret: string;
  jwtTtlSeconds: number;
  smtpUrl?: string;
  mailFrom: string;
  logLevel: string;
  temporalUiUrl?: string;
  /** AES-256 key sealing council ballots (base64, 32 bytes); see docs/council-voting.md. */
  ballotKey: string;
  /** JSON overrides of council voting rules (docs/council-voting.md); undefined = defaults. */
  votingRules?: string;
  /** Sign-in through an OpenID Connect provider, in addition to local accounts. */
  oidc?: { issuer: string; jwksUrl: string; audience?: string; usernameClaim: string };
  /** JSON overrides of the eligibility policy (docs/eligibility.md), e.g. {"ttldttLdttShare":{"numerator":51,"denominator":100}}. */
  eligibilityPolicy?: Record<string, unknown>;
  policy: PolicyConfig;
}

/** Deadlines of the ladder (policy, not law: law.md §2.6 finds no statutory limits). Milliseconds. */
export interface PolicyConfig {
  reviewDeadlineMs: number;
  reminderBeforeMs: number;
  escalateAfterMs: number;
  supplementDeadlineMs: number;
  decisionDeadlineMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const DURATION = /^(\d+)(ms|s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  return match ? Number(match[1]) * UNIT_MS[match[2]] : undefined;
}

type Env = Record<string, string | undefined>;

function parseJson(text: string | undefined, name: string, problems: string[]): Record<string, unknown> | undefined {
  if (!text?.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    problems.push(`${name} must be a JSON object`);
    return undefined;
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];

  const required = (name: string, example: string): string => {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is required (e.g. ${example})`);
    return value ?? '';
  };
  const url = (name: string, protocols: string[], example: string): string => {
    const value = required(name, example);
    if (value && !protocols.some((p) => value.startsWith(`${p}://`))) {
      problems.push(`${name}=${value} must start with ${protocols.map((p) => `${p}://`).join(' or ')}`);
    }
    return value;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}=${raw} must be an integer from ${min} to ${max}`);
    }
    return value;
  };
  const duration = (name: string, fallback: string): number => {
    const raw = env[name] ?? fallback;
    const ms = parseDuration(raw);
    if (ms === undefined || ms <= 0) problems.push(`${name}=${raw} must be a duration like 500ms, 30s, 15m, 2h or 14d`);
    return ms ?? 0;
  };

  const production = env.NODE_ENV === 'production';
  const jwtSecret = env.JWT_SECRET ?? (production ? '' : 'vinhdanh-development-secret-change-me');
  if (jwtSecret.length < 16) problems.push('JWT_SECRET must be set to at least 16 characters (required in production)');

  // The development default keeps `npm start` zero-config; production must bring its own key.
  const ballotKey = env.BALLOT_KEY?.trim() || (production ? '' : 'dmluaGRhbmgtZGV2ZWxvcG1lbnQtYmFsbG90LWtleSE=');
  if (Buffer.from(ballotKey, 'base64').length !== 32) problems.push('BALLOT_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32); required in production');

  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push(`SMTP_URL=${smtpUrl} must start with smtp:// or smtps://`);

  const config: AppConfig = {
    databaseUrl: url('DATABASE_URL', ['postgres', 'postgresql'], 'postgres://user:pass@127.0.0.1:5432/vinhdanh'),
    temporalAddress: required('TEMPORAL_ADDRESS', '127.0.0.1:7233'),
    temporalNamespace: env.TEMPORAL_NAMESPACE?.trim() || 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE?.trim() || 'vinhdanh',
    port: int('PORT', 3000, 0, 65535),
    jwtSecret,
    jwtTtlSeconds: int('JWT_TTL_SECONDS', 8 * 3600, 60, 30 * 86400),
    smtpUrl,
    mailFrom: env.MAIL_FROM?.trim() || 'Vinh Danh <no-reply@vinhdanh.local>',
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    temporalUiUrl: env.TEMPORAL_UI_URL?.trim() || undefined,
    ballotKey,
    votingRules: env.VOTING_RULES?.trim() || undefined,
    eligibilityPolicy: parseJson(env.ELIGIBILITY_POLICY, 'ELIGIBILITY_POLICY', problems),
    oidc: env.OIDC_ISSUER?.trim()
      ? {
          issuer: env.OIDC_ISSUER.trim(),
          jwksUrl: env.OIDC_JWKS_URL?.trim() || `${env.OIDC_ISSUER.trim().replace(/\/$/, '')}/.well-known/jwks.json`,
          audience: env.OIDC_AUDIENCE?.trim() || undefined,
          usernameClaim: env.OIDC_USERNAME_CLAIM?.trim() || 'preferred_username',
        }
      : undefined,
    policy: {
      reviewDeadlineMs: duration('POLICY_REVIEW_DEADLINE', '14d'),
      reminderBeforeMs: duration('POLICY_REMINDER_BEFORE', '3d'),
      escalateAfterMs: duration('POLICY_ESCALATE_AFTER', '7d'),
      supplementDeadlineMs: duration('POLICY_SUPPLEMENT_DEADLINE', '10d'),
      decisionDeadlineMs: duration('POLICY_DECISION_DEADLINE', '30d'),
    },
  };
  if (config.oidc && !/^https?:\/\//.test(config.oidc.jwksUrl)) problems.push(`OIDC_JWKS_URL=${config.oidc.jwksUrl} must be an http(s) URL`);
  if (config.votingRules) {
    try {
      JSON.parse(config.votingRules);
    } catch {
      problems.push('VOTING_RULES must be JSON: {"rules":{…},"councils":{"<councilId>":{"*":"RULE","<AWARD>":"RULE"}}}');
    }
  }
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    problems.push(`LOG_LEVEL=${config.logLevel} must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
