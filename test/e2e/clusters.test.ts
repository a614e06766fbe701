import { startStack, type Session, type Stack } from '../support/stack';
import { recordHistory } from '../support/histories';
import { clusterRoundWorkflowId } from '@vinhdanh/domain/movement/cluster';

/**
 * An emulation cluster's year (cụm thi đua) through the real API, worker, Temporal and PostgreSQL:
 * the year's leader opens the scoring, each member's head scores every member, the leader closes,
 * and the ranking by the others' scores proposes Cờ thi đua and Bằng khen within the quotas.
 */
describe('emulation clusters', () => {
  let stack: Stack;
  let gddt: Session, yte: Session, caosu: Session, clerk: Session, outsider: Session;
  const id = 'cum-so-nganh-doanh-nghiep';
  beforeAll(async () => {
    stack = await startStack();
    [gddt, yte, caosu, clerk, outsider] = await Promise.all(['thutruong.so-gddt', 'thutruong.so-yte', 'thutruong.cty-cao-su', 'vanthu.so-yte', 'thutruong.xa-dak-ha'].map((u) => stack.login(u)));
  });
  afterAll(() => stack?.close());

  const full = (a: number, b: number, c: number) => ({
    'so-gddt': { NHIEM_VU: a, PHONG_TRAO: 18, XAY_DUNG: 18, GIAO_UOC: 9 },
    'so-yte': { NHIEM_VU: b, PHONG_TRAO: 18, XAY_DUNG: 18, GIAO_UOC: 9 },
    'cty-cao-su': { NHIEM_VU: c, PHONG_TRAO: 18, XAY_DUNG: 18, GIAO_UOC: 9 },
  });

  it('is scored by its members, closed by the year’s leader, and ranked by what the others gave', async () => {
    const list = (await gddt.get('/clusters')).body.items.find((c: { id: string }) => c.id === id);
    expect(list).toMatchObject({ kind: 'CUM', members: ['so-gddt', 'so-yte', 'cty-cao-su'], memberNames: expect.arrayContaining([{ unitId: 'so-yte', nameVi: 'Sở Y tế', nameEn: 'Department of Health' }]) });
    // 2034's leader by rotation is Sở Y tế (the members take turns from 2024). A year no other
    // suite opens: the cluster and its rounds are shared by every suite on the same Temporal server.
    expect((await gddt.post(`/clusters/${id}/rounds`, { year: 2034 })).body).toMatchObject({ code: 'LEADER_REQUIRED' });
    const opened = await yte.post(`/clusters/${id}/rounds`, { year: 2034 });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ status: 'SCORING', leaderUnitId: 'so-yte', deputyUnitId: 'cty-cao-su', sheets: [], scoredBy: [] });
    const roundId = opened.body.id;
    expect((await yte.post(`/clusters/${id}/rounds`, { year: 2034 })).status).toBe(200);

    // The members' heads sign the year's pledge, once each.
    expect((await gddt.post(`/clusters/rounds/${roundId}/pledge`)).body.pledgeSignedBy).toEqual(['so-gddt']);
    expect((await gddt.post(`/clusters/rounds/${roundId}/pledge`)).body).toMatchObject({ code: 'PLEDGE_ALREADY_SIGNED' });
    expect((await outsider.post(`/clusters/rounds/${roundId}/pledge`)).body).toMatchObject({ code: 'MEMBER_HEAD_REQUIRED' });
    expect((await yte.post(`/clusters/rounds/${roundId}/pledge`)).body.pledgeSignedBy).toEqual(['so-gddt', 'so-yte']);
    expect(list.pledgeVi).toMatch(/^Các đơn vị thành viên cam kết/);

    // Each head scores everyone; a clerk, an outsider and a score out of range are refused.
    expect((await clerk.post(`/clusters/rounds/${roundId}/scores`, { sheet: full(40, 40, 40) })).body).toMatchObject({ code: 'MEMBER_HEAD_REQUIRED' });
    expect((await outsider.post(`/clusters/rounds/${roundId}/scores`, { sheet: full(40, 40, 40) })).body).toMatchObject({ code: 'MEMBER_HEAD_REQUIRED' });
    expect((await gddt.post(`/clusters/rounds/${roundId}/scores`, { sheet: full(60, 40, 40) })).body).toMatchObject({ code: 'BAD_SCORE', field: 'sheet.so-gddt.NHIEM_VU' });
    expect((await gddt.post(`/clusters/rounds/${roundId}/scores`, { sheet: full(50, 44, 40) })).body.sheets).toEqual([expect.objectContaining({ unitId: 'so-gddt' })]);
    // The leader cannot close before every member has scored.
    expect((await yte.post(`/clusters/rounds/${roundId}/close`)).body).toMatchObject({ code: 'SCORES_MISSING' });
    await yte.post(`/clusters/rounds/${roundId}/scores`, { sheet: full(46, 50, 38) });
    // While scoring, a member reads its own sheet only.
    expect((await yte.get(`/clusters/rounds/${roundId}`)).body.sheets.map((s: { unitId: string }) => s.unitId)).toEqual(['so-yte']);
    await caosu.post(`/clusters/rounds/${roundId}/scores`, { sheet: full(47, 45, 50) });
    expect((await gddt.post(`/clusters/rounds/${roundId}/close`)).body).toMatchObject({ code: 'LEADER_REQUIRED' });

    const closed = (await yte.post(`/clusters/rounds/${roundId}/close`)).body;
    expect(closed.status).toBe('CLOSED');
    // Peer scores (own sheets do not count): Sở GD&ĐT (46+47)/2 → first; Sở Y tế (44+45)/2; the company (40+38)/2.
    expect(closed.ranking.map((r: { unitId: string; rank: number; proposal: string | null }) => [r.unitId, r.rank, r.proposal])).toEqual([['so-gddt', 1, 'CO_TINH'], ['so-yte', 2, 'BK_TINH'], ['cty-cao-su', 3, null]]);
    expect(closed.sheets).toHaveLength(3);
    expect((await yte.post(`/clusters/rounds/${roundId}/scores`, { sheet: full(50, 50, 50) })).status).toBe(409);
    const trail = await stack.ds.query(`SELECT event_type FROM audit_log WHERE stream = $1 ORDER BY stream_seq`, [`cluster:${roundId}`]);
    expect(trail.map((t: { event_type: string }) => t.event_type)).toEqual(['ClusterRoundOpened', 'ClusterPledgeSigned', 'ClusterPledgeSigned', 'ClusterScoresSubmitted', 'ClusterScoresSubmitted', 'ClusterScoresSubmitted', 'ClusterRoundClosed']);
    expect((await outsider.get(`/clusters/rounds/${roundId}`)).body.ranking[0].unitId).toBe('so-gddt');
    await recordHistory(stack, clusterRoundWorkflowId(roundId), 'cluster-round-scored-and-closed');
  });

  it('answers 404 for a cluster or a round that does not exist', async () => {
    expect((await yte.post('/clusters/no-such/rounds', { year: 2025 })).body).toMatchObject({ code: 'CLUSTER_NOT_FOUND' });
    expect((await yte.get('/clusters/rounds/00000000-0000-4000-8000-000000000000')).body).toMatchObject({ code: 'ROUND_NOT_FOUND' });
    expect((await yte.post('/clusters/rounds/00000000-0000-4000-8000-000000000000/close')).status).toBe(404);
    expect((await yte.post(`/clusters/${id}/rounds`, { year: 1999 })).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'year' });
  });
});
