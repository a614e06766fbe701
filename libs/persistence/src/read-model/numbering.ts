import type { EntityManager } from 'typeorm';
import { vietnamToday } from './org';

export interface AllocatedNumber {
  /** `<seq>/<prefix>-<issuer code>`, e.g. 12/QĐ-UBND, 3/TTr-TTg. */
  number: string;
  seq: number;
  year: number;
  /** The issuer's calendar day in Vietnam (UTC+7), the document's date. */
  today: string;
  issuer: { code: string; nameVi: string; nameEn: string };
}

/**
 * Takes the next number in an issuer's yearly series, in the caller's transaction: the counter row
 * is bumped and locked until it commits, so numbers are unique and gap-free (a rollback gives the
 * number back). Decisions (QĐ, awards and revocations alike) share one series per issuer;
 * proposals (TTr) have their own.
 */
export async function allocateNumber(tx: EntityManager, series: 'DECISION' | 'PROPOSAL', issuerUnitId: string): Promise<AllocatedNumber> {
  const [issuer]: { issuer_code: string; name_vi: string; name_en: string }[] = await tx.query(`SELECT issuer_code, name_vi, name_en FROM org_unit WHERE id=$1`, [issuerUnitId]);
  if (!issuer) throw new Error(`unknown issuer unit ${issuerUnitId}`);
  const { today, year } = await vietnamToday(tx);
  const table = series === 'DECISION' ? 'decision_counter' : 'submission_counter';
  const [{ last_seq: seq }]: { last_seq: number }[] = await tx.query(
    `INSERT INTO ${table} (issuer_unit_id, year, last_seq) VALUES ($1,$2,1)
     ON CONFLICT (issuer_unit_id, year) DO UPDATE SET last_seq = ${table}.last_seq + 1 RETURNING last_seq`,
    [issuerUnitId, year],
  );
  return { number: `${seq}/${series === 'DECISION' ? 'QĐ' : 'TTr'}-${issuer.issuer_code}`, seq, year, today, issuer: { code: issuer.issuer_code, nameVi: issuer.name_vi, nameEn: issuer.name_en } };
}

/**
 * A dossier's readable number in its unit's series for the award year, `HS-<year>-<000123>`:
 * claimed once per dossier key, so the same dossier sent again (a retry, a duplicate submission)
 * keeps its number. Gap-free per unit and year, except when one new dossier is sent twice at the
 * same instant (the second request bumps the counter, then finds the first's claim).
 */
export async function claimDossierNumber(db: EntityManager, dossierKey: string, unitId: string, year: number): Promise<string> {
  return (await claimDossierNumbers(db, unitId, year, [dossierKey])).get(dossierKey)!;
}

/** `claimDossierNumber` for a list of one unit and year: the counter is bumped once for all new dossiers. */
export async function claimDossierNumbers(db: EntityManager, unitId: string, year: number, dossierKeys: string[]): Promise<Map<string, string>> {
  return db.transaction(async (tx) => {
    const keys = [...new Set(dossierKeys)];
    const held: { dossier_key: string; number: string }[] = await tx.query(`SELECT dossier_key, number FROM dossier_number_claim WHERE dossier_key = ANY($1::text[])`, [keys]);
    const numbers = new Map(held.map((h) => [h.dossier_key, h.number]));
    const fresh = keys.filter((k) => !numbers.has(k));
    if (!fresh.length) return numbers;
    const [{ last }]: { last: number }[] = await tx.query(
      `INSERT INTO dossier_number_counter (unit_id, year, last) VALUES ($1,$2,$3)
       ON CONFLICT (unit_id, year) DO UPDATE SET last = dossier_number_counter.last + $3 RETURNING last`,
      [unitId, year, fresh.length],
    );
    const claims = fresh.map((key, i) => {
      const seq = last - fresh.length + 1 + i;
      return { key, seq, number: `HS-${year}-${String(seq).padStart(6, '0')}` };
    });
    // Two requests for one new dossier at once: the second waits on the counter row, then finds the first's claim.
    const claimed: { dossier_key: string; number: string }[] = await tx.query(
      `INSERT INTO dossier_number_claim (dossier_key, unit_id, year, seq, number)
       SELECT c.key, $2, $3, c.seq, c.number FROM jsonb_to_recordset($1::jsonb) AS c(key text, seq int, number text)
       ON CONFLICT (dossier_key) DO UPDATE SET dossier_key = EXCLUDED.dossier_key RETURNING dossier_key, number`,
      [JSON.stringify(claims), unitId, year],
    );
    for (const c of claimed) numbers.set(c.dossier_key, c.number);
    return numbers;
  });
}
