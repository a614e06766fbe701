import type { EntityManager } from 'typeorm';
import type { RegistrationEntry, RegistrationStatus, RegistrationView } from '@vinhdanh/domain/movement/registration';
import { appendAudit } from '../audit/chain';

export interface RegistrationRow {
  id: string;
  workflowId: string;
  unitId: string;
  unitNameVi: string | null;
  unitNameEn: string | null;
  year: number;
  status: RegistrationStatus;
  deadline: string;
  lateRule: 'REFUSE' | 'FLAG';
  late: boolean;
  pledge: string;
  returnedReason: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  updatedAt: string;
  entryCount: number;
}

const COLUMNS = `r.id, r.workflow_id AS "workflowId", r.unit_id AS "unitId", u.name_vi AS "unitNameVi", u.name_en AS "unitNameEn", r.year, r.status, r.deadline::text AS deadline,
  r.late_rule AS "lateRule", r.late, r.pledge, r.returned_reason AS "returnedReason", r.submitted_at AS "submittedAt", r.approved_at AS "approvedAt", r.approved_by AS "approvedBy",
  r.updated_at AS "updatedAt", (SELECT count(*)::int FROM registration_entry e WHERE e.registration_id = r.id) AS "entryCount"`;

/** Rules a step is recorded under, on the registration's audit stream. */
const RULE = 'Luật TĐKT 2022, Điều 6; Kế hoạch 823/KH-UBND, mục II';

/**
 * Projects one step of a registration, in one transaction: the row and its entries as the workflow
 * holds them, and the step on the audit stream. Steps are numbered by the workflow: a retried
 * activity, or an older step arriving late, changes nothing.
 */
export async function recordRegistrationStep(
  db: EntityManager,
  e: { workflowId: string; type: string; actor?: { userId: string; fullName: string; role: string }; view: RegistrationView; data?: Record<string, unknown> },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const v = e.view;
    const [row] = await tx.query(
      `INSERT INTO registration (id, workflow_id, unit_id, year, status, deadline, late_rule, late, pledge, returned_reason, last_seq, submitted_at, approved_at, approved_by, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11, CASE WHEN $5 = 'SUBMITTED' THEN now() END, CASE WHEN $5 = 'APPROVED' THEN now() END, CASE WHEN $5 = 'APPROVED' THEN $12 END, now())
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, late = EXCLUDED.late, pledge = EXCLUDED.pledge, returned_reason = EXCLUDED.returned_reason, last_seq = EXCLUDED.last_seq,
              submitted_at = CASE WHEN EXCLUDED.status = 'SUBMITTED' THEN now() ELSE registration.submitted_at END,
              approved_at = CASE WHEN EXCLUDED.status = 'APPROVED' THEN now() ELSE registration.approved_at END,
              approved_by = CASE WHEN EXCLUDED.status = 'APPROVED' THEN $12 ELSE registration.approved_by END, updated_at = now()
        WHERE registration.last_seq < EXCLUDED.last_seq
       RETURNING id`,
      [v.registrationId, e.workflowId, v.unitId, v.year, v.status, v.deadline, v.lateRule, v.late, v.pledge, v.returnedReason ?? null, v.seq, e.actor?.userId ?? null],
    );
    if (!row) return false;
    if (e.type === 'RegistrationEdited' || e.type === 'RegistrationOpened') await replaceEntries(tx, v.registrationId, v.entries);
    await appendAudit(tx, { stream: `registration:${v.registrationId}`, eventType: e.type, actorId: e.actor?.userId ?? null, actorRole: e.actor?.role ?? null, rule: RULE, occurredAt: new Date().toISOString(), payload: { seq: v.seq, status: v.status, ...(e.data ?? {}) } });
    return true;
  });
}

async function replaceEntries(tx: EntityManager, id: string, entries: RegistrationEntry[]): Promise<void> {
  await tx.query(`DELETE FROM registration_entry WHERE registration_id = $1`, [id]);
  if (!entries.length) return;
  await tx.query(
    `INSERT INTO registration_entry (registration_id, line, kind, name, award_code, nominee_key, birth_year, position, personal_id_last4)
     SELECT $1, r.line, r.kind, r.name, r."awardCode", r."nomineeKey", r."birthYear", r.position, r."personalIdLast4"
       FROM jsonb_to_recordset($2::jsonb) AS r(line int, kind text, name text, "awardCode" text, "nomineeKey" text, "birthYear" int, position text, "personalIdLast4" text)`,
    [id, JSON.stringify(entries.map((e, i) => ({ ...e, line: i + 1 })))],
  );
}

/** A unit's registration for a year, if opened. */
export async function registrationOfUnit(db: EntityManager, unitId: string, year: number): Promise<RegistrationRow | undefined> {
  const [row] = await db.query(`SELECT ${COLUMNS} FROM registration r LEFT JOIN org_unit u ON u.id = r.unit_id WHERE r.unit_id = $1 AND r.year = $2`, [unitId, year]);
  return row;
}

export async function findRegistration(db: EntityManager, id: string): Promise<RegistrationRow | undefined> {
  const [row] = await db.query(`SELECT ${COLUMNS} FROM registration r LEFT JOIN org_unit u ON u.id = r.unit_id WHERE r.id = $1`, [id]);
  return row;
}

export async function registrationEntries(db: EntityManager, id: string): Promise<(RegistrationEntry & { line: number })[]> {
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT line, kind, name, award_code AS "awardCode", nominee_key AS "nomineeKey", birth_year AS "birthYear", position, personal_id_last4 AS "personalIdLast4"
       FROM registration_entry WHERE registration_id = $1 ORDER BY line`,
    [id],
  );
  // What an entry does not have is absent, as in the workflow's own view.
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)) as unknown as RegistrationEntry & { line: number });
}

/** Registrations of some units (a unit's own, or those in an inspector's scope), newest year first. */
export async function registrationsOf(db: EntityManager, unitIds: string[] | null, year?: number): Promise<RegistrationRow[]> {
  return db.query(
    `SELECT ${COLUMNS} FROM registration r LEFT JOIN org_unit u ON u.id = r.unit_id
      WHERE ($1::text[] IS NULL OR r.unit_id = ANY($1::text[])) AND ($2::int IS NULL OR r.year = $2::int)
      ORDER BY r.year DESC, u.name_vi LIMIT 500`,
    [unitIds, year ?? null],
  );
}

/** Whether a nominee registered a title for a year, and how the registration stands. */
export async function registrationOf(db: EntityManager, nomineeKey: string, awardCode: string, year: number): Promise<{ registrationId: string; unitId: string; status: RegistrationStatus; late: boolean } | undefined> {
  const [row] = await db.query(
    `SELECT r.id AS "registrationId", r.unit_id AS "unitId", r.status, r.late FROM registration_entry e JOIN registration r ON r.id = e.registration_id
      WHERE e.nominee_key = $1 AND e.award_code = $2 AND r.year = $3 ORDER BY (r.status = 'APPROVED') DESC LIMIT 1`,
    [nomineeKey, awardCode, year],
  );
  return row;
}

/** The titles a nominee registered and had approved, by year: what the eligibility engine reads. */
export async function approvedRegistrations(db: EntityManager, nomineeKey: string): Promise<{ year: number; code: string; late: boolean }[]> {
  return db.query(
    `SELECT r.year, e.award_code AS code, r.late FROM registration_entry e JOIN registration r ON r.id = e.registration_id
      WHERE e.nominee_key = $1 AND r.status = 'APPROVED' ORDER BY r.year`,
    [nomineeKey],
  );
}
