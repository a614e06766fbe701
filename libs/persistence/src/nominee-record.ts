import { approvedRegistrations } from './read-model/registrations';
import type { EntityManager } from 'typeorm';
import type { ClusterOrganiser, NomineeRecord } from '@vinhdanh/domain/eligibility';

/** The nominee's facts as the eligibility engine reads them: the domain's own record type. */
export type StoredNomineeRecord = NomineeRecord;

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

interface AwardRow {
  award_code: string;
  year: number;
  decision_number: string;
  decided_on: string;
  source: 'REGISTER' | 'MANUAL';
  achievement_ref: string | null;
  basis: 'REGULAR' | 'SUDDEN' | 'THEMATIC';
  issuer_name_vi: string | null;
}

interface CollectiveYearRow {
  year: number;
  members: number;
  members_completing_tasks: number | null;
  ldtt_count: number | null;
  cstdcs_count: number | null;
  members_disciplined_warning_or_above: number | null;
  cluster_led_by: ClusterOrganiser | 'NONE' | null;
}

/** Loads everything known about a nominee, by its normalised key; undefined facts stay absent. */
export async function loadNomineeRecord(db: EntityManager, nomineeKey: string, kind: StoredNomineeRecord['kind']): Promise<StoredNomineeRecord> {
  const [nominee]: { recruited_on: string | null }[] = await db.query(`SELECT recruited_on::text AS recruited_on FROM nominee WHERE nominee_key=$1`, [nomineeKey]);
  const ratings: { year: number; rating: string }[] = await db.query(`SELECT year, rating FROM nominee_rating WHERE nominee_key=$1 ORDER BY year`, [nomineeKey]);
  const awards: AwardRow[] = await db.query(
    // A revoked award is no longer the nominee's: it backs nothing (Law, Chapter VII).
    `SELECT award_code, year, decision_number, decided_on::text AS decided_on, source, achievement_ref, basis, issuer_name_vi
       FROM award_register WHERE nominee_key=$1 AND revoked_at IS NULL ORDER BY year, decided_on`,
    [nomineeKey],
  );
  const initiatives: StoredNomineeRecord['initiatives'] = await db.query(`SELECT year, level, kind, title FROM nominee_initiative WHERE nominee_key=$1 ORDER BY year`, [nomineeKey]);
  const disciplines: { from_date: string; to_date: string | null; level: string; under_review: boolean }[] = await db.query(
    `SELECT from_date::text AS from_date, to_date::text AS to_date, level, under_review FROM nominee_discipline WHERE nominee_key=$1 ORDER BY from_date`,
    [nomineeKey],
  );
  const registrations = await approvedRegistrations(db, nomineeKey);
  const collective: CollectiveYearRow[] = kind === 'INDIVIDUAL' ? [] : await db.query(`SELECT * FROM nominee_collective_year WHERE nominee_key=$1 ORDER BY year`, [nomineeKey]);
  return {
    kind,
    recruitedOn: opt(nominee?.recruited_on ?? null),
    ratings: ratings.map((r) => ({ year: r.year, rating: r.rating })),
    awards: awards.map((a) => ({
      code: a.award_code,
      year: a.year,
      decisionNumber: a.decision_number,
      ...(a.issuer_name_vi ? { issuer: a.issuer_name_vi } : {}),
      decidedOn: a.decided_on,
      source: a.source,
      achievementRef: opt(a.achievement_ref),
      basis: a.basis,
    })),
    initiatives: initiatives.map((i) => ({ year: i.year, level: i.level, kind: i.kind, title: i.title })),
    disciplines: disciplines.map((d) => ({ from: d.from_date, to: opt(d.to_date), level: d.level, underReview: d.under_review })),
    ...(registrations.length ? { registrations } : {}),
    ...(kind === 'INDIVIDUAL'
      ? {}
      : {
          collective: collective.map((c) => ({
            year: c.year,
            members: c.members,
            membersCompletingTasks: opt(c.members_completing_tasks),
            ldttCount: opt(c.ldtt_count),
            cstdcsCount: opt(c.cstdcs_count),
            membersDisciplinedWarningOrAbove: opt(c.members_disciplined_warning_or_above),
            ...(c.cluster_led_by ? { clusterLedBy: c.cluster_led_by } : {}),
          })),
          // The years the collective led its cluster or block; unknown (no year says) when none was recorded.
          ...(collective.some((c) => c.cluster_led_by)
            ? { clusterLeadership: collective.filter((c) => c.cluster_led_by && c.cluster_led_by !== 'NONE').map((c) => ({ year: c.year, organisedBy: c.cluster_led_by as ClusterOrganiser })) }
            : {}),
        }),
  };
}

