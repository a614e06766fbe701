import type { EntityManager } from 'typeorm';

/** Where an uploaded list stands: previewed, its rows being sent, or done. */
export type ImportStatus = 'PREVIEW' | 'RUNNING' | 'DONE';
/** A row: refused by the checks, ready to send, sent, nominated before (nothing started), or refused when sent. */
export type ImportRowState = 'INVALID' | 'READY' | 'SUBMITTED' | 'ALREADY' | 'FAILED';

export interface ImportSettings {
  achievements: string;
  achievementPeriod: { from: string; to: string };
  documents: { name: string; sha256: string; sizeBytes?: number; mimeType?: string; component?: string }[];
  movementId?: string;
  nomineeKind: 'INDIVIDUAL' | 'COLLECTIVE';
}

export interface ImportHeader {
  id: string;
  unitId: string;
  fileName: string;
  fileSha256: string;
  awardCode: string;
  year: number;
  settings: ImportSettings;
  header: string | null;
  status: ImportStatus;
  createdBy: string;
  createdAt: string;
  startedBy: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ImportRow {
  line: number;
  name: string;
  birthYear: number | null;
  personalIdLast4: string | null;
  position: string | null;
  frontLine: boolean;
  achievements: string | null;
  problems: { vi: string; en: string }[];
  state: ImportRowState;
  nominationId: string | null;
  dossierNumber: string | null;
  error: { code: string; messageVi: string; messageEn: string } | null;
}

/** A row with the identity the nomination will carry (never shown: the API keeps it to itself). */
export interface ImportRowToSend extends ImportRow {
  nomineeKey: string;
  personalIdHash: string | null;
  accountUserId: string | null;
}

export type ImportCounts = Record<ImportRowState, number> & { total: number };

const HEADER = `id, unit_id AS "unitId", file_name AS "fileName", file_sha256 AS "fileSha256", award_code AS "awardCode", year, settings, header, status,
  created_by AS "createdBy", created_at AS "createdAt", started_by AS "startedBy", started_at AS "startedAt", finished_at AS "finishedAt"`;
const ROW = `line, name, birth_year AS "birthYear", personal_id_last4 AS "personalIdLast4", position, front_line AS "frontLine", achievements, problems, state,
  nomination_id AS "nominationId", dossier_number AS "dossierNumber", error`;

/**
 * Records a checked upload with its rows, once: a second upload of the same file with the same
 * settings finds the first (same id) and changes nothing. Returns whether this call created it.
 */
export async function insertImport(db: EntityManager, h: Omit<ImportHeader, 'status' | 'createdAt' | 'startedBy' | 'startedAt' | 'finishedAt'>, rows: (Omit<ImportRowToSend, 'nominationId' | 'dossierNumber' | 'error'> & { nominationId?: string | null })[]): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO list_import (id, unit_id, file_name, file_sha256, award_code, year, settings, header, status, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'PREVIEW',$9) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [h.id, h.unitId, h.fileName, h.fileSha256, h.awardCode, h.year, h.settings, h.header, h.createdBy],
    );
    if (!inserted.length) return false;
    // One statement for the whole list: a year-end list is thousands of rows.
    await tx.query(
      `INSERT INTO list_import_row (import_id, line, name, birth_year, personal_id_last4, position, front_line, achievements, nominee_key, personal_id_hash, account_user_id, problems, state, nomination_id)
       SELECT $1, r.line, r.name, r."birthYear", r."personalIdLast4", r.position, r."frontLine", r.achievements, r."nomineeKey", r."personalIdHash", r."accountUserId", r.problems, r.state, r."nominationId"
         FROM jsonb_to_recordset($2::jsonb) AS r(line int, name text, "birthYear" int, "personalIdLast4" text, position text, "frontLine" boolean, achievements text,
              "nomineeKey" text, "personalIdHash" text, "accountUserId" text, problems jsonb, state text, "nominationId" uuid)`,
      [h.id, JSON.stringify(rows)],
    );
    return true;
  });
}

export async function findImport(db: EntityManager, id: string): Promise<ImportHeader | undefined> {
  const [row] = await db.query(`SELECT ${HEADER} FROM list_import WHERE id = $1`, [id]);
  return row;
}

export async function unitImports(db: EntityManager, unitId: string): Promise<(ImportHeader & { counts: ImportCounts })[]> {
  const headers: ImportHeader[] = await db.query(`SELECT ${HEADER} FROM list_import WHERE unit_id = $1 ORDER BY created_at DESC LIMIT 50`, [unitId]);
  return Promise.all(headers.map(async (h) => ({ ...h, counts: await importCounts(db, h.id) })));
}

