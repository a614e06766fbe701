import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { startStack, type Session, type Stack } from '../support/stack';
import { submit, waitForStep } from '../support/nominations';

const run = promisify(execFile);

/** A password the policy accepts: a sentence, long, not common, not the person's name. */
const SENTENCE = 'Mùa thu lá vàng rơi bên hồ Gươm lúc sáng sớm';
const tokenOf = (path: string) => path.split('#')[1];

/**
 * Accounts administered in the product (docs/accounts.md), through the real API, PostgreSQL and
 * Temporal: an administrator invites, the person sets their own password through a one-time link
 * and works; changes, deactivations and resets take effect at the next request and are on the chain.
 */
describe('accounts administered', () => {
  let stack: Stack;
  let admin: Session;
  let anonymous: Session;

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.login('quantri');
    anonymous = stack.session();
  });
  afterAll(() => stack?.close());

  const uniqueName = (prefix: string) => `${prefix}${randomBytes(3).toString('hex')}`;

  async function invite(fields: Record<string, unknown> = {}) {
    const username = uniqueName('vanthu.moi.');
    const res = await admin.post('/accounts', { username, fullName: 'Lê Thị Mới', unitId: 'so-gddt', roles: ['CLERK'], ...fields });
    expect(res.status).toBe(201);
    return { username, token: tokenOf(res.body.link.path), body: res.body };
  }

  it('an invited clerk sets their own password through the link, signs in and files a dossier; the link works once', async () => {
    const { username, token, body } = await invite();
    expect(body.account).toMatchObject({ username, active: true, hasPassword: false, roles: ['CLERK'] });
    expect(body.link).toMatchObject({ purpose: 'INVITE' });
    expect(body.link.path).toMatch(/^\/app\/mat-khau#[A-Za-z0-9_-]{43}$/);
    // No password yet: nothing signs in, not even an empty one.
    expect((await anonymous.post('/auth/login', { username, password: 'vinhdanh' })).status).toBe(401);

    const tooShort = await anonymous.post('/auth/set-password', { token, password: 'ngắn quá' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body).toMatchObject({ code: 'PASSWORD_TOO_SHORT', field: 'password' });
    expect(tooShort.body.messageVi).toContain('ít nhất 15 ký tự');
    expect((await anonymous.post('/auth/set-password', { token, password: 'password12345678' })).body.code).toBe('PASSWORD_GUESSABLE');
    expect((await anonymous.post('/auth/set-password', { token, password: `${username}${username}` })).body.code).toBe('PASSWORD_GUESSABLE');
    expect((await anonymous.post('/auth/set-password', { token, password: 'aaaaaaaaaaaaaaaaaaaa' })).body.code).toBe('PASSWORD_GUESSABLE');

    const set = await anonymous.post('/auth/set-password', { token, password: SENTENCE });
    expect(set).toMatchObject({ status: 200, body: { username } });
    const again = await anonymous.post('/auth/set-password', { token, password: `${SENTENCE} nữa` });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'LINK_NOT_VALID', field: 'token' });

    const clerk = await stack.login(username, SENTENCE);
    expect((await clerk.get('/auth/me')).body).toMatchObject({ userId: username, unitId: 'so-gddt', roles: ['CLERK'] });
    expect(await submit(clerk, 'GK_DONVI')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps neither the link nor the password where the database owner can read them', async () => {
    const { username, token } = await invite();
    await anonymous.post('/auth/set-password', { token, password: SENTENCE });
    const db = new Client({ connectionString: stack.config.databaseUrl });
    await db.connect();
    try {
      // Every text column of every table, searched for the token and the password.
      const columns: { table_name: string; column_name: string }[] = (
        await db.query(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema='public' AND data_type IN ('text','jsonb','character varying')`)
      ).rows;
      for (const secret of [token, SENTENCE]) {
        const found: string[] = [];
        for (const c of columns) {
          const { rows } = await db.query(`SELECT 1 FROM "${c.table_name}" WHERE "${c.column_name}"::text LIKE '%' || $1 || '%' LIMIT 1`, [secret]);
          if (rows.length) found.push(`${c.table_name}.${c.column_name}`);
        }
        expect(found).toEqual([]);
      }
      const { rows } = await db.query(`SELECT password_hash FROM user_account WHERE id=$1`, [username]);
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    } finally {
      await db.end();
    }
  });

  it('reads a password typed with decomposed Vietnamese letters as the same password', async () => {
    const { username, token } = await invite();
    await anonymous.post('/auth/set-password', { token, password: SENTENCE.normalize('NFC') });
    await expect(stack.login(username, SENTENCE.normalize('NFD'))).resolves.toBeDefined();
  });

  it('refuses one person both proposing and deciding for a unit unless the exception is written, and audits it', async () => {
    const refused = await admin.post('/accounts', { username: uniqueName('kiemnhiem.'), fullName: 'Phạm Văn Kiêm', unitId: 'so-gddt', roles: ['CLERK', 'DECISION_MAKER'] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'SEPARATION_OF_DUTIES', field: 'dutiesException' });
    expect(refused.body.messageEn).toContain('both propose and decide');
    const exception = 'Trường một cán bộ kiêm nhiệm văn thư, theo Quyết định 7/QĐ-THCS';
    const { username } = await invite({ roles: ['CLERK', 'DECISION_MAKER'], dutiesException: exception });
    const history = await admin.get(`/accounts/${username}/history`);
    expect(history.body.entries[0]).toMatchObject({ eventType: 'AccountCreated', actorId: 'quantri', payload: { dutiesException: exception, roles: ['CLERK', 'DECISION_MAKER'] } });
    // Removing the exception while both roles stay is the same refusal.
    const change = await admin.request('PATCH', `/accounts/${username}`, { dutiesException: '', reason: 'Rà soát phân quyền' });
    expect(change.body.code).toBe('SEPARATION_OF_DUTIES');
  });

  it('only administrators administer; an administrator does not widen their own powers', async () => {
    const clerk = await stack.login('vanthu.so-gddt');
    const attempt = await clerk.post('/accounts', { username: uniqueName('tu.tao.'), fullName: 'Tự Tạo', unitId: 'so-gddt', roles: ['ADMIN'] });
    expect(attempt.status).toBe(403);
    expect(attempt.body.code).toBe('ROLE_REQUIRED');
    expect((await clerk.get('/accounts')).status).toBe(403);
    expect((await clerk.request('PATCH', '/accounts/vanthu.so-gddt', { roles: ['CLERK', 'REVIEWER'], reason: 'Tự cấp quyền' })).status).toBe(403);
    const self = await admin.request('PATCH', '/accounts/quantri', { roles: ['ADMIN', 'AUDITOR'], reason: 'Tự cấp quyền' });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('SELF_ADMINISTRATION');
    expect((await admin.post('/accounts/quantri/deactivate', { reason: 'Thử tự khóa' })).body.code).toBe('SELF_ADMINISTRATION');
    expect((await admin.request('PATCH', '/accounts/quantri', { unitId: 'so-gddt', reason: 'Tự chuyển đơn vị' })).body.code).toBe('SELF_ADMINISTRATION');
    expect((await admin.request('PATCH', '/accounts/quantri', { fullName: 'Quản trị hệ thống tỉnh', reason: 'Sửa tên hiển thị' })).status).toBe(200);
    // An auditor reads the accounts and their history, and changes nothing.
    const auditor = await stack.login('thanhtra');
    expect((await auditor.get('/accounts?active=true')).body.items.some((a: { id: string }) => a.id === 'quantri')).toBe(true);
    expect((await auditor.post('/accounts/vanthu.so-gddt/link')).status).toBe(403);
  });

  it('a role changed by an administrator applies at the person’s next request, with before, after and reason on the chain', async () => {
    const { username, token } = await invite();
    await anonymous.post('/auth/set-password', { token, password: SENTENCE });
    const person = await stack.login(username, SENTENCE);
    expect((await person.get('/inbox')).status).toBe(200);
    const changed = await admin.request('PATCH', `/accounts/${username}`, { roles: ['REVIEWER'], unitId: 'so-noi-vu', reason: 'Điều động sang Sở Nội vụ' });
    expect(changed.status).toBe(200);
    expect(changed.body.changed.sort()).toEqual(['roles', 'unitId']);
    expect((await person.get('/auth/me')).body).toMatchObject({ unitId: 'so-noi-vu', roles: ['REVIEWER'] });
    const history = await admin.get(`/accounts/${username}/history`);
    expect(history.body.entries.map((e: { eventType: string }) => e.eventType)).toEqual(['AccountCreated', 'InvitationIssued', 'PasswordSet', 'AccountChanged']);
    expect(history.body.entries[3].payload).toEqual({
      changed: ['unitId', 'roles'],
      before: { unitId: 'so-gddt', roles: ['CLERK'] },
      after: { unitId: 'so-noi-vu', roles: ['REVIEWER'] },
      reason: 'Điều động sang Sở Nội vụ',
    });
  });

  it('a changed password ends every other session; the wrong current password is refused', async () => {
    const { username, token } = await invite();
    await anonymous.post('/auth/set-password', { token, password: SENTENCE });
    const phone = await stack.login(username, SENTENCE);
    const laptop = await stack.login(username, SENTENCE);
    const wrong = await laptop.post('/auth/change-password', { currentPassword: 'không phải mật khẩu', newPassword: 'Một câu mới hoàn toàn khác hẳn câu cũ' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('WRONG_PASSWORD');
    const weak = await laptop.post('/auth/change-password', { currentPassword: SENTENCE, newPassword: '123456789012345' });
    expect(weak.body).toMatchObject({ code: 'PASSWORD_GUESSABLE', field: 'newPassword' });
    const changed = await laptop.post('/auth/change-password', { currentPassword: SENTENCE, newPassword: 'Một câu mới hoàn toàn khác hẳn câu cũ' });
    expect(changed.status).toBe(200);
    expect((await stack.session(changed.body.accessToken).get('/auth/me')).status).toBe(200);
    for (const old of [phone, laptop]) {
      const res = await old.get('/auth/me');
      expect(res.status).toBe(401);
      expect(res.body.messageVi).toContain('mật khẩu vừa đổi');
    }
    await expect(stack.login(username, SENTENCE)).rejects.toThrow(/401/);
    await expect(stack.login(username, 'Một câu mới hoàn toàn khác hẳn câu cũ')).resolves.toBeDefined();
  });

  it('a deactivated account is locked out at once, keeps its acts, and can be brought back without its old sessions', async () => {
    const { username, token } = await invite();
    await anonymous.post('/auth/set-password', { token, password: SENTENCE });
    const person = await stack.login(username, SENTENCE);
    const pendingReset = tokenOf((await admin.post(`/accounts/${username}/link`)).body.path);
    const nominationId = await submit(person, 'GK_DONVI');
    const off = await admin.post(`/accounts/${username}/deactivate`, { reason: 'Nghỉ hưu từ 01/12/2026' });
    expect(off.status).toBe(200);
    expect(off.body.account).toMatchObject({ active: false });
    // A clerk of a unit with other clerks leaves nothing unattended.
    expect(off.body.unattended).toEqual([]);
    const locked = await person.get('/auth/me');
    expect(locked.status).toBe(401);
    expect(locked.body.messageEn).toContain('deactivated');
    await expect(stack.login(username, SENTENCE)).rejects.toThrow(/401/);
    expect((await admin.post(`/accounts/${username}/deactivate`, { reason: 'Lần nữa' })).body.code).toBe('ACCOUNT_INACTIVE');
    expect((await admin.post(`/accounts/${username}/link`)).body.code).toBe('ACCOUNT_INACTIVE');
    // Their dossier still names them.
    const reviewer = await stack.login('vanthu.so-gddt');
    expect((await reviewer.get(`/nominations/${nominationId}`)).body.submittedBy).toBe(username);

    // The reset link issued before the deactivation died with it.
    expect((await anonymous.post('/auth/set-password', { token: pendingReset, password: 'Câu mật khẩu của người đã nghỉ việc' })).body.code).toBe('LINK_NOT_VALID');

    expect((await admin.post(`/accounts/${username}/reactivate`, { reason: 'Tái tuyển dụng' })).body).toMatchObject({ active: true });
    await expect(stack.login(username, SENTENCE)).resolves.toBeDefined();
    // A token from before the deactivation does not come back to life.
    expect((await person.get('/auth/me')).status).toBe(401);
    const types = (await admin.get(`/accounts/${username}/history`)).body.entries.map((e: { eventType: string }) => e.eventType);
    expect(types).toEqual(['AccountCreated', 'InvitationIssued', 'PasswordSet', 'PasswordResetIssued', 'AccountDeactivated', 'AccountReactivated']);
  });

  it('deactivating a unit’s only reviewer names the tasks left without anyone; the role given to a colleague puts them in the colleague’s inbox', async () => {
    const clerk = await stack.login('vanthu.xa-dak-ha');
    const id = await submit(clerk, 'GK_DONVI');
    const reviewer = await stack.login('thamdinh.xa-dak-ha');
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    const off = await admin.post('/accounts/thamdinh.xa-dak-ha/deactivate', { reason: 'Chuyển công tác sang xã khác' });
    expect(off.status).toBe(200);
    expect(off.body.unattended).toEqual([{ role: 'REVIEWER', openTasks: expect.any(Number) }]);
    expect(off.body.unattended[0].openTasks).toBeGreaterThanOrEqual(1);
    // A colleague of the commune takes the role (the unit's clerk may not review what it proposed, so another account).
    const { username, token } = await invite({ unitId: 'xa-dak-ha', roles: ['REVIEWER'] });
    await anonymous.post('/auth/set-password', { token, password: SENTENCE });
    const colleague = await stack.login(username, SENTENCE);
    const inbox = await colleague.get('/inbox');
    expect(inbox.body.items.map((t: { nominationId: string }) => t.nominationId)).toContain(id);
    expect((await admin.post('/accounts/thamdinh.xa-dak-ha/reactivate', { reason: 'Trở lại công tác' })).status).toBe(200);
  });

  it('a reset link replaces the one before it; the old password works until the new one is set', async () => {
    const { username, token } = await invite();
    await anonymous.post('/auth/set-password', { token, password: SENTENCE });
    const first = await admin.post(`/accounts/${username}/link`);
    const second = await admin.post(`/accounts/${username}/link`);
    expect(first.status).toBe(201);
    expect(second.body.purpose).toBe('RESET');
    await expect(stack.login(username, SENTENCE)).resolves.toBeDefined();
    expect((await anonymous.post('/auth/set-password', { token: tokenOf(first.body.path), password: 'Câu mật khẩu thứ hai sau khi quên' })).body.code).toBe('LINK_NOT_VALID');
    expect((await anonymous.post('/auth/set-password', { token: tokenOf(second.body.path), password: 'Câu mật khẩu thứ hai sau khi quên' })).status).toBe(200);
    await expect(stack.login(username, SENTENCE)).rejects.toThrow(/401/);
    await expect(stack.login(username, 'Câu mật khẩu thứ hai sau khi quên')).resolves.toBeDefined();
  });

  it('a link past its time is refused', async () => {
    const { username, token } = await invite();
    // The link's expiry moved to the past, as 72 hours' waiting would.
    await stack.ds.query(`UPDATE account_link SET expires_at = now() - interval '1 second' WHERE user_id=$1`, [username]);
    expect((await anonymous.post('/auth/set-password', { token, password: SENTENCE })).body.code).toBe('LINK_NOT_VALID');
    const fresh = await admin.post(`/accounts/${username}/link`);
    expect(fresh.body.purpose).toBe('INVITE');
    expect((await anonymous.post('/auth/set-password', { token: tokenOf(fresh.body.path), password: SENTENCE })).status).toBe(200);
  });

  it('a scoped auditor reads the accounts of their scope only; others are as absent as missing ones', async () => {
    const provincial = await stack.login('thanhtra.tinh');
    const seen = (await provincial.get('/accounts')).body.items.map((a: { unitId: string }) => a.unitId);
    expect(seen).toContain('so-gddt');
    expect(seen).not.toContain('ban-tdkt-tw');
    expect((await provincial.get('/accounts/vanthu.so-gddt/history')).status).toBe(200);
    const outside = await provincial.get('/accounts/quantri/history');
    expect(outside.status).toBe(404);
    expect(outside.body.code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('refuses what an account cannot be, each with its reason', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ username: 'Có Dấu' }, 400, 'BAD_USERNAME'],
      [{ roles: [] }, 400, 'ROLES_REQUIRED'],
      [{ roles: ['KING'] }, 400, 'UNKNOWN_ROLE'],
      [{ roles: ['CLERK', 'CLERK'] }, 400, 'ROLE_REPEATED'],
      [{ scopeUnitId: 'so-gddt' }, 400, 'SCOPE_WITHOUT_AUDIT_ROLE'],
      [{ unitId: 'khong-co' }, 400, 'UNKNOWN_UNIT'],
      [{ username: 'quantri' }, 409, 'USERNAME_TAKEN'],
      [{ personalId: '123' }, 400, 'BAD_PERSONAL_ID'],
      [{ roles: ['ADMIN', 'DECISION_MAKER'] }, 400, 'ADMIN_WITH_WORKFLOW_ROLE'],
      [{ roles: ['ADMIN', 'COUNCIL_MEMBER'] }, 400, 'ADMIN_WITH_WORKFLOW_ROLE'],
      [{ fullName: '      ' }, 400, 'NAME_REQUIRED'],
    ];
    for (const [fields, status, code] of cases) {
      const res = await admin.post('/accounts', { username: uniqueName('sai.'), fullName: 'Người Thử', unitId: 'so-gddt', roles: ['CLERK'], ...fields });
      expect([fields, res.status, res.body.code]).toEqual([fields, status, code]);
      expect(res.body.messageVi).toBeTruthy();
    }
    expect((await admin.request('PATCH', '/accounts/khong-co-ai', { reason: 'Không có ai' })).body.code).toBe('ACCOUNT_NOT_FOUND');
    // Nulls where strings belong are a reason, not a 500.
    const nulls = await admin.request('PATCH', '/accounts/vanthu.so-gddt', { dutiesException: null, email: null, scopeUnitId: null, reason: 'Xóa các trường' });
    expect(nulls.status).toBeLessThan(500);
  });

  it('administrators add and rename units, audited; ids, parents and levels are checked', async () => {
    const id = uniqueName('xa-thu-');
    const created = await admin.post('/org/units', { id, parentId: 'ubnd-tinh', kind: 'COMMUNE', level: 'UNIT', nameVi: 'Ủy ban nhân dân xã Thử', nameEn: 'Thu Commune', issuerCode: 'UBND', validFrom: '2025-07-01' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id, parentId: 'ubnd-tinh', level: 'UNIT', nameVi: 'Ủy ban nhân dân xã Thử' });
    expect((await admin.post('/org/units', { id, kind: 'COMMUNE', level: 'UNIT', nameVi: 'Lần nữa', nameEn: 'Again', issuerCode: 'UBND' })).body.code).toBe('UNIT_EXISTS');
    expect((await admin.post('/org/units', { id: uniqueName('tw-'), parentId: id, kind: 'MINISTRY', level: 'CENTRAL', nameVi: 'Bộ', nameEn: 'Ministry', issuerCode: 'BO' })).body.code).toBe('LEVEL_ABOVE_PARENT');
    expect((await admin.post('/org/units', { id: 'Có Dấu', kind: 'COMMUNE', level: 'UNIT', nameVi: 'Sai', nameEn: 'Bad', issuerCode: 'X' })).body.code).toBe('BAD_UNIT_ID');
    expect((await admin.post('/org/units', { id: uniqueName('xa-'), parentId: 'khong-co', kind: 'COMMUNE', level: 'UNIT', nameVi: 'Xã Lạc', nameEn: 'Lost Commune', issuerCode: 'UBND' })).body.code).toBe('UNKNOWN_UNIT');
    // An empty parent is no parent (a root), not a database error.
    expect((await admin.post('/org/units', { id: uniqueName('tw-'), parentId: '', kind: 'MINISTRY', level: 'CENTRAL', nameVi: 'Bộ Thử', nameEn: 'Test Ministry', issuerCode: 'BT' })).status).toBe(201);
    const clerk = await stack.login('vanthu.so-gddt');
    expect((await clerk.post('/org/units', { id: uniqueName('x-'), kind: 'COMMUNE', level: 'UNIT', nameVi: 'Xã Tự Lập', nameEn: 'Self-made Commune', issuerCode: 'UBND' })).status).toBe(403);

    const renamed = await admin.request('PATCH', `/org/units/${id}`, { nameVi: 'Ủy ban nhân dân xã Thử Mới', reason: 'Nghị quyết đổi tên xã' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.nameVi).toBe('Ủy ban nhân dân xã Thử Mới');
    // An account may now be made there, and the chain holds both acts.
    await invite({ unitId: id });
    const { rows } = await stack.ds.query(`SELECT event_type, actor_id, payload FROM audit_log WHERE stream=$1 ORDER BY stream_seq`, [`org:${id}`]).then((r) => ({ rows: r }));
    expect(rows.map((r: { event_type: string }) => r.event_type)).toEqual(['UnitCreated', 'UnitRenamed']);
    expect(rows[1].payload).toMatchObject({ before: { nameVi: 'Ủy ban nhân dân xã Thử' }, after: { nameVi: 'Ủy ban nhân dân xã Thử Mới' }, reason: 'Nghị quyết đổi tên xã' });
    expect((await admin.get('/audit/verify')).body.ok).toBe(true);
  });
});

/**
 * A real deployment's first run: an empty database, the documented command makes the first
 * administrator (and the province's unit), who sets a password through the printed link and
 * administers from there. The command refuses once an administrator exists.
 */
describe('the first administrator of an empty install', () => {
  let stack: Stack;
  let url: string;

  beforeAll(async () => {
    const name = `vinhdanh_fresh_${randomBytes(4).toString('hex')}`;
    const admin = new URL(process.env.DATABASE_URL!);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    const fresh = new URL(process.env.DATABASE_URL!);
    fresh.pathname = `/${name}`;
    url = fresh.toString();
  });
  afterAll(() => stack?.close());

  const firstAdmin = (args: string[]) =>
    run(process.execPath, ['-r', './test/support/ts-register.js', 'apps/launcher/src/first-admin-cli.ts', ...args], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });

  it('creates the province and its administrator, who signs in with the link and creates the next account', async () => {
    const made = await firstAdmin(['--username', 'quantri.tinh', '--name', 'Nguyễn Văn An', '--unit', 'so-noi-vu-dn', '--unit-name-vi', 'Sở Nội vụ tỉnh Đắk Nông', '--unit-name-en', 'Dak Nong Department of Home Affairs', '--level', 'PROVINCE', '--issuer-code', 'SNV', '--origin', 'https://vinhdanh.example.gov.vn']);
    const link = /https:\/\/vinhdanh\.example\.gov\.vn(\/app\/mat-khau#[A-Za-z0-9_-]{43})/.exec(made.stdout);
    expect(link).not.toBeNull();
    expect(made.stdout).toContain('unit so-noi-vu-dn created');

    await expect(firstAdmin(['--username', 'quantri.hai', '--name', 'Người Thứ Hai', '--unit', 'so-noi-vu-dn'])).rejects.toMatchObject({ stderr: expect.stringContaining('an administrator already exists') });

    stack = await startStack({ DATABASE_URL: url, SEED_DEMO: 'false' });
    const anonymous = stack.session();
    expect((await anonymous.post('/auth/set-password', { token: tokenOf(link![1]), password: SENTENCE })).status).toBe(200);
    const admin = await stack.login('quantri.tinh', SENTENCE);
    const units = await admin.get('/org/units');
    expect(units.body.items.map((u: { id: string }) => u.id)).toEqual(['so-noi-vu-dn']);
    const next = await admin.post('/accounts', { username: 'vanthu.snv', fullName: 'Trần Thị Văn Thư', unitId: 'so-noi-vu-dn', roles: ['CLERK'] });
    expect(next.status).toBe(201);
    const history = await stack.ds.query(`SELECT stream, event_type, actor_id FROM audit_log ORDER BY global_seq`);
    expect(history.slice(0, 3)).toEqual([
      { stream: 'org:so-noi-vu-dn', event_type: 'UnitCreated', actor_id: 'first-admin-command' },
      { stream: 'account:quantri.tinh', event_type: 'AccountCreated', actor_id: 'first-admin-command' },
      { stream: 'account:quantri.tinh', event_type: 'InvitationIssued', actor_id: 'first-admin-command' },
    ]);
  });
});
