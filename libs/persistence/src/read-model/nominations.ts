import type { EntityManager } from 'typeorm';
import type { Bonus } from '@vinhdanh/domain/decisions';
import type { Dossier, InboxTask, NominationStatus, NominationView, Nominee, Role, RouteStep } from '@vinhdanh/domain/ladder';
import type { RecordedStep } from '@vinhdanh/domain/ladder/events';
import type { Level } from '@vinhdanh/domain/common/levels';
import type { EligibilityResult } from '@vinhdanh/domain/eligibility';
import { shiftPlaceholders, visibleNominationsSql, type Reader } from './visibility';

/** The nominations' read model (projected from the workflows' events) as the API reads it. */

/** A `nomination` row as PostgreSQL returns it. */
export interface NominationRow {
  id: string;
  dossier_number: string | null;
  workflow_id: string;
  /** The run this record belongs to (NULL for rows from before it was kept: the id's first run). */
  run_id: string | null;
  unit_id: string;
  nominee_kind: 'INDIVIDUAL' | 'COLLECTIVE';
  nominee_name: string;
  nominee: Nominee & { personalIdHash?: string; accountUserId?: string; userId?: string };
  award_code: string;
  year: number;
  /** The dossier as submitted, with the award's names, the catalogue version and the route resolved at submission. */
  dossier: Dossier & { awardNameVi?: string; awardNameEn?: string; catalogueVersion?: string; route?: RouteStep[] };
  status: NominationStatus;
  current_level: Level;
  current_step: string;
  outcome_reason: string | null;
  eligibility: EligibilityResult | null;
  decision_id: string | null;
  submitted_by: string;
  /** timestamptz: node-postgres answers a Date. */
  submitted_at: Date;
  updated_at: Date;
  last_seq: number;
  /** The public posting's state as the workflow last reported it (see workflows/nomination/posting.ts). */
  posting: NominationView['posting'] | null;
}

/** A nomination as the API shows it. */
export interface NominationRecord {
  id: string;
  /** The readable number in the submitting unit's series for the year (`HS-2025-000123`); null for dossiers older than the series. */
  dossierNumber: string | null;
  /** The Temporal workflow that carries it: `nomination-<id>`. */
  workflowId: string;
  /** The submitting unit. */
  unitId: string;
  nominee: NominationRow['nominee'];
  /** The award's code in the catalogue (`GET /catalogue`). */
  awardCode: string;
  awardNameVi?: string;
  awardNameEn?: string;
  /** The year the award is for. */
  year: number;
  status: NominationStatus;
  /** The level holding it now: UNIT, PROVINCE or CENTRAL. */
  currentLevel: Level;
  currentStep: string;
  outcomeReason: string | null;
  /** The eligibility engine's last judgement, with its citations. */
  eligibility: EligibilityResult | null;
  decisionId: string | null;
  catalogueVersion?: string;
  dossier: NominationRow['dossier'];
  submittedBy: string;
  submittedAt: Date;
  updatedAt: Date;
  /** The sequence number of the last event projected: a client reads its own writes by waiting for it. */
  lastSeq: number;
  /** The public posting's state as the workflow last reported it. */
  posting: NominationView['posting'] | null;
}

export function toNomination(r: NominationRow): NominationRecord {
  return {
    id: r.id,
    dossierNumber: r.dossier_number ?? null,
    workflowId: r.workflow_id,
    unitId: r.unit_id,
    nominee: r.nominee,
    awardCode: r.award_code,
    awardNameVi: r.dossier?.awardNameVi,
    awardNameEn: r.dossier?.awardNameEn,
    year: r.year,
    status: r.status,
    currentLevel: r.current_level,
    currentStep: r.current_step,
    outcomeReason: r.outcome_reason,
    eligibility: r.eligibility,
    decisionId: r.decision_id,
    catalogueVersion: r.dossier?.catalogueVersion,
    dossier: r.dossier,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    lastSeq: r.last_seq,
    posting: r.posting ?? null,
  };
}

/** The nomination, if it exists and the reader may see it (out of scope reads like absent). */
export async function visibleNomination(db: EntityManager, reader: Reader, id: string): Promise<NominationRow | undefined> {
  const vis = visibleNominationsSql(reader);
  const [row] = await db.query(`SELECT n.* FROM nomination n WHERE n.id = $1 AND (${shiftPlaceholders(vis.sql, 1)})`, [id, ...vis.params]);
  return row;
}

