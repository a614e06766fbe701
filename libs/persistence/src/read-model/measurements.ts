import type { EntityManager } from 'typeorm';

/** What the benchmark reads of the read model to measure it (bench/run.ts); nothing else uses these. */

/** How many of these nominations stand at a status (and, if given, a level and a step). */
export async function countAt(db: EntityManager, ids: string[], at: { status: string; level?: string; step?: string }): Promise<number> {
  const [{ n }]: { n: number }[] = await db.query(
    `SELECT count(*)::int AS n FROM nomination WHERE id = ANY($1) AND status = $2 AND ($3::text IS NULL OR current_level = $3) AND ($4::text IS NULL OR current_step = $4)`,
    [ids, at.status, at.level ?? null, at.step ?? null],
  );
  return n;
}

/** Milliseconds from an event's occurrence to its projection, median and 99th percentile. */
export async function projectionLagMs(db: EntityManager, window: { from?: Date; to?: Date } = {}): Promise<{ p50: number; p99: number }> {
  const [r]: { p50: string | number; p99: string | number }[] = await db.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY lag) AS p99
       FROM (SELECT extract(epoch FROM projected_at - occurred_at) * 1000 AS lag FROM nomination_event
              WHERE occurred_at >= coalesce($1, '-infinity'::timestamptz) AND occurred_at < coalesce($2, 'infinity'::timestamptz)) l`,
    [window.from ?? null, window.to ?? null],
  );
  return { p50: Number(r.p50), p99: Number(r.p99) };
}

const MEASURED_TABLES = ['nomination', 'nomination_event', 'task', 'notification', 'decision', 'award_register', 'audit_log', 'nominee', 'council_item_ballot', 'council_receipt', 'council_tally'] as const;

/** Rows and bytes (with indexes and TOAST) of the tables the product writes per nomination. */
export async function tableFigures(db: EntityManager): Promise<{ table: string; rows: number; bytes: number }[]> {
  const out = [];
  for (const t of MEASURED_TABLES) {
    const [r]: { n: number; size: string }[] = await db.query(`SELECT count(*)::int AS n, pg_total_relation_size($1::regclass) AS size FROM ${t}`, [t]);
    out.push({ table: t, rows: r.n, bytes: Number(r.size) });
  }
  return out;
}

/** How many of these nominations' decisions have no signed document yet. */
export async function unsignedDecisions(db: EntityManager, ids: string[]): Promise<number> {
  const [{ n }]: { n: number }[] = await db.query(
    `SELECT count(DISTINCT n.decision_id)::int AS n FROM nomination n LEFT JOIN decision_document d ON d.decision_id::text = n.decision_id::text
      WHERE n.id = ANY($1) AND n.decision_id IS NOT NULL AND d.decision_id IS NULL`,
    [ids],
  );
  return n;
}
