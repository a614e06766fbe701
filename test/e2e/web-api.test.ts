import { createHash } from 'node:crypto';
import { approveLevel, dossier, submit, waitForStatus, waitForStep, person } from '../support/nominations';
import { startStack, type Session, type Stack } from '../support/stack';

/** The endpoints the web application added: dossier files, public notices, the dashboard, "my councils". */
describe('web application API', () => {
  let stack: Stack;
  let clerk: Session;
  let reviewer: Session;

  beforeAll(async () => {
    stack = await startStack();
    clerk = await stack.login('vanthu.so-yte');
    reviewer = await stack.login('thamdinh.so-yte');
  });
  afterAll(() => stack?.close());

  const upload = (token: string, name: string, type: string, content: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type }), name);
    return fetch(`${stack.baseUrl}/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  };

  it('stores dossier files by content, refuses what is not a dossier file, and serves them only to those who may read them', async () => {
    const content = Buffer.from('%PDF-1.4 tờ trình đề nghị khen thưởng');
    const res = await upload(clerk.token, 'Tờ trình.pdf', 'application/pdf', content);
    expect(res.status).toBe(201);
    const ref = (await res.json()) as any;
    expect(ref).toEqual({ name: 'Tờ trình.pdf', sha256: createHash('sha256').update(content).digest('hex'), sizeBytes: content.length, mimeType: 'application/pdf' });
    // Same bytes again: one stored row.
    expect((await upload(clerk.token, 'to-trinh-ban-sao.pdf', 'application/pdf', content)).status).toBe(201);
    expect((await stack.ds.query(`SELECT count(*)::int AS n FROM document WHERE sha256=$1`, [ref.sha256]))[0].n).toBe(1);

    const exe = await upload(clerk.token, 'virus.exe', 'application/x-msdownload', Buffer.from('MZ'));
    expect(exe.status).toBe(400);
    expect(((await exe.json()) as any).code).toBe('FILE_TYPE');
    expect((await upload(clerk.token, 'rong.pdf', 'application/pdf', Buffer.alloc(0))).status).toBe(400);
    // The limit is 20 MiB: exactly that is taken, one byte more is refused.
    expect((await upload(clerk.token, 'vua.pdf', 'application/pdf', Buffer.alloc(20 * 1024 * 1024, 1))).status).toBe(201);
    const tooBig = await upload(clerk.token, 'lon.pdf', 'application/pdf', Buffer.alloc(20 * 1024 * 1024 + 1));
    expect(tooBig.status).toBe(413);
    expect((await upload(reviewer.token, 'x.pdf', 'application/pdf', content)).status).toBe(403);

    // The uploading unit reads its own upload back (before a dossier cites it), byte for byte.
    const own = await fetch(`${stack.baseUrl}/documents/${ref.sha256}`, { headers: { authorization: `Bearer ${clerk.token}` } });
    expect({ status: own.status, type: own.headers.get('content-type'), cache: own.headers.get('cache-control') }).toEqual({ status: 200, type: 'application/pdf', cache: 'no-store' });
    expect(Buffer.from(await own.arrayBuffer()).equals(content)).toBe(true);
    // Files are read through the dossier that cites them, by those who may read that dossier.
    const otherUnitReviewer = await stack.login('thamdinh.so-gddt');
    expect((await otherUnitReviewer.get(`/documents/${ref.sha256}`)).status).toBe(404);
    const id = await submit(clerk, 'GK_DONVI', { documents: [ref] });
    await waitForStep(reviewer, id, 'IN_REVIEW');
    const got = await fetch(`${stack.baseUrl}/nominations/${id}/documents/${ref.sha256}`, { headers: { authorization: `Bearer ${reviewer.token}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await got.arrayBuffer()).equals(content)).toBe(true);
    expect((await otherUnitReviewer.get(`/nominations/${id}/documents/${ref.sha256}`)).status).toBe(404);
    expect((await reviewer.get(`/nominations/${id}/documents/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await reviewer.get(`/nominations/${id}/documents/not-a-hash`)).status).toBe(400);
  });

  it('publishes nominees under public posting with the period, and issued decisions, without authentication', async () => {
    const id = await submit(clerk, 'HCLD3', { nominee: { ...dossier('HCLD3').nominee, name: 'Nguyễn Văn Niêm Yết' } });
    const local = await submit(clerk, 'GK_DONVI', { nominee: { ...dossier('GK_DONVI').nominee, name: 'Trần Thị Không Niêm Yết' } });
    await approveLevel(stack, reviewer, id, 'UNIT');
    const provinceReviewer = await stack.login('thamdinh.so-noi-vu');
    await waitForStep(provinceReviewer, id, 'IN_REVIEW', 'PROVINCE');
    expect((await provinceReviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ.' })).status).toBe(200);
    await waitForStatus(provinceReviewer, id, 'PUBLIC_POSTING');
    const head = await stack.login('thutruong.so-yte');
    await approveLevel(stack, reviewer, local, 'UNIT');
    await waitForStatus(reviewer, local, 'AWAITING_DECISION');
    expect((await head.post(`/nominations/${local}/decide`, { action: 'CONFER' })).status).toBe(200);
    await waitForStatus(reviewer, local, 'AWARDED');

    const disclosures = (await (await fetch(`${stack.baseUrl}/public/disclosures`)).json()) as any;
    const posted = disclosures.items.find((d: any) => d.nominationId === id);
    expect(posted).toMatchObject({ nomineeName: 'Nguyễn Văn Niêm Yết', awardCode: 'HCLD3', level: 'PROVINCE', open: true, kind: 'PUBLIC_POSTING', period: { days: 10, unit: 'WORKING_DAYS' } });
    expect(posted.period.to > posted.period.from).toBe(true);
    expect(JSON.stringify(posted)).not.toContain('birthYear');
    expect(disclosures.items.some((d: any) => d.nominationId === local)).toBe(false);

    const decisions = (await (await fetch(`${stack.baseUrl}/public/decisions?year=${new Date().getFullYear()}`)).json()) as any;
    expect(decisions.items.some((d: any) => d.recipients.some((r: any) => r.nomineeName === 'Trần Thị Không Niêm Yết'))).toBe(true);
    expect((await fetch(`${stack.baseUrl}/public/decisions?year=abc`)).status).toBe(400);
  });

  it('counts for the dashboard within the caller’s scope, with the priority share', async () => {
    // A year no other test file uses, so files running in parallel on the same database do not disturb the counts.
    const year = 2031;
    const period = { achievementPeriod: { from: '2030-01-01', to: '2030-12-31' }, year };
    const head = await stack.login('thutruong.so-yte');
    const frontLine = await submit(clerk, 'GK_DONVI', { ...period, nominee: { ...person('Y tá Trực Tiếp'), frontLine: true } });
    const office = await submit(clerk, 'GK_DONVI', { ...period, nominee: { ...person('Chuyên viên Văn Phòng'), frontLine: false } });
    const waiting = await submit(clerk, 'GK_DONVI', { ...period, nominee: { ...person('Kỹ thuật viên Chờ'), frontLine: true } });
    for (const id of [frontLine, office]) {
      await approveLevel(stack, reviewer, id, 'UNIT');
      await waitForStatus(reviewer, id, 'AWAITING_DECISION');
      expect((await head.post(`/nominations/${id}/decide`, { action: 'CONFER' })).status).toBe(200);
      await waitForStatus(reviewer, id, 'AWARDED');
    }
    await waitForStep(reviewer, waiting, 'IN_REVIEW');

    const inspector = await stack.login('thanhtra.tinh');
    const { status, body } = await inspector.get(`/dashboard?year=${year}`);
    expect(status).toBe(200);
    expect(body.byStatus).toEqual([
      { level: 'UNIT', status: 'AWARDED', count: 2 },
      { level: 'UNIT', status: 'IN_REVIEW', count: 1 },
    ]);
    expect(body.byAward).toEqual([{ awardCode: 'GK_DONVI', total: 3, awarded: 2, closed: 0 }]);
    // Half of the awards went to the seed plan's priority group.
    expect(body.priorities).toEqual([{ nomineeKind: 'INDIVIDUAL', awarded: 2, priority: 1 }]);
    // And by the unit that sent them, by its name.
    expect(body.byUnit).toEqual([{ unitId: 'so-yte', unitNameVi: 'Sở Y tế', unitNameEn: 'Department of Health', total: 3, awarded: 2, closed: 0, open: 1, priorityAwarded: 1 }]);
    expect(body.processing).toEqual([expect.objectContaining({ level: 'UNIT', awardCode: 'GK_DONVI', count: 2 })]);
    expect(body.processing[0].medianDays).toBeGreaterThanOrEqual(0);
    // Another unit's clerk sees nothing of this unit.
    const other = await (await stack.login('vanthu.cty-cao-su')).get(`/dashboard?year=${year}`);
    expect(other.body.byStatus).toEqual([]);
    expect((await inspector.get('/dashboard?year=20x5')).status).toBe(400);
  });

  it('lists the caller’s councils with their role, and none for someone on no council', async () => {
    const mine = await (await stack.login('thuky.hoidong-tinh')).get('/councils/mine');
    expect(mine.body.councils).toEqual([expect.objectContaining({ id: 'hd-ubnd-tinh', role: 'SECRETARY' })]);
    expect((await (await stack.login('thanhtra')).get('/councils/mine')).body).toEqual({ councils: [], sessions: [] });
  });
});