export async function importCounts(db: EntityManager, id: string): Promise<ImportCounts> {
  const rows: { state: ImportRowState; n: number }[] = await db.query(`SELECT state, count(*)::int AS n FROM list_import_row WHERE import_id = $1 GROUP BY state`, [id]);
  const counts: ImportCounts = { INVALID: 0, READY: 0, SUBMITTED: 0, ALREADY: 0, FAILED: 0, total: 0 };
  for (const r of rows) {
    counts[r.state] = r.n;
    counts.total += r.n;
  }
  return counts;
}

export async function importRows(db: EntityManager, id: string, filter: { state?: ImportRowState; offset: number; limit: number }): Promise<{ rows: ImportRow[]; total: number }> {
  const where = filter.state ? `AND state = $2` : `AND $2::text IS NULL`;
  const rows = await db.query(`SELECT ${ROW}, count(*) OVER ()::int AS total FROM list_import_row WHERE import_id = $1 ${where} ORDER BY line OFFSET $3 LIMIT $4`, [id, filter.state ?? null, filter.offset, filter.limit]);
  return { rows: rows.map(({ total: _t, ...r }: ImportRow & { total: number }) => r), total: rows[0]?.total ?? 0 };
}

/**
 * Takes the right to send an import's rows for a while: the request that starts it, or any API
 * instance that finds it running with its lease run out (its sender died). Returns false when
 * someone else holds it, or when it is done.
 */
export async function claimImport(db: EntityManager, id: string, by: string | null, leaseSeconds: number): Promise<boolean> {
  const rows = await db.query(
    `UPDATE list_import SET status = 'RUNNING', lease_until = now() + make_interval(secs => $3),
            started_by = COALESCE(started_by, $2), started_at = COALESCE(started_at, now())
      WHERE id = $1 AND (status = 'PREVIEW' OR (status = 'RUNNING' AND lease_until < now())) RETURNING id`,
    [id, by, leaseSeconds],
  );
  return rows.length > 0;
}

export async function renewImportLease(db: EntityManager, id: string, leaseSeconds: number): Promise<void> {
  await db.query(`UPDATE list_import SET lease_until = now() + make_interval(secs => $2) WHERE id = $1 AND status = 'RUNNING'`, [id, leaseSeconds]);
}

/** Imports left running by a sender that stopped: their lease has run out. */
export async function abandonedImports(db: EntityManager): Promise<string[]> {
  const rows: { id: string }[] = await db.query(`SELECT id FROM list_import WHERE status = 'RUNNING' AND lease_until < now() ORDER BY started_at LIMIT 20`);
  return rows.map((r) => r.id);
}

export async function rowsToSend(db: EntityManager, id: string, limit: number): Promise<ImportRowToSend[]> {
  return db.query(`SELECT ${ROW}, nominee_key AS "nomineeKey", personal_id_hash AS "personalIdHash", account_user_id AS "accountUserId"
                     FROM list_import_row WHERE import_id = $1 AND state = 'READY' ORDER BY line LIMIT $2`, [id, limit]);
}

export type RowOutcome = { line: number } & ({ state: 'SUBMITTED' | 'ALREADY'; nominationId: string; dossierNumber: string | null } | { state: 'FAILED'; error: ImportRow['error'] });

/** Records what became of a round of rows, in one statement. */
export async function settleRows(db: EntityManager, id: string, outcomes: RowOutcome[]): Promise<void> {
  if (!outcomes.length) return;
  const rows = outcomes.map((o) => (o.state === 'FAILED'
    ? { line: o.line, state: o.state, nominationId: null, dossierNumber: null, error: o.error }
    : { line: o.line, state: o.state, nominationId: o.nominationId, dossierNumber: o.dossierNumber, error: null }));
  await db.query(
    `UPDATE list_import_row t SET state = r.state, nomination_id = r."nominationId", dossier_number = r."dossierNumber", error = r.error
       FROM jsonb_to_recordset($2::jsonb) AS r(line int, state text, "nominationId" uuid, "dossierNumber" text, error jsonb)
      WHERE t.import_id = $1 AND t.line = r.line`,
    [id, JSON.stringify(rows)],
  );
}

export async function finishImport(db: EntityManager, id: string): Promise<void> {
  await db.query(`UPDATE list_import SET status = 'DONE', finished_at = now(), lease_until = NULL WHERE id = $1 AND status = 'RUNNING'`, [id]);
}

/** The nominations an import's rows became. */
export async function importedNominationIds(db: EntityManager, id: string): Promise<string[]> {
  const rows: { id: string }[] = await db.query(`SELECT nomination_id AS id FROM list_import_row WHERE import_id = $1 AND nomination_id IS NOT NULL`, [id]);
  return rows.map((r) => r.id);
}
