import type { DataSource, EntityManager } from 'typeorm';

const TABLES = ['nomination', 'nomination_event', 'task', 'notification', 'audit_log', 'audit_head'];

export interface ProjectionMismatches {
  nominations: string[];
  events: string[];
  tasks: string[];
}

/**
 * An empty copy of the nomination projections in a scratch schema, to fold histories into with the
 * worker's own code and compare with the live read model. Reference data (organisation, accounts,
 * decisions) is read from the live schema through the search path.
 */
export interface ScratchProjection {
  schema: string;
  /** Writes through it land in the scratch tables. */
  manager: EntityManager;
  /** Rows that differ from the live read model, for the nominations the scratch schema holds. */
  compare(): Promise<ProjectionMismatches>;
  /** Drops the schema unless asked to keep it for inspection. */
  close(keep?: boolean): Promise<void>;
}

export async function openScratchProjection(ds: DataSource): Promise<ScratchProjection> {
  const schema = `rebuild_${Date.now()}`;
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`CREATE SCHEMA ${schema}`);
    for (const t of TABLES) await runner.query(`CREATE TABLE ${schema}.${t} (LIKE public.${t} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES INCLUDING IDENTITY)`);
    await runner.query(`INSERT INTO ${schema}.audit_head VALUES (1, 0, repeat('0', 64))`);
    await runner.query(`SET search_path TO ${schema}, public`);
  } catch (err) {
    await runner.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await runner.release();
    throw err;
  }

  const diff = async (cols: string, table: string): Promise<string[]> => {
    const rows: Record<string, unknown>[] = await runner.query(
      `(SELECT ${cols} FROM ${schema}.${table} EXCEPT SELECT ${cols} FROM public.${table} WHERE nomination_id IN (SELECT nomination_id FROM ${schema}.${table}))
       UNION ALL
       (SELECT ${cols} FROM public.${table} WHERE nomination_id IN (SELECT nomination_id FROM ${schema}.${table}) EXCEPT SELECT ${cols} FROM ${schema}.${table})`,
    );
    return rows.map((r) => JSON.stringify(r));
  };

  return {
    schema,
    manager: runner.manager,
    async compare() {
      const nominations: { id: string }[] = await runner.query(
        `(SELECT id, status, current_level, current_step, outcome_reason, last_seq, decision_id FROM ${schema}.nomination
          EXCEPT SELECT id, status, current_level, current_step, outcome_reason, last_seq, decision_id FROM public.nomination)`,
      );
      return {
        nominations: nominations.map((r) => r.id),
        events: await diff('nomination_id, seq, type, level, actor_id, actor_role, reason, rule, data', 'nomination_event'),
        tasks: await diff('nomination_id, task_key, kind, level, unit_id, role, status, closed_by', 'task'),
      };
    },
    async close(keep = false) {
      try {
        await runner.query(`SET search_path TO public`);
        if (!keep) await runner.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await runner.release();
      }
    },
  };
}
