import { startStack, type Session, type Stack } from '../support/stack';
import { approveLevel, dossier, person, submit, waitForStep, workflowSettled } from '../support/nominations';

/**
 * The inbox at volume (GET /inbox) and "approve selected" (POST /reviews), through the real API,
 * worker, Temporal and PostgreSQL: a provincial reviewer with dossiers sent by two departments.
 */
describe('inbox at volume: filters, names, sorting, pages, approve selected', () => {
  let stack: Stack;
  let provinceReviewer: Session, gddtReviewer: Session;
  const ids: Record<string, string> = {};
  const names = { lan: 'Nguyễn Thị Lan', binh: 'Trần Văn Bình', an: 'Nguyễn Văn An' };

  const lastSeq = async (id: string) => (await stack.ds.query(`SELECT last_seq FROM nomination WHERE id=$1`, [id]))[0].last_seq as number;

  beforeAll(async () => {
    stack = await startStack();
    const [gddtClerk, ytClerk, ytReviewer] = await Promise.all(['vanthu.so-gddt', 'vanthu.so-yte', 'thamdinh.so-yte'].map((u) => stack.login(u)));
    [provinceReviewer, gddtReviewer] = await Promise.all(['thamdinh.so-noi-vu', 'thamdinh.so-gddt'].map((u) => stack.login(u)));
    const sent = [
      ['lan', gddtClerk, gddtReviewer],
      ['binh', gddtClerk, gddtReviewer],
      ['an', ytClerk, ytReviewer],
    ] as const;
    await Promise.all(sent.map(async ([key, clerk, reviewer]) => {
      ids[key] = await submit(clerk, 'BK_TINH', { nominee: { ...dossier('BK_TINH').nominee, ...person(names[key]), position: 'Chuyên viên', frontLine: true } });
      await approveLevel(stack, reviewer, ids[key], 'UNIT');
      await waitForStep(provinceReviewer, ids[key], 'IN_REVIEW', 'PROVINCE');
    }));
    // One dossier the provincial reviewer does not hold: still at the unit.
    ids.unit = await submit(gddtClerk, 'GK_DONVI');
    await waitForStep(gddtReviewer, ids.unit, 'IN_REVIEW', 'UNIT');
  });
  afterAll(() => stack?.close());

  it('lists the tasks with the sending unit’s name, and counts them over all pages', async () => {
    const res = await provinceReviewer.get('/inbox');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 50, total: 3, overdue: 0 });
    const an = res.body.items.find((t: { nominationId: string }) => t.nominationId === ids.an);
    expect(an).toMatchObject({ kind: 'REVIEW', level: 'PROVINCE', unitId: 'so-yte', unitNameVi: 'Sở Y tế', unitNameEn: 'Department of Health' });
  });

  it('filters by sending unit, kind, award and name (without accents or case), and by overdue', async () => {
    const only = async (query: string) => ((await provinceReviewer.get(`/inbox?${query}`)).body.items as { nominationId: string }[]).map((t) => t.nominationId).sort();
    expect(await only('fromUnitId=so-yte')).toEqual([ids.an]);
    expect(await only('fromUnitId=so-gddt')).toEqual([ids.lan, ids.binh].sort());
    expect(await only('q=nguyen')).toEqual([ids.lan, ids.an].sort());
    expect(await only('q=TH%E1%BB%8A%20LAN')).toEqual([ids.lan]); // "THỊ LAN"
    expect(await only('q=tran van binh')).toEqual([ids.binh]);
    // Decomposed text (NFD), as some keyboards send it, folds alike.
    expect(await only(`q=${encodeURIComponent('Trần Văn'.normalize('NFD'))}`)).toEqual([ids.binh]);
    expect(await only('kind=DECISION')).toEqual([]);
    expect(await only('awardCode=BK_TINH&level=PROVINCE&year=2025')).toHaveLength(3);
    // A search text is a value, never SQL: a quote or a wildcard matches literally.
    expect(await only(`q=${encodeURIComponent("%' OR '1'='1")}`)).toEqual([]);
    await stack.ds.query(`UPDATE task SET due_at = now() - interval '1 day' WHERE nomination_id = $1 AND status = 'OPEN'`, [ids.binh]);
    expect(await only('overdue=true')).toEqual([ids.binh]);
    // Due by a moment: before it, whatever else.
    expect(await only(`dueBefore=${encodeURIComponent(new Date().toISOString())}`)).toEqual([ids.binh]);
    expect(await only(`dueBefore=${encodeURIComponent(new Date(Date.now() + 365 * 86_400_000).toISOString())}`)).toEqual([ids.lan, ids.binh, ids.an].sort());
    const all = await provinceReviewer.get('/inbox');
    expect(all.body.overdue).toBe(1);
    // The overdue one comes first when sorted by due date.
    expect(all.body.items[0].nominationId).toBe(ids.binh);
  });

  it('numbers each dossier in its unit’s series for the year, keeps the number for the same dossier, and finds a dossier by it', async () => {
    const numbers = Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([k, id]) => [k, (await stack.ds.query(`SELECT dossier_number FROM nomination WHERE id=$1`, [id]))[0].dossier_number as string] as const)));
    for (const n of Object.values(numbers)) expect(n).toMatch(/^HS-2025-\d{6}$/);
    // Two series: so-gddt's three dossiers 1–3, so-yte's one dossier its own number 1.
    expect([numbers.lan, numbers.binh, numbers.unit].sort()).toEqual(['HS-2025-000001', 'HS-2025-000002', 'HS-2025-000003']);
    expect(numbers.an).toBe('HS-2025-000001');
    expect((await provinceReviewer.get(`/nominations/${ids.an}`)).body.dossierNumber).toBe(numbers.an);
    // Found by its number as written on paper (case and spaces aside). Numbers are per unit, so the
    // province finds each unit's dossier of that number, each shown with its unit's name.
    const search = async (q: string, unit = '') => ((await provinceReviewer.get(`/inbox?q=${encodeURIComponent(q)}${unit && `&fromUnitId=${unit}`}`)).body.items as { nominationId: string; unitNameVi: string }[]).map((t) => [t.nominationId, t.unitNameVi]).sort();
    // Lan's and Bình's dossiers were submitted together, so either may hold so-gddt's number 1.
    const gddtFirst = numbers.lan === 'HS-2025-000001' ? ids.lan : ids.binh;
    const firsts = [[ids.an, 'Sở Y tế'], [gddtFirst, 'Sở Giáo dục và Đào tạo']].sort();
    expect(await search(' hs-2025-000001 ')).toEqual(firsts);
    expect(await search('HS-2025-000001', 'so-yte')).toEqual([[ids.an, 'Sở Y tế']]);
    // The same dossier sent again keeps its number; a new one takes the next.
    const clerk = await stack.login('vanthu.so-yte');
    const body = dossier('GK_DONVI');
    const first = await clerk.post('/nominations', body);
    const again = await clerk.post('/nominations', body);
    expect(first.body.dossierNumber).toBe('HS-2025-000002');
    expect(again.body).toMatchObject({ duplicate: true, dossierNumber: first.body.dossierNumber });
  });

  it('marks a task new until its reader opens the dossier, for that reader only', async () => {
    // The first reviewer opened every dossier while waiting for it above; the second has opened none.
    const second = await stack.login('thamdinh2.so-noi-vu');
    const otherUnitReviewer = await stack.login('thamdinh.xa-dak-ha');
    const unread = async (who: Session) => Object.fromEntries(((await who.get('/inbox?pageSize=200')).body.items as { nominationId: string; unread: boolean }[]).map((t) => [t.nominationId, t.unread]));
    expect(await unread(second)).toMatchObject({ [ids.binh]: true, [ids.lan]: true });
    expect((await second.get(`/nominations/${ids.binh}`)).status).toBe(200);
    expect(await unread(second)).toMatchObject({ [ids.binh]: false, [ids.lan]: true });
    // Each reader's own: Lan's dossier is read for the first reviewer (who opened it), still new for the second.
    expect(await unread(provinceReviewer)).toMatchObject({ [ids.binh]: false, [ids.lan]: false });
    // Someone outside reads nothing, and marks nothing read.
    const before = (await stack.ds.query(`SELECT count(*)::int AS n FROM task_read WHERE nomination_id = $1`, [ids.lan]))[0].n;
    expect((await otherUnitReviewer.get(`/nominations/${ids.lan}`)).status).toBe(404);
    expect((await stack.ds.query(`SELECT count(*)::int AS n FROM task_read WHERE nomination_id = $1`, [ids.lan]))[0].n).toBe(before);
  });

  it('sorts and pages', async () => {
    const byName = await provinceReviewer.get('/inbox?sort=nominee');
    // Alphabetical without regard to accents, as the documents list names: "Nguyễn Thị" before "Nguyễn Văn".
    expect(byName.body.items.map((t: { nomineeName: string }) => t.nomineeName)).toEqual([names.lan, names.an, names.binh]);
    const first = await provinceReviewer.get('/inbox?sort=nominee&pageSize=2');
    const second = await provinceReviewer.get('/inbox?sort=nominee&pageSize=2&page=2');
    expect({ total: first.body.total, first: first.body.items.length, second: second.body.items.map((t: { nomineeName: string }) => t.nomineeName) }).toEqual({ total: 3, first: 2, second: [names.binh] });
  });

  it('refuses a bad query with the field and a reason in both languages', async () => {
    for (const query of ['sort=name;drop', 'pageSize=500', 'kind=ANYTHING', 'overdue=maybe', 'dueBefore=yesterday']) {
      const res = await provinceReviewer.get(`/inbox?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.messageVi).toBeTruthy();
      expect(res.body.messageEn).toBeTruthy();
      expect(res.body.fields?.length ?? (res.body.field ? 1 : 0)).toBeGreaterThan(0);
    }
  });

  it('approves selected dossiers one by one: each authorised and audited, refusals reported with their reason, nothing done twice', async () => {
    const selected = [ids.lan, ids.binh, ids.an, ids.unit];
    const before = Object.fromEntries(await Promise.all(selected.map(async (id) => [id, await lastSeq(id)] as const)));
    const eligible = async (id: string) => (await provinceReviewer.get(`/nominations/${id}`)).body.eligibility?.outcome === 'ELIGIBLE';
    const needJustification = (await Promise.all([ids.lan, ids.binh, ids.an].map(async (id) => (!(await eligible(id)) ? id : undefined)))).filter(Boolean);
    // These nominees have no recorded titles, so the check cannot find Bằng khen's conditions met.
    expect(needJustification.length).toBeGreaterThan(0);

    // Without a justification: the dossiers whose eligibility check is negative are refused, as alone.
    const bare = await provinceReviewer.post('/reviews', { nominationIds: selected });
    expect(bare.status).toBe(200);
    const refusedBare = bare.body.results.filter((r: { ok: boolean }) => !r.ok);
    const outsider = refusedBare.find((r: { nominationId: string }) => r.nominationId === ids.unit);
    // A dossier the reviewer cannot see is refused as missing: its existence is not disclosed.
    expect(outsider.error).toMatchObject({ code: 'NOMINATION_NOT_FOUND', messageVi: expect.any(String), messageEn: expect.any(String) });
    for (const id of needJustification) {
      expect(refusedBare.find((r: { nominationId: string }) => r.nominationId === id)?.error).toMatchObject({ code: 'JUSTIFICATION_REQUIRED' });
      expect(await lastSeq(id as string)).toBe(before[id as string]);
    }
    expect(await lastSeq(ids.unit)).toBe(before[ids.unit]);

    const body = { nominationIds: selected, justification: 'Đã đối chiếu hồ sơ và biên bản họp xét của đơn vị.' };
    const approved = await provinceReviewer.post('/reviews', body);
    expect(approved.status).toBe(200);
    const ok = approved.body.results.filter((r: { ok: boolean }) => r.ok).map((r: { nominationId: string }) => r.nominationId).sort();
    expect(ok).toEqual([ids.lan, ids.binh, ids.an].sort());
    for (const id of ok) {
      const steps = (await provinceReviewer.get(`/nominations/${id}`)).body.steps.filter((s: { type: string; level: string }) => s.type === 'ReviewApproved' && s.level === 'PROVINCE');
      expect(steps).toHaveLength(1);
      expect(steps[0]).toMatchObject({ actorId: expect.any(String), actorRole: 'REVIEWER', reason: body.justification });
    }
    // Each approval is its own entry in the audit chain, by this reviewer.
    const audited = await stack.ds.query(`SELECT DISTINCT stream, actor_id FROM audit_log WHERE event_type = 'ReviewApproved' AND payload->>'level' = 'PROVINCE' AND stream = ANY($1)`, [ok.map((id: string) => `nomination:${id}`)]);
    expect(audited).toHaveLength(3);
    expect(new Set(audited.map((a: { actor_id: string }) => a.actor_id)).size).toBe(1);

    // The same request again repeats nothing: each dossier answers from its first approval.
    await Promise.all(ok.map((id: string) => workflowSettled(stack, id)));
    const seqs = await Promise.all(ok.map(lastSeq));
    const again = await provinceReviewer.post('/reviews', body);
    expect(again.status).toBe(200);
    expect(again.body.batchKey).toBe(approved.body.batchKey);
    expect(await Promise.all(ok.map(lastSeq))).toEqual(seqs);
    expect((await provinceReviewer.get('/inbox?kind=REVIEW')).body.total).toBe(0);
  });

  it('refuses an empty, oversized or malformed list before touching anything', async () => {
    for (const nominationIds of [[], Array.from({ length: 201 }, () => ids.lan), ['not-a-uuid']]) {
      const res = await provinceReviewer.post('/reviews', { nominationIds });
      expect(res.status).toBe(400);
      expect(res.body.messageVi).toBeTruthy();
    }
    const anonymous = await fetch(`${stack.baseUrl}/reviews`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nominationIds: [ids.lan] }) });
    expect(anonymous.status).toBe(401);
  });
});
