import ExcelJS from 'exceljs';
import { startStack, type Session, type Stack } from '../support/stack';
import { approveLevel, dossier, person, submit, waitForStatus } from '../support/nominations';

/**
 * The statistical report of commendation through the real stack: decisions signed on the ladder
 * are counted by award, level and unit, with the priority groups, within the reader's scope, as
 * data and as the workbook Sở Nội vụ files.
 */
describe('statistical report of commendation', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, head: Session, otherClerk: Session, inspector: Session;
  let today: string;

  beforeAll(async () => {
    stack = await startStack();
    [clerk, reviewer, head, otherClerk, inspector] = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt', 'thutruong.so-gddt', 'vanthu.so-yte', 'thanhtra'].map((u) => stack.login(u)));
    // Three Giấy khen conferred: two to front-line individuals, one to a collective.
    const ids = [
      await submit(clerk, 'GK_DONVI', { nominee: { ...person(), position: 'Giáo viên', frontLine: true } }),
      await submit(clerk, 'GK_DONVI', { nominee: { ...person(), position: 'Giáo viên', frontLine: true } }),
      await submit(clerk, 'GK_DONVI', { nominee: { ...person(), position: 'Phó hiệu trưởng', frontLine: false } }),
    ];
    for (const id of ids) {
      await approveLevel(stack, reviewer, id, 'UNIT');
      await waitForStatus(head, id, 'AWAITING_DECISION');
      expect((await head.post(`/nominations/${id}/decide`, { action: 'CONFER' })).status).toBe(200);
      await waitForStatus(head, id, 'AWARDED');
    }
    today = (await head.get(`/nominations/${ids[0]}`)).body.decision.issuedOn;
  });
  afterAll(() => stack?.close());

  it('counts the period’s awards by award, deciding level and unit, with the priority groups', async () => {
    const res = await clerk.get(`/reports/commendations?from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    const gk = res.body.byAward.find((r: { key: string }) => r.key === 'GK_DONVI');
    expect(gk).toMatchObject({ labelVi: expect.stringMatching(/^Giấy khen/), individuals: 3, total: 3, priority: 2 });
    expect(res.body.byLevel).toEqual([expect.objectContaining({ key: 'UNIT', total: 3 })]);
    expect(res.body.byUnit).toEqual([expect.objectContaining({ key: 'so-gddt', labelVi: 'Sở Giáo dục và Đào tạo', total: 3 })]);
    // Another unit's clerk sees none of them; the province's inspector sees all.
    expect((await otherClerk.get(`/reports/commendations?from=${today}&to=${today}`)).body.total.total).toBe(0);
    expect((await inspector.get(`/reports/commendations?from=${today}&to=${today}`)).body.total.total).toBeGreaterThanOrEqual(3);
    // A period before them counts nothing.
    expect((await clerk.get('/reports/commendations?from=2020-01-01&to=2020-12-31')).body.total.total).toBe(0);
  });

  it('files as a workbook of three sheets, with the issuer, the period and the totals', async () => {
    const res = await fetch(`${stack.baseUrl}/reports/commendations.xlsx?from=${today}&to=${today}`, { headers: { authorization: `Bearer ${clerk.token}` } });
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Theo hình thức', 'Theo cấp quyết định', 'Theo đơn vị']);
    const sheet = wb.worksheets[0];
    const text = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1).map(String);
    expect(text(1)).toEqual(['SỞ GIÁO DỤC VÀ ĐÀO TẠO']);
    expect(text(3)).toEqual(['BÁO CÁO THỐNG KÊ KẾT QUẢ KHEN THƯỞNG THEO HÌNH THỨC']);
    const [y, m, d] = today.split('-');
    expect(text(4)).toEqual([`Quyết định ký từ ngày ${d}/${m}/${y} đến ngày ${d}/${m}/${y}`]);
    expect(text(5)[1]).toBe('Hình thức khen thưởng');
    expect(text(6)).toEqual(['1', expect.stringMatching(/^Giấy khen/), '3', '0', '0', '3', '2', '66.7']);
    expect(text(7)).toEqual(['', 'Tổng cộng', '3', '0', '0', '3', '2', '66.7']);
  });

  it('refuses a period that is not one, with the field', async () => {
    expect((await clerk.get('/reports/commendations?from=2025-12-31&to=2025-01-01')).body).toMatchObject({ code: 'BAD_PERIOD', field: 'from' });
    expect((await clerk.get('/reports/commendations?from=2025-02-30&to=2025-12-31')).body).toMatchObject({ field: 'from' });
    expect((await clerk.get('/reports/commendations.xlsx?from=2025-01-01')).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
  });
});
