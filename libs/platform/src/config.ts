import type { TemporalTlsFiles } from './temporal-tls';
import path from 'node:path';
import { parseCodecKeys } from './codec/keys';
import { parseVotingRules } from '@vinhdanh/domain/council/voting-rules';
import { validateEligibilityPolicy } from '@vinhdanh/domain/eligibility/policy';
import { parseCalendar, type WorkingCalendar } from '@vinhdanh/domain/common/working-days';
import { parseBaseSalary, type BaseSalaryStep } from '@vinhdanh/domain/decisions/bonus';
import type { CodecKey } from './codec/payload-codec';
import { ROLES } from '@vinhdanh/domain/ladder/nomination';

/**
 * Configuration read once from the environment and validated at start: a bad or missing value
 * stops the process with a message naming the variable, instead of failing later mid-request.
 *
 * Secrets have development defaults only in development mode (`VINHDANH_MODE=development`, which
 * `npm start` sets). Anywhere else a missing secret, or one equal to a published development
 * default, stops the process.
 */
export type RunMode = 'development' | 'production';

export interface AppConfig {
  mode: RunMode;
  databaseUrl: string;
  temporalAddress: string;
  /** Mutual TLS to Temporal's frontend (TEMPORAL_TLS_CA, TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY): all three, or none. */
  temporalTls?: TemporalTlsFiles;
  temporalNamespace: string;
  taskQueue: string;
  port: number;
  /** Interface the API listens on (127.0.0.1 unless HOST says otherwise). */
  host: string;
  jwt: { secret: string; ttlSeconds: number; issuer: string; audience: string };
  /** Keys of the payload codec; the first encrypts (docs/security.md). */
  codecKeys: CodecKey[];
  /** Key of the HMAC that turns personal identification numbers into stable, unreadable ids. */
  identityKey: Buffer;
  /** The Ed25519 seed that signs the change feed's pages (docs/integration.md). */
  feedSigningKey: Buffer;
  /** Decision signing (docs/documents.md): where each authority's PKCS#12 and the CA live. */
  signing: { dir: string; passphrase: string; autoIssue: boolean; fontDir: string; atIssue: boolean };
  /** Origins allowed to call the codec endpoint from a browser (the Temporal UI). */
  codecCorsOrigins: string[];
  /** Deadline of every Temporal call made for a request. */
  temporalRpcTimeoutMs: number;
  /** How long a delivery's claim on an e-mail lasts before another may send it. */
  emailLeaseMs: number;
  /** Failed sign-ins per username and address within 15 minutes, and per address within an hour. */
  loginMaxFailures: number;
  loginMaxFailuresPerAddress: number;
  /** Failed sign-ins per username within an hour from browsers it has not signed in on (no device token). */
  loginMaxFailuresPerAccount: number;
  /** The shortest password a person may set (PASSWORD_MIN_LENGTH): 15, NIST SP 800-63B-4's minimum when a password is the only factor. */
  passwordMinLength: number;
  /** Roles whose holders sign in with a second factor (SECOND_FACTOR_ROLES; docs/accounts.md). */
  secondFactorRoles: string[];
  /** Express's `trust proxy` (e.g. `loopback`, `10.0.0.0/8`): whose X-Forwarded-For names the client. */
  trustProxy?: string;
  seedDemo: boolean;
  smtpUrl?: string;
  mailFrom: string;
  logLevel: string;
  temporalUiUrl?: string;
  /** AES-256 key sealing the councils' ballot-signing keys (base64, 32 bytes); see docs/council-voting.md. */
  ballotKey: string;
  /** JSON overrides of council voting rules (docs/council-voting.md); undefined = defaults. */
  votingRules?: string;
  /** Sign-in through an OpenID Connect provider, in addition to local accounts. */
  oidc?: {
    issuer: string;
    jwksUrl: string;
    audience: string;
    usernameClaim: string;
    /** People's sign-in through the provider (authorization code with PKCE), when OIDC_CLIENT_SECRET is set: docs/accounts.md. */
    signIn?: { clientId: string; clientSecret: string; redirectUrl?: string };
  };
  /** JSON overrides of the eligibility policy (docs/eligibility.md), e.g. {"ttldttLdttShare":{"numerator":51,"denominator":100}}. */
  eligibilityPolicy?: Record<string, unknown>;
  policy: PolicyConfig;
  /** Public holidays and bridging days for working-day periods (HOLIDAYS; docs/law.md). */
  calendar: WorkingCalendar;
  /** Lương cơ sở by date (BASE_SALARY) for bonuses. */
  baseSalary: BaseSalaryStep[];
  /** Development only (DEV_POSTING_SECONDS): postings last this many seconds instead of the law's days. */
  devPostingSeconds?: number;
  /** Public comments accepted per address per hour (COMMENT_MAX_PER_ADDRESS). */
  commentMaxPerAddress: number;
  /** SHA-256 counters a browser tries, on average, for one public comment when nobody floods (COMMENT_PROOF_WORK); doubled per 10 comments on the nomination in the last hour, at most 64 times. */
  commentProofWork: number;
  /** Rows of an uploaded list sent at once (IMPORT_CONCURRENCY): each is its own workflow start. */
  importConcurrency: number;
  /** Ballot keys kept made ahead, at quiet times, so opening a council session does not make them (BALLOT_KEY_POOL; 0: made at opening). */
  ballotKeyPool: number;
  /** The archive of closed histories (docs/audit.md): how often it looks, and the namespace retention it sets. */
  archive: { intervalMs: number; retentionMs: number };
  /** The audit log's signed checkpoints (docs/audit.md): the log's name, and how often the worker signs one (undefined: never by itself). */
  checkpoints: { origin: string; intervalMs?: number };
  /** The yearly registration (đăng ký thi đua): its deadline as MM-DD, what happens to a late one, and when clerks are reminded. */
  registration: { deadline: string; lateRule: 'REFUSE' | 'FLAG'; remindDaysBefore: number };
}

