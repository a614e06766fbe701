import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { eventually, startStack, type Session, type Stack } from '../support/stack';
import { dossier, person } from '../support/nominations';
import { listWorkbook, uploadList } from '../support/lists';

/**
 * Year-end lists uploaded as spreadsheets, through the real API, PostgreSQL and Temporal: checked
 * row by row before anything is sent, kept without the personal identification numbers, sent row
 * by row as nominations of their own, and never twice: not for the same file uploaded again, not
 * for a second press of "send", not when a sender dies and another takes over.
 */
describe('list imports', () => {
  let stack: Stack;
  let clerk: Session, otherUnitClerk: Session, reviewer: Session;
  beforeAll(async () => {
    stack = await startStack();
    [clerk, otherUnitClerk, reviewer] = await Promise.all(['vanthu.so-gddt', 'vanthu.so-yte', 'thamdinh.so-gddt'].map((u) => stack.login(u)));
  });
  afterAll(() => stack?.close());

  const settings = { awardCode: 'GK_DONVI', year: '2025', achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2025.' };
  const row = (p: ReturnType<typeof person>, extra: (string | number)[] = []) => [p.name, p.birthYear, p.personalId, 'Giáo viên', ...extra];
  const nominationCount = async () => (await stack.ds.query(`SELECT count(*)::int AS n FROM nomination WHERE unit_id = 'so-gddt'`))[0].n as number;

  it('gives a template with the columns in order', async () => {
    const res = await fetch(`${stack.baseUrl}/imports/template.xlsx`, { headers: { authorization: `Bearer ${clerk.token}` } });
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets[0].getRow(3).values).toEqual([undefined, 'Họ và tên', 'Năm sinh', 'Số định danh cá nhân', 'Chức vụ', 'Trực tiếp lao động (x)', 'Tóm tắt thành tích']);
    expect((await clerk.get('/imports/template.xlsx?kind=SOMEONE')).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'kind', messageVi: expect.any(String) });
    expect((await reviewer.get('/imports/template.xlsx')).body).toMatchObject({ code: 'CLERK_REQUIRED' });
  });

  it('checks every row before sending anything, keeps no personal number, then sends the ready rows once', async () => {
    const [lan, minh, hoa, sent, elsewhere] = [person(), person(), person(), person(), person()];
    // One nominated before by this unit, one by another unit.
    expect((await clerk.post('/nominations', dossier('GK_DONVI', { nominee: { ...sent, position: 'Giáo viên' } }))).status).toBe(201);
    expect((await otherUnitClerk.post('/nominations', dossier('GK_DONVI', { nominee: { ...elsewhere, position: 'Bác sĩ' } }))).status).toBe(201);
    const file = await listWorkbook([
      row(lan, ['x', 'Chiến sĩ thi đua cơ sở; sáng kiến “Lớp học số”.']),
      row(minh),
      [hoa.name, '198O', hoa.personalId],
      [hoa.name, hoa.birthYear, '12345'],
      row(lan),
      row(sent),
      row(elsewhere),
      ['', '', '', '', ''],
    ]);
    const before = await nominationCount();
    const uploaded = await uploadList(clerk, stack.baseUrl, file, settings);
    expect(uploaded.status).toBe(201);
    const view = uploaded.body;
    expect(view).toMatchObject({ status: 'PREVIEW', fileName: 'danh-sach-2025.xlsx', awardNameVi: expect.stringContaining('Giấy khen'), header: expect.stringContaining('Họ và tên'), counts: { total: 7, READY: 2, INVALID: 4, ALREADY: 1, SUBMITTED: 0 } });
    const byLine = new Map(view.rows.map((r: { line: number }) => [r.line, r]));
    expect(byLine.get(2)).toMatchObject({ state: 'READY', name: lan.name, frontLine: true, personalIdLast4: lan.personalId.slice(-4), achievements: 'Chiến sĩ thi đua cơ sở; sáng kiến “Lớp học số”.' });
    expect(byLine.get(4)).toMatchObject({ state: 'INVALID', problems: [{ vi: 'Năm sinh “198O” phải gồm 4 chữ số', en: 'Year of birth “198O” must be 4 digits' }] });
    expect((byLine.get(5) as any).problems[0].en).toBe('Identification number “12345” must be 12 digits');
    expect((byLine.get(6) as any).problems[0].en).toBe('Same nominee as row 2');
    expect(byLine.get(7)).toMatchObject({ state: 'ALREADY', nominationId: expect.any(String) });
    expect(byLine.get(8)).toMatchObject({ state: 'INVALID', nominationId: null, problems: [{ en: 'This nominee already has a nomination for this award and year' }] });
    // Nothing sent yet, and no personal identification number kept anywhere in the import.
    expect(await nominationCount()).toBe(before);
    const stored = await stack.ds.query(`SELECT r::text AS t FROM list_import_row r WHERE import_id = $1 UNION ALL SELECT i::text FROM list_import i WHERE id = $1`, [view.id]);
    for (const p of [lan, minh, hoa, sent, elsewhere]) expect(stored.map((s: { t: string }) => s.t).join('\n')).not.toContain(p.personalId);

    // The same file with the same settings: the same import, nothing new.
    const again = await uploadList(clerk, stack.baseUrl, file, settings);
    expect({ status: again.status, id: again.body.id }).toEqual({ status: 200, id: view.id });

    const started = await clerk.post(`/imports/${view.id}/start`);
    expect(started.status).toBe(202);
    expect(['RUNNING', 'DONE']).toContain(started.body.status);
    const done = await eventually(async () => {
      const v = (await clerk.get(`/imports/${view.id}?pageSize=500`)).body;
      return v.status === 'DONE' && v;
    });
    expect(done.counts).toMatchObject({ READY: 0, SUBMITTED: 2, ALREADY: 1, FAILED: 0, INVALID: 4 });
    expect(await nominationCount()).toBe(before + 2);
    const lanRow = done.rows.find((r: { line: number }) => r.line === 2);
    expect(lanRow.dossierNumber).toMatch(/^HS-2025-\d{6}$/);
    const nomination = (await clerk.get(`/nominations/${lanRow.nominationId}`)).body;
    expect(nomination).toMatchObject({ status: 'IN_REVIEW', nominee: { name: lan.name, frontLine: true }, dossier: { achievements: 'Chiến sĩ thi đua cơ sở; sáng kiến “Lớp học số”.' } });
    const minhRow = done.rows.find((r: { line: number }) => r.line === 3);
    expect((await clerk.get(`/nominations/${minhRow.nominationId}`)).body.dossier.achievements).toBe(settings.achievements);

    // Sending again, or uploading again, starts nothing.
    expect((await clerk.post(`/imports/${view.id}/start`)).body).toMatchObject({ status: 'DONE', counts: { SUBMITTED: 2 } });
    expect((await uploadList(clerk, stack.baseUrl, file, settings)).body).toMatchObject({ id: view.id, status: 'DONE' });
    expect(await nominationCount()).toBe(before + 2);
    const listed = (await clerk.get('/imports')).body.items;
    expect(listed.find((i: { id: string }) => i.id === view.id)).toMatchObject({ status: 'DONE', counts: { SUBMITTED: 2 } });
    expect((await clerk.get(`/imports/${view.id}?state=INVALID`)).body).toMatchObject({ rowsTotal: 4, state: 'INVALID' });
  });

  it('takes over a list whose sender died, and does not start twice the row it had started', async () => {
    const [a, b, c] = [person(), person(), person()];
    const view = (await uploadList(clerk, stack.baseUrl, await listWorkbook([row(a), row(b), row(c)]), settings)).body;
    expect(view.counts.READY).toBe(3);
    // The dead sender had started b's workflow but not recorded it, and its lease has run out.
    expect((await clerk.post('/nominations', dossier('GK_DONVI', { nominee: { ...b, position: 'Giáo viên' } }))).status).toBe(201);
    await stack.ds.query(`UPDATE list_import SET status = 'RUNNING', started_by = 'vanthu.so-gddt', started_at = now(), lease_until = now() - interval '1 second' WHERE id = $1`, [view.id]);
    const done = await eventually(async () => {
      const v = (await clerk.get(`/imports/${view.id}`)).body;
      return v.status === 'DONE' && v;
    }, 45_000);
    expect(done.rows.map((r: { state: string }) => r.state)).toEqual(['SUBMITTED', 'ALREADY', 'SUBMITTED']);
  });

  it('refuses what it cannot read, with the reason, and keeps a unit’s lists to its clerks', async () => {
    const refusal = async (file: Buffer, fields = settings) => (await uploadList(clerk, stack.baseUrl, file, fields)).body;
    expect(await refusal(Buffer.from('Họ tên;Năm sinh\nNgô Thị Lan;1985'))).toMatchObject({ code: 'IMPORT_NOT_XLSX', messageVi: expect.stringContaining('.xlsx') });
    expect(await refusal(await listWorkbook([]))).toMatchObject({ code: 'IMPORT_EMPTY' });
    const bomb = new JSZip();
    bomb.file('xl/workbook.xml', '<workbook/>');
    bomb.file('xl/worksheets/sheet1.xml', Buffer.alloc(80 * 1024 * 1024, 0x20));
    expect(await refusal(await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))).toMatchObject({ code: 'IMPORT_TOO_LARGE' });
    expect(await refusal(await listWorkbook(Array.from({ length: 5001 }, (_, i) => [`Người ${i}`])))).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS' });
    expect(await refusal(await listWorkbook([row(person())]), { ...settings, awardCode: 'NO_SUCH' })).toMatchObject({ code: 'UNKNOWN_AWARD' });
    expect(await refusal(await listWorkbook([row(person())]), { ...settings, year: 'two thousand' })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'year' });
    expect((await uploadList(reviewer, stack.baseUrl, await listWorkbook([row(person())]), settings)).body).toMatchObject({ code: 'CLERK_REQUIRED' });
    const noFile = await fetch(`${stack.baseUrl}/imports`, { method: 'POST', headers: { authorization: `Bearer ${clerk.token}` }, body: (() => { const f = new FormData(); for (const [k, v] of Object.entries(settings)) f.append(k, v); return f; })() });
    expect(await noFile.json()).toMatchObject({ code: 'FILE_REQUIRED' });

    // Only invalid rows: nothing to send.
    const bad = (await uploadList(clerk, stack.baseUrl, await listWorkbook([['', 1980, '']]), settings)).body;
    expect(bad.counts).toMatchObject({ INVALID: 1, READY: 0 });
    expect((await clerk.post(`/imports/${bad.id}/start`)).body).toMatchObject({ code: 'IMPORT_NOTHING_TO_SEND' });
    // Another unit's clerk reads the 404 of a list that does not exist; a reviewer is refused.
    expect((await otherUnitClerk.get(`/imports/${bad.id}`)).body).toMatchObject({ code: 'IMPORT_NOT_FOUND' });
    expect((await otherUnitClerk.post(`/imports/${bad.id}/start`)).status).toBe(404);
    expect((await reviewer.get('/imports')).status).toBe(403);
    expect((await clerk.get(`/imports/${bad.id}?state=LOST`)).status).toBe(400);
  });
});
