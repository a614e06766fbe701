import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Role } from '@vinhdanh/domain/ladder/nomination';
import type { LinkPurpose } from '@vinhdanh/domain/accounts/accounts';
import { appendAudit } from '../audit/chain';

// TypeORM answers an UPDATE … RETURNING as [rows, count], an INSERT … RETURNING as rows.

/**
 * Accounts as administrators keep them (docs/accounts.md). Every change is written with its audit
 * entry, in the caller's transaction, on the account's own stream (`account:<id>`): who did it, what
 * changed and why. No entry holds a password, a hash or a link.
 */

export const accountStream = (id: string): string => `account:${id}`;

export interface AccountRow {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  unitId: string;
  roles: Role[];
  scopeUnitId: string | null;
  active: boolean;
  hasPassword: boolean;
  /** A second factor (TOTP) is in use. */
  secondFactor: boolean;
  dutiesException: string | null;
  createdAt: string;
  deactivatedAt: string | null;
}

const COLUMNS = `id, username, full_name AS "fullName", email, unit_id AS "unitId", roles, scope_unit_id AS "scopeUnitId", active,
  password_hash IS NOT NULL AS "hasPassword", totp_enabled_at IS NOT NULL AS "secondFactor", duties_exception AS "dutiesException", created_at AS "createdAt", deactivated_at AS "deactivatedAt"`;

export async function accountRows(db: EntityManager, filter: { unitId?: string; active?: boolean } = {}): Promise<AccountRow[]> {
  return db.query(
    `SELECT ${COLUMNS} FROM user_account WHERE ($1::text IS NULL OR unit_id = $1) AND ($2::boolean IS NULL OR active = $2) ORDER BY unit_id, username`,
    [filter.unitId ?? null, filter.active ?? null],
  );
}

export async function accountRow(db: EntityManager, id: string): Promise<AccountRow | undefined> {
  const [row] = await db.query(`SELECT ${COLUMNS} FROM user_account WHERE id = $1`, [id]);
  return row;
}

export interface NewAccount {
  username: string;
  fullName: string;
  email: string | null;
  unitId: string;
  roles: Role[];
  scopeUnitId: string | null;
  personalIdHash: string | null;
  dutiesException: string | null;
}

