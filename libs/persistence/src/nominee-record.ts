import type { EntityManager } from 'typeorm';

/** The nominee's facts as the eligibility engine reads them (shape of the domain's NomineeRecord). */
export interface StoredNomineeRecord {
  kind: 'INDIVIDUAL' | 'COLLECTIVE' | 'HOUSEHOLD';
  recruitedOn?: string;
  ratings: { year: number; rating: string }[];
  awards: { code: string; year: number; decisionNumber?: string; issuer?: string; decidedOn?: string; source: 'REGISTER' | 'MANUAL'; achievementRef?: string; basis?: 'REGULAR' | 'SUDDEN' | 'THEMATIC' }[];
  initiatives: { year: number; level: string; kind: string; title: string }[];
  disciplines: { from: string; to?: string; level: string; underReview?: boolean }[];
  collective?: { year: number; members: number; membersCompletingTasks?: number; ldttCount?: number; cstdcsCount?: number; membersDisciplinedWarningOrAbove?: number }[];
}

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** Loads everything known about a nominee, by its normalised key; undefined facts stay absent. */
export async function loadNomineeRecord(db: EntityManager, nomineeKey: string, kind: StoredNomineeRecord['kind']): Promise<StoredNomineeRecord> {
  const [nominee] = await db.query(`SELECT recruited_on::text AS recruited_on FROM nominee WHERE nominee_key=$1`, [nomineeKey]);
  const ratings = await db.query(`SELECT year, rating FROM nominee_rating WHERE nominee_key=$1 ORDER BY year`, [nomineeKey]);
  const awards = await db.query(
    // A revoked award is no longer the nominee's: it backs nothing (Law, Chapter VII).
    `SELECT award_code, year, decision_number, decided_on::text AS decided_on, source, achievement_ref, basis, issuer_name_vi
       FROM award_register WHERE nominee_key=$1 AND revoked_at IS NULL ORDER BY year, decided_on`,
    [nomineeKey],
  );
  const initiatives = await db.query(`SELECT year, level, kind, title FROM nominee_initiative WHERE nominee_key=$1 ORDER BY year`, [nomineeKey]);
  const disciplines = await db.query(
    `SELECT from_date::text AS from_date, to_date::text AS to_date, level, under_review FROM nominee_discipline WHERE nominee_key=$1 ORDER BY from_date`,
    [nomineeKey],
  );
  const collective = kind === 'INDIVIDUAL' ? [] : await db.query(`SELECT * FROM nominee_collective_year WHERE nominee_key=$1 ORDER BY year`, [nomineeKey]);
  return {
    kind,
    recruitedOn: opt(nominee?.recruited_on ?? null),
    ratings: ratings.map((r: any) => ({ year: r.year, rating: r.rating })),
    awards: awards.map((a: any) => ({
      code: a.award_code,
      year: a.year,
      decisionNumber: a.decision_number,
      ...(a.issuer_name_vi ? { issuer: a.issuer_name_vi } : {}),
      decidedOn: a.decided_on,
      source: a.source,
      achievementRef: opt(a.achievement_ref),
      basis: a.basis,
    })),
    initiatives: initiatives.map((i: any) => ({ year: i.year, level: i.level, kind: i.kind, title: i.title })),
    disciplines: disciplines.map((d: any) => ({ from: d.from_date, to: opt(d.to_date), level: d.level, underReview: d.under_review })),
    ...(kind === 'INDIVIDUAL'
      ? {}
      : {
          collective: collective.map((c: any) => ({
            year: c.year,
            members: c.members,
            membersCompletingTasks: opt(c.members_completing_tasks),
            ldttCount: opt(c.ldtt_count),
            cstdcsCount: opt(c.cstdcs_count),
            membersDisciplinedWarningOrAbove: opt(c.members_disciplined_warning_or_above),
          })),
        }),
  };
}
