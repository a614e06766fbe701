import { Client } from 'pg';
import { eventually } from './stack';

/**
 * A kill point reached on purpose: another session holds a nomination's row, so the activity that
 * projects its next event waits on it mid-transaction (its event row's foreign key already needs a
 * share lock on that row). `waitedOn()` resolves once a session of the database waits on a lock;
 * `release()` lets it through (and is harmless after the server has gone).
 */
export function holdNominationRow(databaseUrl: string, nominationId: string) {
  return holdRow(databaseUrl, 'nomination', nominationId);
}

/** The same for a row of another read model whose next step updates it (a phase review's closing). */
export async function holdRow(databaseUrl: string, table: 'nomination' | 'phase_review', id: string) {
  const holder = new Client({ connectionString: databaseUrl });
  holder.on('error', () => undefined); // its connection may die with the server, as a fault test intends
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
  const release = async () => {
    await holder.query('ROLLBACK').catch(() => undefined);
    await holder.end().catch(() => undefined);
  };
  return {
    async waitedOn(): Promise<void> {
      await eventually(async () => {
        const { rows } = await holder.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() AND pid <> pg_backend_pid()`);
        return rows[0].n > 0 || undefined;
      }).catch(async (err) => {
        await release();
        throw err;
      });
    },
    release,
  };
}