/** Creates the account without a password (its owner sets one through the invitation); false when the username or personal id is taken. */
export async function createAccount(tx: EntityManager, a: NewAccount, by: { userId: string; role: string }): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO user_account (id, username, password_hash, full_name, email, unit_id, roles, scope_unit_id, personal_id_hash, duties_exception)
     VALUES ($1,$1,NULL,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT DO NOTHING RETURNING id`,
    [a.username, a.fullName, a.email, a.unitId, a.roles, a.scopeUnitId, a.personalIdHash, a.dutiesException],
  );
  if (!rows.length) return false;
  await appendAudit(tx, {
    stream: accountStream(a.username),
    eventType: 'AccountCreated',
    actorId: by.userId,
    actorRole: by.role,
    occurredAt: new Date().toISOString(),
    payload: { fullName: a.fullName, unitId: a.unitId, roles: a.roles, scopeUnitId: a.scopeUnitId, personalIdRecorded: !!a.personalIdHash, dutiesException: a.dutiesException },
  });
  return true;
}

export interface AccountChange {
  fullName: string;
  email: string | null;
  unitId: string;
  roles: Role[];
  scopeUnitId: string | null;
  dutiesException: string | null;
}

/** Writes the account's new shape and what changed, with the administrator's reason. */
export async function changeAccount(tx: EntityManager, before: AccountRow, after: AccountChange, by: { userId: string; role: string; reason: string }): Promise<string[]> {
  const changed = (Object.keys(after) as (keyof AccountChange)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (!changed.length) return [];
  await tx.query(
    `UPDATE user_account SET full_name=$2, email=$3, unit_id=$4, roles=$5, scope_unit_id=$6, duties_exception=$7 WHERE id=$1`,
    [before.id, after.fullName, after.email, after.unitId, after.roles, after.scopeUnitId, after.dutiesException],
  );
  await appendAudit(tx, {
    stream: accountStream(before.id),
    eventType: 'AccountChanged',
    actorId: by.userId,
    actorRole: by.role,
    occurredAt: new Date().toISOString(),
    payload: { changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, after[k]])), reason: by.reason },
  });
  return changed;
}

/**
 * Deactivates the account: it can no longer sign in, its tokens stop working at the next request,
 * its open links are revoked; its name stays on everything it did. False when already inactive.
 */
export async function deactivateAccount(tx: EntityManager, id: string, by: { userId: string; role: string; reason: string }): Promise<boolean> {
  // The version moves on too, so no token issued before comes back to life with a reactivation.
  const [rows] = await tx.query(`UPDATE user_account SET active=false, deactivated_at=now(), credentials_version=credentials_version+1 WHERE id=$1 AND active RETURNING id`, [id]);
  if (!rows.length) return false;
  await tx.query(`UPDATE account_link SET revoked_at=now() WHERE user_id=$1 AND used_at IS NULL AND revoked_at IS NULL`, [id]);
  await appendAudit(tx, { stream: accountStream(id), eventType: 'AccountDeactivated', actorId: by.userId, actorRole: by.role, occurredAt: new Date().toISOString(), payload: { reason: by.reason } });
  return true;
}

/**
 * Open tasks of a unit, in roles no active account of the unit holds any more: what a deactivation
 * left without anyone to do it. Tasks belong to a unit and a role, so giving the role to a colleague
 * puts them in the colleague's inbox.
 */
export async function unattendedTasks(db: EntityManager, unitId: string, roles: string[]): Promise<{ role: string; openTasks: number }[]> {
  return db.query(
    `SELECT t.role, count(*)::int AS "openTasks" FROM task t
      WHERE t.unit_id=$1 AND t.role = ANY($2) AND t.status='OPEN'
        AND NOT EXISTS (SELECT 1 FROM user_account a WHERE a.unit_id = t.unit_id AND a.active AND t.role = ANY(a.roles))
      GROUP BY t.role ORDER BY t.role`,
    [unitId, roles],
  );
}

export async function reactivateAccount(tx: EntityManager, id: string, by: { userId: string; role: string; reason: string }): Promise<boolean> {
  const [rows] = await tx.query(`UPDATE user_account SET active=true, deactivated_at=NULL WHERE id=$1 AND NOT active RETURNING id`, [id]);
  if (!rows.length) return false;
  await appendAudit(tx, { stream: accountStream(id), eventType: 'AccountReactivated', actorId: by.userId, actorRole: by.role, occurredAt: new Date().toISOString(), payload: { reason: by.reason } });
  return true;
}

/** Links are looked up by the SHA-256 of their token: the token itself is never stored. */
export const linkHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Records a one-time link (earlier open links of the account are revoked: only the newest works). */
export async function issueLink(tx: EntityManager, l: { userId: string; token: string; purpose: LinkPurpose; expiresAt: Date; by: { userId: string; role: string } }): Promise<void> {
  await tx.query(`UPDATE account_link SET revoked_at=now() WHERE user_id=$1 AND used_at IS NULL AND revoked_at IS NULL`, [l.userId]);
  await tx.query(`INSERT INTO account_link (token_hash, user_id, purpose, created_by, expires_at) VALUES ($1,$2,$3,$4,$5)`, [linkHash(l.token), l.userId, l.purpose, l.by.userId, l.expiresAt]);
  await appendAudit(tx, {
    stream: accountStream(l.userId),
    eventType: l.purpose === 'INVITE' ? 'InvitationIssued' : 'PasswordResetIssued',
    actorId: l.by.userId,
    actorRole: l.by.role,
    occurredAt: new Date().toISOString(),
    payload: { expiresAt: l.expiresAt.toISOString() },
  });
}

/**
 * The account an open link is for (unused, unrevoked, unexpired, the account active), locking the
 * account and then the link: the order every administrative change takes too, so a password set
 * while an administrator deactivates the account waits instead of deadlocking.
 */
export async function openLink(tx: EntityManager, token: string): Promise<{ userId: string; purpose: LinkPurpose; username: string; fullName: string } | undefined> {
  const [owner] = await tx.query(`SELECT user_id AS "userId" FROM account_link WHERE token_hash=$1`, [linkHash(token)]);
  if (!owner || !(await lockAccount(tx, owner.userId))) return undefined;
  const [row] = await tx.query(
    `SELECT l.user_id AS "userId", l.purpose, a.username, a.full_name AS "fullName" FROM account_link l JOIN user_account a ON a.id = l.user_id
      WHERE l.token_hash=$1 AND l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > now() AND a.active FOR UPDATE OF l`,
    [linkHash(token)],
  );
  return row;
}

/**
 * Sets a new password hash and counts the change, so every token issued under the old count stops
 * working; `link` is the one-time link used, consumed in the same transaction. Answers the new count.
 */
export async function setPasswordHash(tx: EntityManager, s: { userId: string; hash: string; via: 'INVITE' | 'RESET' | 'CHANGE'; link?: string }): Promise<number> {
  if (s.link) {
    const [used] = await tx.query(`UPDATE account_link SET used_at=now() WHERE token_hash=$1 AND used_at IS NULL AND revoked_at IS NULL RETURNING token_hash`, [linkHash(s.link)]);
    if (!used.length) throw new Error('the link was used or revoked meanwhile'); // openLink holds it locked: unreachable
  }
  const [[row]] = await tx.query(`UPDATE user_account SET password_hash=$2, credentials_version=credentials_version+1 WHERE id=$1 RETURNING credentials_version AS v`, [s.userId, s.hash]);
  await appendAudit(tx, { stream: accountStream(s.userId), eventType: s.via === 'CHANGE' ? 'PasswordChanged' : 'PasswordSet', actorId: s.userId, occurredAt: new Date().toISOString(), payload: { via: s.via } });
  return row.v;
}

export async function passwordHashOf(db: EntityManager, userId: string): Promise<string | null> {
  const [row] = await db.query(`SELECT password_hash AS "hash" FROM user_account WHERE id=$1 AND active`, [userId]);
  return row?.hash ?? null;
}

/** Locks the account's row for a change in this transaction; false when there is no such account. */
export async function lockAccount(tx: EntityManager, id: string): Promise<boolean> {
  const rows = await tx.query(`SELECT id FROM user_account WHERE id=$1 FOR UPDATE`, [id]);
  return rows.length > 0;
}

/** Serialises the first-administrator command: two runs at once make one administrator. */
export async function lockFirstAdministrator(tx: EntityManager): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('vinhdanh:first-admin'))`);
}

