import type { EntityManager } from 'typeorm';
import type { Role } from '@vinhdanh/domain/ladder';

/** The account (if any) that holds a hashed personal identification number. */
export async function accountByPersonalId(db: EntityManager, personalIdHash: string): Promise<{ id: string; fullName: string } | undefined> {
  const [row] = await db.query(`SELECT id, full_name AS "fullName" FROM user_account WHERE personal_id_hash=$1`, [personalIdHash]);
  return row;
}

export async function personalIdHashOf(db: EntityManager, userId: string): Promise<string | undefined> {
  const [row]: { personal_id_hash: string | null }[] = await db.query(`SELECT personal_id_hash FROM user_account WHERE id=$1`, [userId]);
  return row?.personal_id_hash ?? undefined;
}

export interface NomineeRegistration {
  id: string;
  nomineeKey: string;
  unitId: string;
  kind: string;
  name: string;
  birthYear?: number;
  personalIdHash?: string;
  accountUserId?: string;
  recruitedOn?: string;
}

/** Registers a nominee once (the first unit keeps the record); later registrations fill what was missing. */
export async function upsertNominee(db: EntityManager, n: NomineeRegistration): Promise<{ unitId: string }> {
  const [unitId] = await upsertNominees(db, [n]);
  return { unitId };
}

/** `upsertNominee` for a whole list in one statement; answers each one's keeping unit, in order. */
export async function upsertNominees(db: EntityManager, list: NomineeRegistration[]): Promise<string[]> {
  if (!list.length) return [];
  // One row per nominee: a statement may not update the same row twice.
  const unique = [...new Map(list.map((n) => [n.nomineeKey, n])).values()];
  const rows: { nominee_key: string; unit_id: string }[] = await db.query(
    `INSERT INTO nominee (id, nominee_key, unit_id, kind, name, birth_year, user_id, recruited_on, personal_id_hash)
     SELECT r.id, r."nomineeKey", r."unitId", r.kind, r.name, r."birthYear", r."accountUserId", r."recruitedOn", r."personalIdHash"
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "nomineeKey" text, "unitId" text, kind text, name text, "birthYear" int, "accountUserId" text, "recruitedOn" date, "personalIdHash" text)
     ON CONFLICT (nominee_key) DO UPDATE SET recruited_on = COALESCE(EXCLUDED.recruited_on, nominee.recruited_on), user_id = COALESCE(EXCLUDED.user_id, nominee.user_id)
     RETURNING nominee_key, unit_id`,
    [JSON.stringify(unique)],
  );
  const unitOf = new Map(rows.map((r) => [r.nominee_key, r.unit_id]));
  return list.map((n) => unitOf.get(n.nomineeKey)!);
}

export async function nomineeUnit(db: EntityManager, nomineeKey: string): Promise<string | undefined> {
  const [row]: { unit_id: string }[] = await db.query(`SELECT unit_id FROM nominee WHERE nominee_key=$1`, [nomineeKey]);
  return row?.unit_id;
}

/**
 * Claims an Idempotency-Key for its caller; answers what the key was first used for, so a reuse
 * with another route or body can be refused.
 */
export async function claimIdempotencyKey(db: EntityManager, k: { caller: string; key: string; route: string; bodyHash: string }): Promise<{ route: string; bodyHash: string }> {
  await db.query(`INSERT INTO idempotency_key (caller, key, route, body_hash) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING`, [k.caller, k.key, k.route, k.bodyHash]);
  const [row] = await db.query(`SELECT route, body_hash AS "bodyHash" FROM idempotency_key WHERE caller=$1 AND key=$2`, [k.caller, k.key]);
  return row;
}

/** What signing in needs of an account (the hash never leaves the API's login). */
export interface LoginAccount {
  id: string;
  /** Null until the person has set one through their invitation. */
  passwordHash: string | null;
  fullName: string;
  unitId: string;
  roles: Role[];
  credentialsVersion: number;
  /** The second factor's sealed secret once it is in use (a pending enrolment does not count). */
  totpSealed: string | null;
  totpLastStep: number | null;
}

export async function accountForLogin(db: EntityManager, username: string): Promise<LoginAccount | undefined> {
  const [row] = await db.query(`SELECT id, password_hash AS "passwordHash", full_name AS "fullName", unit_id AS "unitId", roles, credentials_version AS "credentialsVersion",
            CASE WHEN totp_enabled_at IS NOT NULL THEN totp_sealed END AS "totpSealed", totp_last_step::int AS "totpLastStep" FROM user_account WHERE username=$1 AND active`, [username]);
  return row;
}

/** An account as a request acts with it: by our token's subject (id) or an identity provider's username. */
export interface ActingAccount {
  userId: string;
  fullName: string;
  unitId: string;
  roles: Role[];
  scopeUnitId: string | null;
  active: boolean;
  /** How many times the password changed: our tokens carry the count they were issued under, and older ones are void. */
  credentialsVersion: number;
  /** A second factor is in use on the account. */
  secondFactorEnabled: boolean;
}

export async function actingAccount(db: EntityManager, by: { id: string } | { username: string }): Promise<ActingAccount | undefined> {
  const [column, value] = 'id' in by ? ['id', by.id] : ['username', by.username];
  const [row] = await db.query(
    `SELECT id AS "userId", full_name AS "fullName", unit_id AS "unitId", roles, scope_unit_id AS "scopeUnitId", active,
            credentials_version AS "credentialsVersion",
            totp_enabled_at IS NOT NULL AS "secondFactorEnabled" FROM user_account WHERE ${column}=$1`,
    [value],
  );
  return row;
}