/** Those of `ids` the reader may see, in one query (the others are simply absent). */
export async function visibleNominations(db: EntityManager, reader: Reader, ids: string[]): Promise<NominationRow[]> {
  const vis = visibleNominationsSql(reader);
  return db.query(`SELECT n.* FROM nomination n WHERE n.id = ANY($1::uuid[]) AND (${shiftPlaceholders(vis.sql, 1)})`, [ids, ...vis.params]);
}

/** The row regardless of who asks: for the engine's own bookkeeping, never for showing. */
/** The nominations already filed for these dossier keys (nominee, award and year), by key. */
export async function nominationsByDossierKey(db: EntityManager, keys: string[]): Promise<Map<string, { id: string; unitId: string; status: NominationRow['status'] }>> {
  if (!keys.length) return new Map();
  const rows: { dossier_key: string; id: string; unit_id: string; status: NominationRow['status'] }[] = await db.query(`SELECT dossier_key, id, unit_id, status FROM nomination WHERE dossier_key = ANY($1::text[])`, [keys]);
  return new Map(rows.map((r) => [r.dossier_key, { id: r.id, unitId: r.unit_id, status: r.status }]));
}

export async function nominationRow(db: EntityManager, id: string): Promise<NominationRow | undefined> {
  const [row] = await db.query(`SELECT * FROM nomination WHERE id = $1`, [id]);
  return row;
}

export async function nominationSteps(db: EntityManager, id: string): Promise<RecordedStep[]> {
  return db.query(
    `SELECT seq, type, level, actor_id AS "actorId", actor_role AS "actorRole", reason, rule, data, occurred_at AS "occurredAt"
       FROM nomination_event WHERE nomination_id = $1 ORDER BY seq`,
    [id],
  );
}

export interface TaskRow {
  key: string;
  kind: string;
  level: Level;
  unitId: string;
  role: Role;
  status: 'OPEN' | 'DONE' | 'CANCELLED';
  dueAt: string | null;
  createdAt: string;
  closedAt: string | null;
  closedBy: string | null;
}

export async function nominationTasks(db: EntityManager, id: string): Promise<TaskRow[]> {
  return db.query(
    `SELECT task_key AS "key", kind, level, unit_id AS "unitId", role, status, due_at AS "dueAt", created_at AS "createdAt", closed_at AS "closedAt", closed_by AS "closedBy"
       FROM task WHERE nomination_id = $1 ORDER BY created_at`,
    [id],
  );
}

export interface AwardingDecision {
  id: string;
  number: string;
  issuedOn: string;
  signerName: string;
  titleVi: string;
  issuerNameVi: string;
  issuerNameEn: string;
  bonus: Bonus | null;
  revokedBy: string | null;
}

/** The decision that awarded a nomination: its number with its issuer (numbers repeat across issuers), the bonus, any revocation. */
export async function awardingDecision(db: EntityManager, decisionId: string, nominationId: string): Promise<AwardingDecision | undefined> {
  const [row] = await db.query(
    `SELECT d.id, d.number, d.issued_on::text AS "issuedOn", d.signer_name AS "signerName", d.title_vi AS "titleVi",
            COALESCE(d.issuer_name_vi, u.name_vi) AS "issuerNameVi", COALESCE(d.issuer_name_en, u.name_en) AS "issuerNameEn",
            r.bonus, rd.number AS "revokedBy"
       FROM decision d JOIN org_unit u ON u.id = d.issuer_unit_id
       LEFT JOIN award_register r ON r.decision_id = d.id AND r.nomination_id = $2
       LEFT JOIN decision rd ON rd.id = r.revocation_decision_id
      WHERE d.id = $1`,
    [decisionId, nominationId],
  );
  return row;
}

export async function proposalOf(db: EntityManager, nominationId: string): Promise<{ number: string; submittedOn: string } | undefined> {
  const [row] = await db.query(`SELECT number, submitted_on::text AS "submittedOn" FROM proposal_submission WHERE nomination_id = $1`, [nominationId]);
  return row;
}

export interface NominationFilter {
  unitId?: string;
  level?: string;
  awardCode?: string;
  status?: string;
  year?: number;
  page: number;
  pageSize: number;
}