/** How many active administrators there are (the first one is made from the command line). */
export async function activeAdministrators(db: EntityManager): Promise<number> {
  const [row] = await db.query(`SELECT count(*)::int AS n FROM user_account WHERE active AND 'ADMIN' = ANY(roles)`);
  return row.n;
}

/** The second factor as stored: the sealed secret, whether it is in use, and the last time step accepted. */
export interface SecondFactorRow {
  sealed: string | null;
  enabled: boolean;
  lastStep: number | null;
  /** The account's credentials version, for the token a confirmation answers. */
  credentialsVersion: number;
}

export async function secondFactorOf(db: EntityManager, userId: string): Promise<SecondFactorRow | undefined> {
  const [row] = await db.query(
    `SELECT totp_sealed AS sealed, totp_enabled_at IS NOT NULL AS enabled, totp_last_step::int AS "lastStep", credentials_version AS "credentialsVersion" FROM user_account WHERE id=$1 AND active`,
    [userId],
  );
  return row;
}

/** Keeps a new secret waiting for its first code (replacing one that never got one); false once a second factor is in use. */
export async function startSecondFactor(db: EntityManager, userId: string, sealed: string): Promise<boolean> {
  const [rows] = await db.query(`UPDATE user_account SET totp_sealed=$2, totp_last_step=NULL WHERE id=$1 AND active AND totp_enabled_at IS NULL RETURNING id`, [userId, sealed]);
  return rows.length > 0;
}

/**
 * Records that a code of time step `step` was used, only if no code of that step or a later one was
 * (one atomic statement, so two sign-ins with one code cannot both pass), and only for the secret the
 * code was checked against; `enable` turns the second factor on with its first code, audited.
 */
export async function acceptSecondFactorStep(tx: EntityManager, userId: string, step: number, sealed: string, enable = false): Promise<boolean> {
  const [rows] = await tx.query(
    `UPDATE user_account SET totp_last_step=$2, totp_failures=0, totp_enabled_at=CASE WHEN $3 THEN now() ELSE totp_enabled_at END
      WHERE id=$1 AND totp_sealed = $4 AND (totp_last_step IS NULL OR totp_last_step < $2) AND (totp_enabled_at IS NOT NULL) <> $3 RETURNING id`,
    [userId, step, enable, sealed],
  );
  if (rows.length && enable) await appendAudit(tx, { stream: accountStream(userId), eventType: 'SecondFactorEnabled', actorId: userId, occurredAt: new Date().toISOString(), payload: { method: 'TOTP' } });
  return rows.length > 0;
}

/** Wrong codes an account may give in a row before codes are refused for a quarter of an hour. */
export const SECOND_FACTOR_TRIES = 5;

/**
 * Claims one try at a code, atomically: at most SECOND_FACTOR_TRIES wrong ones in a row, then none for
 * 15 minutes, however many requests arrive at once. A right code clears the count (above).
 */
export async function claimSecondFactorTry(db: EntityManager, userId: string): Promise<boolean> {
  const [rows] = await db.query(
    `UPDATE user_account SET totp_failures = CASE WHEN totp_failed_at < now() - interval '15 minutes' THEN 1 ELSE totp_failures + 1 END, totp_failed_at = now()
      WHERE id=$1 AND (totp_failures < $2 OR totp_failed_at < now() - interval '15 minutes') RETURNING id`,
    [userId, SECOND_FACTOR_TRIES],
  );
  return rows.length > 0;
}

/** An administrator clears a lost second factor: the person enrols again at their next sign-in, and every session of theirs ends. */
export async function resetSecondFactor(tx: EntityManager, userId: string, by: { userId: string; role: string; reason: string }): Promise<boolean> {
  const [rows] = await tx.query(
    `UPDATE user_account SET totp_sealed=NULL, totp_enabled_at=NULL, totp_last_step=NULL, credentials_version=credentials_version+1 WHERE id=$1 AND active AND totp_sealed IS NOT NULL RETURNING id`,
    [userId],
  );
  if (rows.length) await appendAudit(tx, { stream: accountStream(userId), eventType: 'SecondFactorReset', actorId: by.userId, actorRole: by.role, occurredAt: new Date().toISOString(), payload: { reason: by.reason } });
  return rows.length > 0;
}