/** A nominee as the registry holds it. */
export interface NomineeEntry {
  id: string;
  nomineeKey: string;
  unitId: string;
  kind: StoredNomineeRecord['kind'];
  name: string;
}

export async function findNominee(db: EntityManager, id: string): Promise<NomineeEntry | undefined> {
  const [row] = await db.query(`SELECT id, nominee_key AS "nomineeKey", unit_id AS "unitId", kind, name FROM nominee WHERE id=$1`, [id]);
  return row;
}

/*
 * The record a clerk enters by hand, each entry signed with who entered it. A rating or a
 * collective's figures for a year replace the earlier entry for that year; the others accumulate.
 */

export async function recordRating(db: EntityManager, nomineeKey: string, r: { year: number; rating: string; enteredBy: string }): Promise<void> {
  await db.query(
    `INSERT INTO nominee_rating (nominee_key, year, rating, entered_by) VALUES ($1,$2,$3,$4)
     ON CONFLICT (nominee_key, year) DO UPDATE SET rating = EXCLUDED.rating, entered_by = EXCLUDED.entered_by, entered_at = now()`,
    [nomineeKey, r.year, r.rating, r.enteredBy],
  );
}

export async function recordInitiative(db: EntityManager, nomineeKey: string, i: { year: number; level: string; kind: string; title: string; recognizedBy: string | null; enteredBy: string }): Promise<void> {
  await db.query(
    `INSERT INTO nominee_initiative (nominee_key, year, level, kind, title, recognized_by, entered_by) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [nomineeKey, i.year, i.level, i.kind, i.title, i.recognizedBy, i.enteredBy],
  );
}

export async function recordDiscipline(db: EntityManager, nomineeKey: string, d: { from: string; to: string | null; level: string; underReview: boolean; note: string | null; enteredBy: string }): Promise<void> {
  await db.query(
    `INSERT INTO nominee_discipline (nominee_key, from_date, to_date, level, under_review, note, entered_by) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [nomineeKey, d.from, d.to, d.level, d.underReview, d.note, d.enteredBy],
  );
}

/** An award from before the system, with its decision number (source MANUAL). */
export async function recordManualAward(
  db: EntityManager,
  n: NomineeEntry,
  a: { awardCode: string; year: number; decisionNumber: string; decidedOn: string; basis: string; achievementRef: string | null; enteredBy: string },
): Promise<void> {
  await db.query(
    `INSERT INTO award_register (nominee_key, nominee_name, nominee_kind, award_code, year, decision_number, decided_on, source, unit_id, basis, achievement_ref, entered_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,'MANUAL',$8,$9,$10,$11)`,
    [n.nomineeKey, n.name, n.kind, a.awardCode, a.year, a.decisionNumber, a.decidedOn, n.unitId, a.basis, a.achievementRef, a.enteredBy],
  );
}

export interface CollectiveYear {
  year: number;
  members: number;
  membersCompletingTasks: number | null;
  ldttCount: number | null;
  cstdcsCount: number | null;
  membersDisciplinedWarningOrAbove: number | null;
  clusterLedBy: ClusterOrganiser | 'NONE' | null;
  enteredBy: string;
}

