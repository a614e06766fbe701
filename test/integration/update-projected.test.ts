import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@vinhdanh/persistence';
import { notifyUpdateProjected, UpdateProjectionListener, UPDATE_PROJECTED_CHANNEL } from '@vinhdanh/persistence/projection/update-projected';
import { eventually } from '../support/stack';

/**
 * The API answers an Update when the projection transaction that recorded its event commits
 * (docs/bench.md). On the real PostgreSQL: a committed transaction is heard with the state it
 * projected, a rolled-back one never, another Update's never, a state too long for a notification
 * is heard without it (the API then waits for Temporal), and a listening connection that is killed
 * comes back by itself.
 */
describe('the projection tells the API an Update took effect', () => {
  let ds: DataSource;
  let listener: UpdateProjectionListener;
  // The keys the worker and the API derive from their codec keys: the first signs, all verify.
  const [key, oldKey] = [randomBytes(32), randomBytes(32)];
  const forged: string[] = [];

  beforeAll(async () => {
    ds = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!, { extra: { max: 2 } })).initialize();
    listener = new UpdateProjectionListener(process.env.DATABASE_URL!, [oldKey, key], undefined, (id) => forged.push(id));
    await listener.start();
  });

  afterAll(async () => {
    await listener.stop();
    await ds.destroy();
  });

  const view = { nominationId: 'N-1', status: 'AWAITING_DECISION', level: 'UNIT', step: 'decide', lastSeq: 4, task: { kind: 'DECIDE' } };

  it('hears a committed event with the state it projected, and only its own', async () => {
    const mine = listener.waitFor('upd-mine', 30_000);
    const other = listener.waitFor('upd-other', 30_000);
    await ds.transaction((tx) => notifyUpdateProjected(tx, 'upd-mine', view, key));
    await expect(mine.projected).resolves.toEqual(view);
    other.cancel();
    await expect(other.projected).resolves.toBeUndefined();
  });

  it('never hears an event whose transaction rolled back', async () => {
    const wait = listener.waitFor('upd-rolled-back', 1_500);
    await expect(
      ds.transaction(async (tx) => {
        await notifyUpdateProjected(tx, 'upd-rolled-back', view, key);
        throw new Error('the projection failed');
      }),
    ).rejects.toThrow('the projection failed');
    // Then a committed one for the same id, so the wait's outcome is not a matter of timing alone.
    await expect(wait.projected).resolves.toBeUndefined();
    const again = listener.waitFor('upd-rolled-back', 30_000);
    await ds.transaction((tx) => notifyUpdateProjected(tx, 'upd-rolled-back', view, key));
    await expect(again.projected).resolves.toEqual(view);
  });

  it('sends a state too long for a notification without it, and the transaction still commits', async () => {
    const long = { ...view, outcomeReason: 'Thành tích xuất sắc trong phong trào thi đua. '.repeat(400) };
    const wait = listener.waitFor('upd-long', 30_000);
    await ds.transaction((tx) => notifyUpdateProjected(tx, 'upd-long', long, key));
    // Heard at once (not at the 30 s timeout: the test would time out first), with no state.
    await expect(wait.projected).resolves.toBeUndefined();
  });

  it('ignores notifications that are not its own shape', async () => {
    const wait = listener.waitFor('upd-shape', 30_000);
    await ds.query('SELECT pg_notify($1, $2)', [UPDATE_PROJECTED_CHANNEL, 'upd-shape']);
    await ds.query('SELECT pg_notify($1, $2)', [UPDATE_PROJECTED_CHANNEL, JSON.stringify({ u: 42, v: view })]);
    await ds.transaction((tx) => notifyUpdateProjected(tx, 'upd-shape', view, key));
    await expect(wait.projected).resolves.toEqual(view);
  });

  it('comes back after its connection is killed, and hears again', async () => {
    const killed: { n: number }[] = await ds.query(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE query = $1 AND datname = current_database() AND pid <> pg_backend_pid()`, [`LISTEN ${UPDATE_PROJECTED_CHANNEL}`]);
    expect(killed[0].n).toBeGreaterThanOrEqual(1);
    await eventually(async () => !listener.listening);
    await eventually(async () => listener.listening);
    const wait = listener.waitFor('upd-after-kill', 30_000);
    await ds.transaction((tx) => notifyUpdateProjected(tx, 'upd-after-kill', view, key));
    await expect(wait.projected).resolves.toEqual(view);
  });

  it('ignores a notification not signed by the projection: any database role can send one, none can forge it', async () => {
    // Someone with a database role answers a refused Update as if it had awarded the nomination.
    let heard: unknown = 'nothing';
    const wait = listener.waitFor('upd-forged', 30_000);
    void wait.projected.then((v) => (heard = v));
    const lie = { ...view, status: 'AWARDED', decision: { number: '999/QĐ-GIẢ' } };
    await ds.query('SELECT pg_notify($1, $2)', [UPDATE_PROJECTED_CHANNEL, JSON.stringify({ u: 'upd-forged', v: lie })]);
    await ds.query('SELECT pg_notify($1, $2)', [UPDATE_PROJECTED_CHANNEL, JSON.stringify({ u: 'upd-forged', v: lie, m: randomBytes(32).toString('base64url') })]);
    await ds.transaction((tx) => notifyUpdateProjected(tx, 'upd-forged', lie, randomBytes(32)));
    // Notifications reach the listener in the order they were sent: once a later, signed one is heard, the forged ones were read.
    const marker = listener.waitFor('upd-marker', 30_000);
    await ds.transaction((tx) => notifyUpdateProjected(tx, 'upd-marker', view, key));
    await expect(marker.projected).resolves.toEqual(view);
    expect(heard).toBe('nothing');
    expect(forged.filter((id) => id === 'upd-forged')).toHaveLength(3);
    // The same id signed by the projection — here with the previous key, as during a rotation — is heard.
    await ds.transaction((tx) => notifyUpdateProjected(tx, 'upd-forged', view, oldKey));
    await expect(wait.projected).resolves.toEqual(view);
  });
});