/** Deadlines of the ladder (policy, not law: docs/law.md found no statutory limits). Milliseconds. */
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

function trustProxy(raw: string | undefined, problems: string[]): string | undefined {
  const value = raw?.trim();
  if (!value || value === 'false') return undefined;
  // "true" would believe any X-Forwarded-For, and so any address a client invents (sign-in limits).
  if (value === 'true') problems.push('TRUST_PROXY=true would trust any client; name the proxies: loopback, a CIDR, or a hop count');
  return value;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  /** A parsed setting's value, its problems added to the list. */
  const collect = <T, K extends string>(parsed: { problems: string[] } & { [k in K]: T }, key: K): T => {
    problems.push(...parsed.problems);
    return parsed[key];
  };

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
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    if (raw !== 'true' && raw !== 'false') problems.push(`${name}=${raw} must be true or false`);
    return raw === 'true';
  };
  const monthDay = (name: string, fallback: string): string => {
    const raw = env[name]?.trim() || fallback;
    const m = /^(\d{2})-(\d{2})$/.exec(raw);
    // A day every year has (no 29 February).
    if (!m || Number(m[1]) < 1 || Number(m[1]) > 12 || Number(m[2]) < 1 || Number(m[2]) > new Date(Date.UTC(2023, Number(m[1]), 0)).getUTCDate()) problems.push(`${name}=${raw} must be a day of the year as MM-DD, e.g. 03-31`);
    return raw;
  };
  const duration = (name: string, fallback: string): number => {
    const raw = env[name] ?? fallback;
    const ms = parseDuration(raw);
    if (ms === undefined || ms <= 0) problems.push(`${name}=${raw} must be a duration like 500ms, 30s, 15m, 2h or 14d`);
    return ms ?? 0;
  };

  const modeRaw = env.VINHDANH_MODE?.trim() || 'production';
  if (modeRaw !== 'development' && modeRaw !== 'production') problems.push(`VINHDANH_MODE=${modeRaw} must be development or production`);
  const mode: RunMode = modeRaw === 'development' ? 'development' : 'production';
  /** A secret: its development default in development mode; required, and never the default, elsewhere. */
  const secret = (name: string, devDefault: string, check: (v: string) => string | undefined): string => {
    const value = env[name]?.trim() || (mode === 'development' ? devDefault : '');
    if (!value) {
      problems.push(`${name} is required outside development mode (VINHDANH_MODE=development); see docs/security.md`);
      return '';
    }
    if (mode !== 'development' && sameSecret(value, devDefault)) problems.push(`${name} is the public development default; set a secret of your own`);
    const problem = check(value);
    if (problem) problems.push(`${name} ${problem}`);
    return value;
  };
  const jwtSecret = secret('JWT_SECRET', DEV_SECRETS.JWT_SECRET, (v) => (v.length < 32 ? 'must be at least 32 characters (openssl rand -base64 32)' : undefined));
  const ballotKey = secret('BALLOT_KEY', DEV_SECRETS.BALLOT_KEY, (v) => (Buffer.from(v, 'base64').length !== 32 ? 'must be 32 bytes, base64-encoded (openssl rand -base64 32)' : undefined));
  const identityKey = secret('IDENTITY_KEY', DEV_SECRETS.IDENTITY_KEY, (v) => (Buffer.from(v, 'base64').length !== 32 ? 'must be 32 bytes, base64-encoded (openssl rand -base64 32)' : undefined));
  const feedSigningKey = secret('FEED_SIGNING_KEY', DEV_SECRETS.FEED_SIGNING_KEY, (v) => (Buffer.from(v, 'base64').length !== 32 ? 'must be 32 bytes, base64-encoded (openssl rand -base64 32)' : undefined));
  const signingPassphrase = secret('SIGNING_P12_PASSPHRASE', DEV_SECRETS.SIGNING_P12_PASSPHRASE, (v) => (v.length < 12 ? 'must be at least 12 characters' : undefined));
  const codecText = secret('CODEC_KEYS', DEV_SECRETS.CODEC_KEYS, () => undefined);
  const codec = codecText ? parseCodecKeys(codecText) : { keys: [], problems: [] };
  problems.push(...codec.problems);
  if (mode !== 'development' && codec.keys.some((k) => DEV_CODEC_KEY.equals(k.key))) problems.push('CODEC_KEYS contains the public development key; remove it');

  const tlsFiles = { ca: env.TEMPORAL_TLS_CA?.trim(), cert: env.TEMPORAL_TLS_CERT?.trim(), key: env.TEMPORAL_TLS_KEY?.trim() };
  const tlsGiven = Object.entries(tlsFiles).filter(([, v]) => v);
  if (tlsGiven.length && tlsGiven.length < 3) problems.push('TEMPORAL_TLS_CA, TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together: set all three (mutual TLS) or none');
  const temporalTls: TemporalTlsFiles | undefined = tlsGiven.length === 3 ? { ca: tlsFiles.ca!, cert: tlsFiles.cert!, key: tlsFiles.key!, ...(env.TEMPORAL_TLS_SERVER_NAME?.trim() ? { serverName: env.TEMPORAL_TLS_SERVER_NAME.trim() } : {}) } : undefined;

  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push(`SMTP_URL=${smtpUrl} must start with smtp:// or smtps://`);

  const config: AppConfig = {
    databaseUrl: url('DATABASE_URL', ['postgres', 'postgresql'], 'postgres://user:pass@127.0.0.1:5432/vinhdanh'),
    temporalAddress: required('TEMPORAL_ADDRESS', '127.0.0.1:7233'),
    ...(temporalTls ? { temporalTls } : {}),
    temporalNamespace: env.TEMPORAL_NAMESPACE?.trim() || 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE?.trim() || 'vinhdanh',
    mode,
    port: int('PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    jwt: {
      secret: jwtSecret,
      ttlSeconds: int('JWT_TTL_SECONDS', 8 * 3600, 60, 30 * 86400),
      issuer: env.JWT_ISSUER?.trim() || 'vinhdanh',
      audience: env.JWT_AUDIENCE?.trim() || 'vinhdanh-api',
    },
    codecKeys: codec.keys,
    identityKey: Buffer.from(identityKey, 'base64'),
    feedSigningKey: Buffer.from(feedSigningKey, 'base64'),
    signing: {
      dir: env.SIGNING_DIR?.trim() || path.join(process.cwd(), '.data', 'signing'),
      passphrase: signingPassphrase,
      // A local CA that issues keys on demand: development and tests only; elsewhere the operator's keys.
      autoIssue: bool('SIGNING_AUTO_ISSUE', mode === 'development'),
      fontDir: env.DOCUMENT_FONT_DIR?.trim() || '/usr/share/fonts/truetype/liberation2',
      // Sign each decision's PDF in the API's quiet moments after issue (docs/audit.md); off, at its first download.
      atIssue: bool('SIGN_AT_ISSUE', true),
    },
    codecCorsOrigins: (env.CODEC_CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    temporalRpcTimeoutMs: int('TEMPORAL_RPC_TIMEOUT_MS', 10_000, 100, 600_000),
    emailLeaseMs: int('NOTIFICATION_EMAIL_LEASE_MS', 60_000, 1000, 3_600_000),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 100_000),
    loginMaxFailuresPerAddress: int('LOGIN_MAX_FAILURES_PER_ADDRESS', 100, 1, 1_000_000),
    loginMaxFailuresPerAccount: int('LOGIN_MAX_FAILURES_PER_ACCOUNT', 20, 1, 1_000_000),
    passwordMinLength: int('PASSWORD_MIN_LENGTH', 15, 8, 64),
    secondFactorRoles: (env.SECOND_FACTOR_ROLES ?? 'DECISION_MAKER,COUNCIL_SECRETARY,ADMIN').split(',').map((s) => s.trim()).filter(Boolean),
    trustProxy: trustProxy(env.TRUST_PROXY, problems),
    seedDemo: bool('SEED_DEMO', false),
    smtpUrl,
    mailFrom: env.MAIL_FROM?.trim() || 'Vinh Danh <no-reply@vinhdanh.local>',
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    temporalUiUrl: env.TEMPORAL_UI_URL?.trim() || undefined,
    ballotKey,
    votingRules: env.VOTING_RULES?.trim() || undefined,
    eligibilityPolicy: parseJson(env.ELIGIBILITY_POLICY, 'ELIGIBILITY_POLICY', problems),
    calendar: collect<WorkingCalendar, 'calendar'>(parseCalendar(env.HOLIDAYS), 'calendar'),
    baseSalary: collect<BaseSalaryStep[], 'table'>(parseBaseSalary(env.BASE_SALARY), 'table'),
    devPostingSeconds: env.DEV_POSTING_SECONDS?.trim() ? int('DEV_POSTING_SECONDS', 0, 1, 86_400) : undefined,
    commentMaxPerAddress: int('COMMENT_MAX_PER_ADDRESS', 5, 1, 10_000),
    commentProofWork: int('COMMENT_PROOF_WORK', 20_000, 1, 10_000_000),
    importConcurrency: int('IMPORT_CONCURRENCY', 32, 1, 128),
    ballotKeyPool: int('BALLOT_KEY_POOL', 200, 0, 10_000),
    checkpoints: {
      origin: env.CHECKPOINT_ORIGIN?.trim() || 'vinhdanh/audit-log',
      intervalMs: env.CHECKPOINT_INTERVAL?.trim() === 'off' ? undefined : duration('CHECKPOINT_INTERVAL', '1d'),
    },
    archive: {
      intervalMs: duration('ARCHIVE_INTERVAL', '1m'),
      retentionMs: duration('TEMPORAL_RETENTION', '30d'),
    },
    registration: {
      deadline: monthDay('REGISTRATION_DEADLINE', '03-31'),
      lateRule: env.REGISTRATION_LATE?.trim() === 'REFUSE' ? 'REFUSE' : 'FLAG',
      remindDaysBefore: int('REGISTRATION_REMIND_DAYS', 7, 0, 60),
    },
    oidc: env.OIDC_ISSUER?.trim()
      ? {
          issuer: env.OIDC_ISSUER.trim(),
          jwksUrl: env.OIDC_JWKS_URL?.trim() || `${env.OIDC_ISSUER.trim().replace(/\/$/, '')}/.well-known/jwks.json`,
          audience: env.OIDC_AUDIENCE?.trim() ?? '',
          usernameClaim: env.OIDC_USERNAME_CLAIM?.trim() || 'preferred_username',
          signIn: env.OIDC_CLIENT_SECRET?.trim()
            ? { clientId: env.OIDC_CLIENT_ID?.trim() || env.OIDC_AUDIENCE?.trim() || '', clientSecret: env.OIDC_CLIENT_SECRET.trim(), redirectUrl: env.OIDC_REDIRECT_URL?.trim() || undefined }
            : undefined,
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
  if (/\n/.test(config.checkpoints.origin)) problems.push('CHECKPOINT_ORIGIN must be one line');
  // Temporal keeps a closed history at least a day; the archiver must get several chances within it.
  if (config.archive.retentionMs < 86_400_000) problems.push(`TEMPORAL_RETENTION=${env.TEMPORAL_RETENTION} must be at least 1d (Temporal's minimum)`);
  else if (config.archive.intervalMs * 4 > config.archive.retentionMs) problems.push(`ARCHIVE_INTERVAL=${env.ARCHIVE_INTERVAL} must be at most a quarter of TEMPORAL_RETENTION, so a closed history is archived long before Temporal deletes it`);
  if (config.oidc && !/^https?:\/\//.test(config.oidc.jwksUrl)) problems.push(`OIDC_JWKS_URL=${config.oidc.jwksUrl} must be an http(s) URL`);
  // Without an audience any token the provider issues for any of its applications would sign in here.
  const unknownRoles = config.secondFactorRoles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknownRoles.length) problems.push(`SECOND_FACTOR_ROLES names unknown roles: ${unknownRoles.join(', ')} (known: ${ROLES.join(', ')})`);
  if (config.oidc?.signIn?.redirectUrl && !/^https?:\/\/[^/]+\/auth\/oidc\/callback$/.test(config.oidc.signIn.redirectUrl)) {
    problems.push(`OIDC_REDIRECT_URL=${config.oidc.signIn.redirectUrl} must be this API's address followed by /auth/oidc/callback`);
  }
  if (config.oidc && !config.oidc.audience) problems.push('OIDC_AUDIENCE is required with OIDC_ISSUER: the client id this API accepts tokens for');
  problems.push(...parseVotingRules(config.votingRules).problems);
  if (config.eligibilityPolicy) problems.push(...validateEligibilityPolicy(config.eligibilityPolicy));
  if (config.devPostingSeconds !== undefined && mode !== 'development') problems.push('DEV_POSTING_SECONDS shortens the legal posting period and is refused outside development mode');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    problems.push(`LOG_LEVEL=${config.logLevel} must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/**
 * Whether a configured secret is the published default: as text, or as the same bytes in another
 * base64 spelling (padding dropped, URL-safe letters, whitespace), which would decode to the same key.
 */
function sameSecret(value: string, devDefault: string): boolean {
  if (value === devDefault) return true;
  const bytes = (text: string) => Buffer.from(text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  const looksBase64 = (text: string) => /^[A-Za-z0-9+/_\-\s]+=*$/.test(text);
  return looksBase64(value) && looksBase64(devDefault) && bytes(devDefault).length >= 16 && bytes(value).equals(bytes(devDefault));
}

/**
 * The development defaults, published here on purpose: they make `npm start` work with no setup,
 * and anything outside development mode refuses them.
 */
export const DEV_SECRETS = {
  JWT_SECRET: 'vinhdanh-development-jwt-secret-not-for-production',
  BALLOT_KEY: 'dmluaGRhbmgtZGV2ZWxvcG1lbnQtYmFsbG90LWtleSE=',
  CODEC_KEYS: `dev:${Buffer.from('vinhdanh-development-codec-key!!').toString('base64')}`,
  IDENTITY_KEY: Buffer.from('vinhdanh-development-identity!!!').toString('base64'),
  FEED_SIGNING_KEY: Buffer.from('vinhdanh-development-feed-key!!!').toString('base64'),
  SIGNING_P12_PASSPHRASE: 'vinhdanh-development-signing',
} as const;
const DEV_CODEC_KEY = Buffer.from('vinhdanh-development-codec-key!!');
