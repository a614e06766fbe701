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
