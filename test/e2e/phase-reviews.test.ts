import ExcelJS from 'exceljs';
import { eventually, startStack, type Session, type Stack } from '../support/stack';
import { dossier } from '../support/nominations';
import { holdRow } from '../support/row-lock';
import { recordHistory } from '../support/histories';
import { phaseReviewWorkflowId, unitReportWorkflowId } from '@vinhdanh/domain/movement/phase-review';

/**
 * A phase review (sơ kết) through the real API, worker, Temporal and PostgreSQL: Sở Nội vụ opens it,
 * each unit's report task is its own child workflow, units report (one late), Sở Nội vụ closes, the
 * unit that never reported is missing, and the figures add up into the provincial report. A forged
 * close signal at the frontend closes nothing.
 */
describe('phase reviews', () => {
  let stack: Stack;
  let snv: Session, gddt: Session, yteHead: Session, otherReviewer: Session, caosu: Session;
  beforeAll(async () => {
    stack = await startStack();
    [snv, gddt, yteHead, otherReviewer, caosu] = await Promise.all(['thamdinh.so-noi-vu', 'vanthu.so-gddt', 'thutruong.so-yte', 'thamdinh.so-gddt', 'vanthu.cty-cao-su'].map((u) => stack.login(u)));
  });
  afterAll(() => stack?.close());

  const figures = (n: number) => ({ collectivesCommended: n, individualsCommended: 4 * n, frontLineCommended: 2 * n, modelsFound: 1, initiatives: n });

  it('fans out one task per unit, takes the reports, closes, and aggregates', async () => {
    expect((await otherReviewer.post('/phase-reviews', { movementId: 'ke-hoach-823-kh-ubnd-2022', phase: 'SO_KET', deadline: '2023-12-31' })).body).toMatchObject({ code: 'HOME_AFFAIRS_REQUIRED' });
    // The deadline passed two days ago, within the 30 days' grace: reports are taken and marked late.
    const deadline = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const opened = await snv.post('/phase-reviews', { movementId: 'ke-hoach-823-kh-ubnd-2022', phase: 'SO_KET', deadline, unitIds: ['so-gddt', 'so-yte', 'cty-cao-su'] });
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    expect(opened.body).toMatchObject({ phase: 'SO_KET', status: 'OPEN', titleVi: expect.stringContaining('sơ kết') });
    expect(opened.body.units.map((u: { unitId: string; status: string }) => [u.unitId, u.status]).sort()).toEqual([['cty-cao-su', 'OPEN'], ['so-gddt', 'OPEN'], ['so-yte', 'OPEN']]);
    // Each unit's task is a child workflow of its own.
    const child = await stack.temporal.workflow.getHandle(unitReportWorkflowId(id, 'so-gddt')).describe();
    expect(child.parentExecution?.workflowId).toBe(phaseReviewWorkflowId(id));
    await eventually(async () => (await gddt.get('/notifications')).body.items.some((n: { subjectVi: string }) => n.subjectVi === 'Quá hạn báo cáo sơ kết, tổng kết'));

    // A commendation proposed at the review is counted against its unit; a unit not asked to report cannot.
    const atReview = await gddt.post('/nominations', dossier('GK_DONVI', { phaseReviewId: id }));
    expect(atReview.status).toBe(201);
    expect((await gddt.get(`/nominations/${atReview.body.id}`)).body.dossier.phaseReviewId).toBe(id);
    const xa = await stack.login('vanthu.xa-dak-ha');
    expect((await xa.post('/nominations', dossier('GK_XA', { phaseReviewId: id }))).body).toMatchObject({ code: 'NOT_IN_REVIEW', field: 'phaseReviewId' });
    expect((await snv.get(`/phase-reviews/${id}`)).body.units.find((u: { unitId: string }) => u.unitId === 'so-gddt')).toMatchObject({ proposedAtReview: 1, awardedAtReview: 0 });

    // A unit sees only its own report; another unit's staff cannot report for it.
    expect((await gddt.get(`/phase-reviews/${id}`)).body.units.map((u: { unitId: string }) => u.unitId)).toEqual(['so-gddt']);
    const sent = await gddt.post(`/phase-reviews/${id}/report`, { figures: figures(2), summary: 'Sơ kết giai đoạn 2020–2023: phong trào “Dạy tốt, học tốt” lan tỏa.' });
    expect(sent.status).toBe(200);
    expect(sent.body.units[0]).toMatchObject({ unitId: 'so-gddt', status: 'SUBMITTED', late: true, figures: figures(2) });
    expect((await gddt.post(`/phase-reviews/${id}/report`, { figures: figures(2), summary: 'Gửi lại lần thứ hai cho chắc.' })).body).toMatchObject({ code: 'REPORT_CLOSED' });
    expect((await yteHead.post(`/phase-reviews/${id}/report`, { figures: { ...figures(1), frontLineCommended: 9 }, summary: 'Báo cáo của Sở Y tế.' })).body).toMatchObject({ code: 'BAD_FIGURE', field: 'figures.frontLineCommended' });
    await yteHead.post(`/phase-reviews/${id}/report`, { figures: figures(1), summary: 'Sơ kết của Sở Y tế: y đức, cải cách hành chính.' });

    // A forged close signal from the Temporal frontend (no payload to authenticate) closes nothing.
    await stack.temporal.workflow.getHandle(unitReportWorkflowId(id, 'cty-cao-su')).signal('closeReport');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await snv.get(`/phase-reviews/${id}`)).body.units.find((u: { unitId: string }) => u.unitId === 'cty-cao-su').status).toBe('OPEN');

    expect((await gddt.post(`/phase-reviews/${id}/close`)).status).toBe(403);
    expect((await snv.post(`/phase-reviews/${id}/close`)).status).toBe(200);
    // Every unit's task closes and the figures are added up: a fan-in of child workflows, slow on a loaded two-core machine.
    const done = await eventually(async () => {
      const r = (await snv.get(`/phase-reviews/${id}`)).body;
      return r.status === 'AGGREGATED' && r;
    }, 60_000);
    expect(done.totals).toEqual({ units: 3, submitted: 2, late: 2, missing: 1, figures: { collectivesCommended: 3, individualsCommended: 12, frontLineCommended: 6, modelsFound: 2, initiatives: 3 } });
    expect(done.units.find((u: { unitId: string }) => u.unitId === 'cty-cao-su').status).toBe('MISSING');
    expect((await caosu.post(`/phase-reviews/${id}/report`, { figures: figures(1), summary: 'Báo cáo sau khi đã đóng đợt.' })).status).toBe(409);

    const res = await fetch(`${stack.baseUrl}/phase-reviews/${id}/report.xlsx`, { headers: { authorization: `Bearer ${snv.token}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const rows = wb.worksheets[0].getSheetValues().filter(Array.isArray).map((r) => (r as unknown[]).slice(1).map(String));
    expect(rows.find((r) => r[1] === 'Tổng cộng')).toEqual(['', 'Tổng cộng', '2/3 đơn vị', '3', '12', '6', '2', '3']);
    expect(rows.find((r) => r[1] === 'Công ty TNHH MTV Cao su Đắk Nông')?.[2]).toBe('Không báo cáo');
    expect((await gddt.get(`/phase-reviews/${id}/report.xlsx`)).status).toBe(403);
    const trail = await stack.ds.query(`SELECT event_type FROM audit_log WHERE stream = $1 ORDER BY stream_seq`, [`phase-review:${id}`]);
    expect(trail.map((t: { event_type: string }) => t.event_type)).toEqual(expect.arrayContaining(['PhaseReviewOpened', 'UnitReportSubmitted', 'UnitReportMissing', 'PhaseReviewClosing', 'PhaseReviewAggregated']));
    await recordHistory(stack, unitReportWorkflowId(id, 'so-gddt'), 'unit-report-submitted-late');
    await recordHistory(stack, unitReportWorkflowId(id, 'cty-cao-su'), 'unit-report-missing-forged-close');
  });

  it('tells the units’ tasks only once its closing is recorded, so none disbelieves the close and stays open', async () => {
    // A unit's task believes a close signal only if the review's closing is recorded (a signal from the
    // frontend is not authenticated). Hold the review's row so that recording the closing waits mid-transaction.
    const id = (await snv.post('/phase-reviews', { movementId: 'ke-hoach-823-kh-ubnd-2022', phase: 'SO_KET', deadline: '2099-10-31', unitIds: ['cty-cao-su'] })).body.id;
    await eventually(async () => (await snv.get(`/phase-reviews/${id}`)).body.units?.length === 1);
    const held = await holdRow(stack.config.databaseUrl, 'phase_review', id);
    const closed = snv.post(`/phase-reviews/${id}/close`);
    try {
      await held.waitedOn();
      // The closing's activity is running (its update waits on the row): no unit has been told yet.
      const events = (await stack.temporal.workflow.getHandle(phaseReviewWorkflowId(id)).fetchHistory()).events ?? [];
      expect(events.filter((e) => e.signalExternalWorkflowExecutionInitiatedEventAttributes)).toEqual([]);
    } finally {
      await held.release();
    }
    expect((await closed).status).toBe(200);
    const done = await eventually(async () => {
      const r = (await snv.get(`/phase-reviews/${id}`)).body;
      return r.status === 'AGGREGATED' && r;
    }, 60_000);
    expect(done.units).toEqual([expect.objectContaining({ unitId: 'cty-cao-su', status: 'MISSING' })]);
    await recordHistory(stack, phaseReviewWorkflowId(id), 'phase-review-closed-after-record');
  });

  it('closes on its own once the grace after the deadline has run: whoever did not report is missing', async () => {
    const id = (await snv.post('/phase-reviews', { movementId: 'ke-hoach-823-kh-ubnd-2022', phase: 'SO_KET', deadline: '2023-12-31', graceDays: 30, unitIds: ['so-gddt'] })).body.id;
    const done = await eventually(async () => {
      const r = (await snv.get(`/phase-reviews/${id}`)).body;
      return r.status === 'AGGREGATED' && r;
    });
    expect(done.totals).toMatchObject({ units: 1, submitted: 0, missing: 1 });
  });

  it('reads as missing for a unit not asked to report, and refuses units that are not active units', async () => {
    const id = (await snv.post('/phase-reviews', { movementId: 'ke-hoach-823-kh-ubnd-2022', phase: 'TONG_KET', deadline: '2099-10-31', unitIds: ['so-gddt'] })).body.id;
    expect((await caosu.get(`/phase-reviews/${id}`)).body).toMatchObject({ code: 'REVIEW_NOT_FOUND' });
    expect((await snv.post('/phase-reviews', { movementId: 'ke-hoach-823-kh-ubnd-2022', phase: 'SO_KET', deadline: '2025-10-31', unitIds: ['ubnd-tinh'] })).body).toMatchObject({ code: 'UNKNOWN_UNIT', field: 'unitIds.0' });
    expect((await snv.post('/phase-reviews', { movementId: 'no-such', phase: 'SO_KET', deadline: '2025-10-31' })).body).toMatchObject({ code: 'UNKNOWN_MOVEMENT' });
    expect((await snv.get('/phase-reviews')).body.items.map((r: { id: string }) => r.id)).toContain(id);
  });
});