/** One page of the nominations the reader may see, newest first, with the total count. */
export async function listNominations(db: EntityManager, reader: Reader, q: NominationFilter): Promise<{ total: number; rows: NominationRow[] }> {
  const vis = visibleNominationsSql(reader);
  const params: unknown[] = [...vis.params];
  const where = [vis.sql];
  const add = (column: string, value: unknown) => {
    if (value === undefined) return;
    params.push(value);
    where.push(`n.${column} = $${params.length}`);
  };
  add('unit_id', q.unitId);
  add('current_level', q.level);
  add('award_code', q.awardCode);
  add('status', q.status);
  add('year', q.year);
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const rows: (NominationRow & { total: string })[] = await db.query(
    `SELECT n.*, count(*) OVER () AS total FROM nomination n WHERE ${where.join(' AND ')}
      ORDER BY n.submitted_at DESC, n.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { total: Number(rows[0]?.total ?? 0), rows };
}

/** The inbox's filters; all optional. `q` matches the nominee's name without regard to case or accents. */
export interface InboxFilter {
  kind?: string;
  fromUnitId?: string;
  awardCode?: string;
  level?: string;
  year?: number;
  overdue?: boolean;
  dueBefore?: string;
  q?: string;
}

/** How the inbox may be ordered: each a fixed clause, so no caller's text reaches the SQL. */
export const INBOX_SORTS = {
  due: 't.due_at ASC NULLS LAST, t.created_at ASC',
  received: 't.created_at DESC',
  nominee: 'unaccent_vi(n.nominee_name) ASC, n.nominee_name ASC',
  unit: 'unaccent_vi(u.name_vi) ASC, t.due_at ASC NULLS LAST',
} as const;
export type InboxSort = keyof typeof INBOX_SORTS;

/**
 * Open tasks of a unit for any of the given roles, filtered, ordered and paged; overdue ones
 * flagged, each with the name of the unit that sent the dossier. `overdue` counts the whole filtered
 * list, not only the page.
 */
export async function openTasks(
  db: EntityManager,
  reader: { userId: string; unitId: string; roles: readonly Role[] },
  filter: InboxFilter = {},
  page: { sort?: InboxSort; page: number; pageSize: number } = { page: 1, pageSize: 200 },
): Promise<{ total: number; overdue: number; items: InboxTask[] }> {
  const params: unknown[] = [reader.unitId, reader.roles, reader.userId];
  const where = [`t.status = 'OPEN'`, `t.unit_id = $1`, `t.role = ANY($2)`];
  const add = (sql: (ref: string) => string, value: unknown) => {
    if (value === undefined || value === '' || value === false) return;
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  add((p) => `t.kind = ${p}`, filter.kind);
  add((p) => `n.unit_id = ${p}`, filter.fromUnitId);
  add((p) => `n.award_code = ${p}`, filter.awardCode);
  add((p) => `t.level = ${p}`, filter.level);
  add((p) => `n.year = ${p}`, filter.year);
  add((p) => `t.due_at < ${p}::timestamptz`, filter.dueBefore);
  if (filter.overdue) where.push('t.due_at < now()');
  // Part of the name, or the dossier's number as written on paper.
  add((p) => `(strpos(unaccent_vi(n.nominee_name), unaccent_vi(${p})) > 0 OR n.dossier_number = upper(trim(${p})))`, filter.q);
  params.push(page.pageSize, (page.page - 1) * page.pageSize);
  const rows: (InboxTask & { total: string; overdueTotal: string })[] = await db.query(
    `SELECT t.task_key AS "key", t.kind, t.level, t.role, t.due_at AS "dueAt", t.created_at AS "createdAt",
            t.due_at IS NOT NULL AND t.due_at < now() AS overdue,
            n.id AS "nominationId", n.dossier_number AS "dossierNumber", n.nominee_name AS "nomineeName", n.award_code AS "awardCode", n.year, n.unit_id AS "unitId",
            u.name_vi AS "unitNameVi", u.name_en AS "unitNameEn",
            NOT EXISTS (SELECT 1 FROM task_read r WHERE r.user_id = $3 AND r.nomination_id = t.nomination_id AND r.task_key = t.task_key) AS unread,
            count(*) OVER () AS total, count(*) FILTER (WHERE t.due_at < now()) OVER () AS "overdueTotal"
       FROM task t JOIN nomination n ON n.id = t.nomination_id LEFT JOIN org_unit u ON u.id = n.unit_id
      WHERE ${where.join(' AND ')}
      ORDER BY ${INBOX_SORTS[page.sort ?? 'due']}, t.nomination_id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    overdue: Number(rows[0]?.overdueTotal ?? 0),
    items: rows.map(({ total: _t, overdueTotal: _o, ...task }) => task),
  };
}