export async function recordCollectiveYear(db: EntityManager, nomineeKey: string, c: CollectiveYear): Promise<void> {
  await db.query(
    `INSERT INTO nominee_collective_year (nominee_key, year, members, members_completing_tasks, ldtt_count, cstdcs_count, members_disciplined_warning_or_above, cluster_led_by, entered_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
     ON CONFLICT (nominee_key, year) DO UPDATE SET members=EXCLUDED.members, members_completing_tasks=EXCLUDED.members_completing_tasks,
       ldtt_count=EXCLUDED.ldtt_count, cstdcs_count=EXCLUDED.cstdcs_count, members_disciplined_warning_or_above=EXCLUDED.members_disciplined_warning_or_above,
       cluster_led_by=EXCLUDED.cluster_led_by, entered_by=EXCLUDED.entered_by, entered_at=now()`,
    [nomineeKey, c.year, c.members, c.membersCompletingTasks, c.ldttCount, c.cstdcsCount, c.membersDisciplinedWarningOrAbove, c.clusterLedBy, c.enteredBy],
  );
}

/** One line of a unit's list of the people and collectives whose record it keeps. */
export interface NomineeListItem {
  id: string;
  name: string;
  kind: StoredNomineeRecord['kind'];
  birthYear: number | null;
  /** The latest rating entered, if any. */
  latestRating: { year: number; rating: string } | null;
  /** Awards in the register (from Vinh Danh or entered by hand), revoked ones left out. */
  awards: number;
}

/** The nominees a unit keeps, by name (ignoring accents and case), in name order, one page. */
export async function listNominees(db: EntityManager, unitId: string, q: { q?: string; kind?: string; page: number; pageSize: number }): Promise<{ total: number; items: NomineeListItem[] }> {
  const params: unknown[] = [unitId];
  const where = ['n.unit_id = $1'];
  if (q.q) {
    params.push(q.q);
    where.push(`strpos(unaccent_vi(n.name), unaccent_vi($${params.length})) > 0`);
  }
  if (q.kind) {
    params.push(q.kind);
    where.push(`n.kind = $${params.length}`);
  }
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const rows: (NomineeListItem & { total: string; latestYear: number | null; latestValue: string | null })[] = await db.query(
    `SELECT n.id, n.name, n.kind, n.birth_year AS "birthYear",
            r.year AS "latestYear", r.rating AS "latestValue",
            (SELECT count(*)::int FROM award_register a WHERE a.nominee_key = n.nominee_key AND a.revoked_at IS NULL) AS awards,
            count(*) OVER () AS total
       FROM nominee n
       LEFT JOIN LATERAL (SELECT year, rating FROM nominee_rating WHERE nominee_key = n.nominee_key ORDER BY year DESC LIMIT 1) r ON true
      WHERE ${where.join(' AND ')}
      ORDER BY unaccent_vi(n.name), n.name, n.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map(({ total: _t, latestYear, latestValue, ...n }) => ({ ...n, latestRating: latestYear === null ? null : { year: latestYear, rating: latestValue! } })),
  };
}

/**
 * The same award given to the same nominee the year before (not revoked): the reviewer is warned,
 * since most titles and awards are not given two years running (the law's intervals).
 */
export async function sameAwardYearBefore(db: EntityManager, nomineeKey: string | undefined, awardCode: string, year: number): Promise<{ year: number; decisionNumber: string } | null> {
  if (!nomineeKey) return null;
  const [row]: { year: number; decision_number: string }[] = await db.query(
    `SELECT year, decision_number FROM award_register WHERE nominee_key = $1 AND award_code = $2 AND year = $3 AND revoked_at IS NULL ORDER BY decided_on LIMIT 1`,
    [nomineeKey, awardCode, year - 1],
  );
  return row ? { year: row.year, decisionNumber: row.decision_number } : null;
}
