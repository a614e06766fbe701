import { Secret, TOTP } from 'otpauth';
import { startStack, type Session, type Stack } from '../support/stack';

/** The person's authenticator app: the code for now, or for the next 30-second step. */
const app = (secret: string) => {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return { now: () => totp.generate(), next: (steps = 1) => totp.generate({ timestamp: Date.now() + steps * 30_000 }) };
};

/**
 * The second factor through the real API and PostgreSQL, with the product's default: decision
 * makers, council secretaries and administrators sign in with a one-time code (docs/accounts.md).
 * Codes are computed from the secret the enrolment answered, by the same RFC 6238 the apps use;
 * "next step" codes are valid (one step of drift either side), so no test waits on the clock.
 */
describe('second factor', () => {
  let stack: Stack;
  let anonymous: Session;

  beforeAll(async () => {
    stack = await startStack({ SECOND_FACTOR_ROLES: 'DECISION_MAKER,COUNCIL_SECRETARY,ADMIN' });
    anonymous = stack.session();
  });
  afterAll(() => stack?.close());

  const signIn = (username: string, otp?: string) => anonymous.post('/auth/login', { username, password: 'vinhdanh', ...(otp ? { otp } : {}) });

  /** Signs in, enrols and confirms; answers the verified session and the app. */
  async function enrol(username: string) {
    const first = await signIn(username);
    expect(first.body.secondFactor).toBe('ENROLMENT_REQUIRED');
    const session = stack.session(first.body.accessToken);
    const started = await session.post('/auth/second-factor');
    expect(started.status).toBe(201);
    expect(started.body.uri).toMatch(/^otpauth:\/\/totp\/Vinh%20Danh:/);
    const codes = app(started.body.secret);
    const confirmed = await session.post('/auth/second-factor/confirm', { code: codes.now() });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.secondFactor).toBe('VERIFIED');
    return { verified: stack.session(confirmed.body.accessToken), unverified: session, codes, secret: started.body.secret as string };
  }

  it('a decision maker without one may only enrol; the first code turns it on and opens a verified session', async () => {
    const first = await signIn('thutruong.so-gddt');
    expect(first.status).toBe(200);
    expect(first.body.secondFactor).toBe('ENROLMENT_REQUIRED');
    const session = stack.session(first.body.accessToken);
    const blocked = await session.get('/inbox');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('SECOND_FACTOR_REQUIRED');
    expect(blocked.body.messageVi).toContain('xác thực hai lớp');
    expect((await session.get('/auth/me')).body.secondFactor).toEqual({ required: true, enabled: false, verified: false });

    const started = await session.post('/auth/second-factor');
    const codes = app(started.body.secret);
    const wrong = await session.post('/auth/second-factor/confirm', { code: codes.now() === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'BAD_OTP', field: 'code' });
    const confirmed = await session.post('/auth/second-factor/confirm', { code: codes.now() });
    expect(confirmed.body.secondFactor).toBe('VERIFIED');
    const verified = stack.session(confirmed.body.accessToken);
    expect((await verified.get('/inbox')).status).toBe(200);
    // The session opened with the password alone stays limited.
    expect((await session.get('/inbox')).status).toBe(403);
    expect((await session.post('/auth/second-factor')).body.code).toBe('SECOND_FACTOR_ENABLED');
    const [entry] = await stack.ds.query(`SELECT event_type, actor_id, payload FROM audit_log WHERE stream='account:thutruong.so-gddt' ORDER BY stream_seq DESC LIMIT 1`);
    expect(entry).toEqual({ event_type: 'SecondFactorEnabled', actor_id: 'thutruong.so-gddt', payload: { method: 'TOTP' } });
  });

  it('every later sign-in needs a code, and each code works once', async () => {
    const { codes } = await enrol('chutich.ubnd-tinh');
    const without = await signIn('chutich.ubnd-tinh');
    expect(without.status).toBe(401);
    expect(without.body).toMatchObject({ code: 'OTP_REQUIRED', field: 'otp' });
    expect(without.body.accessToken).toBeUndefined();
    // The code that confirmed the enrolment has been used.
    expect((await signIn('chutich.ubnd-tinh', codes.now())).body.code).toBe('BAD_OTP');
    const next = codes.next();
    const ok = await signIn('chutich.ubnd-tinh', next);
    expect(ok.status).toBe(200);
    expect(ok.body.secondFactor).toBe('VERIFIED');
    expect((await stack.session(ok.body.accessToken).get('/inbox')).status).toBe(200);
    // Seen on the wire, the same code is refused to anyone.
    const replay = await signIn('chutich.ubnd-tinh', next);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('BAD_OTP');
    // A wrong password with a right code says nothing about the code.
    expect((await anonymous.post('/auth/login', { username: 'chutich.ubnd-tinh', password: 'sai', otp: codes.next(1) })).body.code).toBe('BAD_CREDENTIALS');
  });

  it('keeps the secret sealed: the database holds neither it nor anything that reads as it', async () => {
    const { secret } = await enrol('thuky.hoidong-tinh');
    const [row] = await stack.ds.query(`SELECT totp_sealed FROM user_account WHERE id='thuky.hoidong-tinh'`);
    expect(row.totp_sealed).toBeTruthy();
    expect(row.totp_sealed).not.toContain(secret);
    expect(Buffer.from(row.totp_sealed, 'base64').toString('latin1')).not.toContain(secret);
    const audit = await stack.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE payload::text LIKE '%' || $1 || '%'`, [secret]);
    expect(audit[0].n).toBe(0);
  });

  it('an administrator resets a lost one: the person’s sessions end and they enrol again; audited', async () => {
    const admin = await enrol('quantri');
    const person = await enrol('thutruong.so-yte');
    const reset = await admin.verified.post('/accounts/thutruong.so-yte/second-factor/reset', { reason: 'Mất điện thoại công vụ' });
    expect(reset.status).toBe(200);
    expect(reset.body.secondFactor).toBe(false);
    expect((await person.verified.get('/auth/me')).status).toBe(401);
    expect((await signIn('thutruong.so-yte')).body.secondFactor).toBe('ENROLMENT_REQUIRED');
    expect((await admin.verified.post('/accounts/thutruong.so-yte/second-factor/reset', { reason: 'Lần nữa' })).body.code).toBe('NO_SECOND_FACTOR');
    expect((await admin.verified.post('/accounts/quantri/second-factor/reset', { reason: 'Tự đặt lại' })).body.code).toBe('SELF_ADMINISTRATION');
    const history = await admin.verified.get('/accounts/thutruong.so-yte/history');
    expect(history.body.entries.at(-1)).toMatchObject({ eventType: 'SecondFactorReset', actorId: 'quantri', payload: { reason: 'Mất điện thoại công vụ' } });
    // An administrator who has not given a code administers nothing.
    expect((await admin.unverified.get('/accounts')).body.code).toBe('SECOND_FACTOR_REQUIRED');
  });

  it('a role that needs none signs in with a password, and may still choose one', async () => {
    const clerk = await signIn('vanthu.so-gddt');
    expect(clerk.body.secondFactor).toBe('NOT_USED');
    const session = stack.session(clerk.body.accessToken);
    expect((await session.get('/inbox')).status).toBe(200);
    const started = await session.post('/auth/second-factor');
    const codes = app(started.body.secret);
    expect((await session.post('/auth/second-factor/confirm', { code: codes.now() })).body.secondFactor).toBe('VERIFIED');
    // Chosen, it is asked for like anyone's.
    expect((await signIn('vanthu.so-gddt')).body.code).toBe('OTP_REQUIRED');
    expect((await session.get('/inbox')).body.code).toBe('SECOND_FACTOR_REQUIRED');
    expect((await signIn('vanthu.so-gddt', codes.next())).body.secondFactor).toBe('VERIFIED');
  });
  it('five wrong codes in a row stop codes for a quarter of an hour, however many arrive at once', async () => {
    const { codes } = await enrol('thutruong.xa-dak-ha');
    const wrong = codes.next() === '000000' ? '111111' : '000000';
    const answers = await Promise.all(Array.from({ length: 8 }, () => signIn('thutruong.xa-dak-ha', wrong)));
    const counted = answers.map((a) => a.body.code).sort();
    expect(counted).toEqual(['BAD_OTP', 'BAD_OTP', 'BAD_OTP', 'BAD_OTP', 'BAD_OTP', 'OTP_LOCKED', 'OTP_LOCKED', 'OTP_LOCKED']);
    // All eight passed the sign-in limiter's check at once (it counts after): the three refused were the code count's.
    // Even the right code now waits (refused by both counts).
    const right = await signIn('thutruong.xa-dak-ha', codes.next());
    expect(right.status).toBe(429);
  });

  it('a password changed in a session without the code stays without it', async () => {
    const first = await signIn('thutruong.cty-cao-su');
    expect(first.body.secondFactor).toBe('ENROLMENT_REQUIRED');
    const session = stack.session(first.body.accessToken);
    const changed = await session.post('/auth/change-password', { currentPassword: 'vinhdanh', newPassword: 'Một câu mật khẩu mới của thủ trưởng công ty' });
    expect(changed.status).toBe(200);
    expect(changed.body.secondFactor).toBe('ENROLMENT_REQUIRED');
    expect((await stack.session(changed.body.accessToken).get('/inbox')).body.code).toBe('SECOND_FACTOR_REQUIRED');
  });
});