export interface NotificationRow {
  id: string;
  kind: string;
  nominationId: string | null;
  subjectVi: string;
  subjectEn: string;
  bodyVi: string;
  bodyEn: string;
  createdAt: string;
  deliveredAt: string | null;
  readAt: string | null;
}

/** A user's delivered in-app notifications, newest first. */
export async function notificationsOf(db: EntityManager, userId: string): Promise<NotificationRow[]> {
  return db.query(
    `SELECT id, kind, nomination_id AS "nominationId", subject_vi AS "subjectVi", subject_en AS "subjectEn", body_vi AS "bodyVi", body_en AS "bodyEn",
            created_at AS "createdAt", delivered_at AS "deliveredAt", read_at AS "readAt"
       FROM notification WHERE recipient_user_id = $1 AND delivered_at IS NOT NULL ORDER BY created_at DESC LIMIT 200`,
    [userId],
  );
}

/** The nomination's state with its decision's number: what an Update answers when replayed from the read model. */
export async function nominationWithDecision(db: EntityManager, id: string): Promise<(NominationRow & { decision_number: string | null; issued_on: string | null }) | undefined> {
  const [row] = await db.query(
    `SELECT n.*, d.number AS decision_number, d.issued_on::text AS issued_on FROM nomination n LEFT JOIN decision d ON d.id::text = n.decision_id WHERE n.id=$1`,
    [id],
  );
  return row;
}

/** Whether an Update (by its id) has already taken effect on the nomination. */
export async function updateApplied(db: EntityManager, nominationId: string, updateId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM nomination_event WHERE nomination_id=$1 AND data->>'updateId' = $2`, [nominationId, updateId]);
  return rows.length > 0;
}

/** The ids of the nominations a reader may see, submitted within a period (inclusive dates), oldest first. */
export async function visibleNominationIds(db: EntityManager, reader: Reader, period: { from?: string; to?: string }): Promise<string[]> {
  const vis = visibleNominationsSql(reader);
  const params: unknown[] = [...vis.params];
  const where = [vis.sql];
  if (period.from) where.push(`n.submitted_at >= $${params.push(period.from)}`);
  if (period.to) where.push(`n.submitted_at < ($${params.push(period.to)}::date + 1)`);
  const rows: { id: string }[] = await db.query(`SELECT n.id FROM nomination n WHERE ${where.join(' AND ')} ORDER BY n.submitted_at`, params);
  return rows.map((r) => r.id);
}

/** The projected events as `seq:type`, to compare with the history they came from. */
export async function projectedEventKeys(db: EntityManager, nominationId: string): Promise<string[]> {
  const rows: { seq: number; type: string }[] = await db.query(`SELECT seq, type FROM nomination_event WHERE nomination_id=$1 ORDER BY seq`, [nominationId]);
  return rows.map((r) => `${r.seq}:${r.type}`);
}

/** The award codes of these nominations (one per nomination that exists). */
export async function awardCodesOf(db: EntityManager, ids: string[]): Promise<string[]> {
  const rows: { award_code: string }[] = await db.query(`SELECT award_code FROM nomination WHERE id = ANY($1)`, [ids]);
  return rows.map((r) => r.award_code);
}

/**
 * The reader opened the dossier: its open tasks that are theirs (their unit, one of their roles)
 * are no longer new to them. Others of the same unit still see them as new.
 */
export async function markTasksRead(db: EntityManager, reader: { userId: string; unitId: string; roles: readonly Role[] }, nominationId: string): Promise<void> {
  await db.query(
    `INSERT INTO task_read (user_id, nomination_id, task_key)
     SELECT $1, t.nomination_id, t.task_key FROM task t
      WHERE t.nomination_id = $2 AND t.status = 'OPEN' AND t.unit_id = $3 AND t.role = ANY($4)
     ON CONFLICT DO NOTHING`,
    [reader.userId, nominationId, reader.unitId, reader.roles],
  );
}
