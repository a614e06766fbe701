import { eventually, startStack, type Session, type Stack } from '../support/stack';
import { person, submit, waitForStep } from '../support/nominations';
import { recordHistory } from '../support/histories';

/**
 * Registration for a year of the movement (đăng ký thi đua) through the real API, worker, Temporal
 * and PostgreSQL: the unit's clerk prepares it and sends it, the head returns or approves it, every
 * step is audited and told to whoever must act; a late one is marked late; and at year end the
 * dossier and the eligibility engine know whether the nominee registered.
 */
describe('registrations', () => {
  let stack: Stack;
  let clerk: Session, head: Session, reviewer: Session, otherClerk: Session, inspector: Session;
  beforeAll(async () => {
    // The province requires registration for the grassroots emulation fighter title.
    stack = await startStack({ ELIGIBILITY_POLICY: JSON.stringify({ registrationRequiredFor: ['CSTDCS'] }) });
    [clerk, head, reviewer, otherClerk, inspector] = await Promise.all(['vanthu.so-gddt', 'thutruong.so-gddt', 'thamdinh.so-gddt', 'vanthu.so-yte', 'thanhtra'].map((u) => stack.login(u)));
  });
  afterAll(() => stack?.close());

  const waitStatus = (id: string, status: string) => eventually(async () => {
    const r = (await clerk.get(`/registrations/${id}`)).body;
    return r.status === status && r;
  });

  it('goes from the clerk to the head and back, then is approved; each step audited and told', async () => {
    const opened = await clerk.post('/registrations', { year: 2031 });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ unitId: 'so-gddt', year: 2031, status: 'OPEN', deadline: '2031-03-31', lateRule: 'FLAG' });
    const id = opened.body.id;
    expect((await clerk.post('/registrations', { year: 2031 })).status).toBe(200);

    const lan = person('Ngô Thị Lan', 1985);
    const set = await clerk.request('PUT', `/registrations/${id}/entries`, {
      pledge: 'Hoàn thành 100% chỉ tiêu năm học; 30% giáo viên có sáng kiến cấp cơ sở.',
      entries: [
        { kind: 'COLLECTIVE', name: 'Tổ Toán - Tin', awardCode: 'TTLDTT' },
        { kind: 'INDIVIDUAL', name: lan.name, birthYear: 1985, personalId: lan.personalId, awardCode: 'CSTDCS', position: 'Giáo viên' },
      ],
    });
    expect(set.status).toBe(200);
    expect(set.body.entries).toEqual([
      expect.objectContaining({ line: 1, kind: 'COLLECTIVE', name: 'Tổ Toán - Tin', awardCode: 'TTLDTT' }),
      expect.objectContaining({ line: 2, kind: 'INDIVIDUAL', name: 'Ngô Thị Lan', awardCode: 'CSTDCS', personalIdLast4: lan.personalId.slice(-4) }),
    ]);
    // The number is kept nowhere: not in the read model, not in the workflow's history (the codec aside, it never went in).
    expect((await stack.ds.query(`SELECT count(*)::int AS n FROM registration_entry WHERE row_to_json(registration_entry)::text LIKE $1`, [`%${lan.personalId}%`]))[0].n).toBe(0);
    // A form of commendation is not registered; the head cannot send it.
    expect((await clerk.request('PUT', `/registrations/${id}/entries`, { pledge: '', entries: [{ kind: 'INDIVIDUAL', name: lan.name, birthYear: 1985, personalId: lan.personalId, awardCode: 'BK_TINH' }] })).body).toMatchObject({ code: 'NOT_A_TITLE', field: 'entries.0.awardCode' });
    expect((await head.post(`/registrations/${id}/submit`)).body).toMatchObject({ code: 'CLERK_REQUIRED' });

    expect((await clerk.post(`/registrations/${id}/submit`)).body).toMatchObject({ status: 'SUBMITTED', late: false });
    expect((await clerk.request('PUT', `/registrations/${id}/entries`, { pledge: '', entries: [] })).body).toMatchObject({ code: 'REGISTRATION_LOCKED' });
    const told = (await head.get('/notifications')).body.items.map((n: { subjectVi: string }) => n.subjectVi);
    expect(told).toContain('Đăng ký thi đua năm 2031 chờ duyệt');
    expect((await head.post(`/registrations/${id}/return`, { reason: 'ngắn' })).body).toMatchObject({ code: 'REASON_REQUIRED' });
    expect((await head.post(`/registrations/${id}/return`, { reason: 'Bổ sung giao ước của tổ chuyên môn.' })).body).toMatchObject({ status: 'RETURNED', returnedReason: 'Bổ sung giao ước của tổ chuyên môn.' });
    // Corrected without typing the person's number again: kept lines stay as they were.
    const corrected = await clerk.request('PUT', `/registrations/${id}/entries`, { pledge: 'Giao ước của trường và của tổ chuyên môn.', entries: [{ keepLine: 2 }, { keepLine: 1 }] });
    expect(corrected.body.entries.map((e: { name: string; personalIdLast4?: string }) => [e.name, e.personalIdLast4])).toEqual([['Ngô Thị Lan', lan.personalId.slice(-4)], ['Tổ Toán - Tin', undefined]]);
    expect((await clerk.request('PUT', `/registrations/${id}/entries`, { pledge: '', entries: [{ keepLine: 9 }] })).body).toMatchObject({ code: 'NO_SUCH_LINE', field: 'entries.0.keepLine' });
    expect((await clerk.post(`/registrations/${id}/submit`)).body.status).toBe('SUBMITTED');
    const approved = await head.post(`/registrations/${id}/approve`);
    expect(approved.body).toMatchObject({ status: 'APPROVED', approvedBy: 'thutruong.so-gddt', entryCount: 2 });
    expect((await head.post(`/registrations/${id}/approve`)).status).toBe(409);

    const trail = await stack.ds.query(`SELECT event_type FROM audit_log WHERE stream = $1 ORDER BY stream_seq`, [`registration:${id}`]);
    expect(trail.map((t: { event_type: string }) => t.event_type)).toEqual(['RegistrationOpened', 'RegistrationEdited', 'RegistrationSubmitted', 'RegistrationReturned', 'RegistrationEdited', 'RegistrationSubmitted', 'RegistrationApproved']);
    // Another unit reads the 404 of a registration that does not exist; the inspector reads it.
    expect((await otherClerk.get(`/registrations/${id}`)).body).toMatchObject({ code: 'REGISTRATION_NOT_FOUND' });
    expect((await otherClerk.post(`/registrations/${id}/approve`)).status).toBe(404);
    expect((await inspector.get('/registrations?year=2031')).body.items.map((r: { id: string }) => r.id)).toContain(id);
    expect((await otherClerk.get('/registrations?year=2031')).body.items).toEqual([]);
    const [{ workflow_id: workflowId }] = await stack.ds.query(`SELECT workflow_id FROM registration WHERE id = $1`, [id]);
    await recordHistory(stack, workflowId, 'registration-returned-then-approved');
  });

  it('marks one sent after its deadline late, tells the unit it is overdue, and the year-end dossier and eligibility read it', async () => {
    const id = (await clerk.post('/registrations', { year: 2025 })).body.id;
    // Opened after its deadline: the workflow tells the clerks and the head at once.
    await eventually(async () => (await clerk.get('/notifications')).body.items.some((n: { subjectVi: string }) => n.subjectVi === 'Quá hạn đăng ký thi đua năm 2025'));
    const [registered, unregistered] = [person('Đinh Văn Đăng Ký', 1980), person('Lý Thị Chưa Đăng Ký', 1982)];
    await clerk.request('PUT', `/registrations/${id}/entries`, { pledge: 'Giao ước 2025', entries: [{ kind: 'INDIVIDUAL', name: registered.name, birthYear: 1980, personalId: registered.personalId, awardCode: 'CSTDCS' }] });
    expect((await clerk.post(`/registrations/${id}/submit`)).body).toMatchObject({ status: 'SUBMITTED', late: true });
    await head.post(`/registrations/${id}/approve`);
    await waitStatus(id, 'APPROVED');

    const withReg = await submit(clerk, 'CSTDCS', { nominee: { ...registered, position: 'Giáo viên' } });
    const without = await submit(clerk, 'CSTDCS', { nominee: { ...unregistered, position: 'Giáo viên' } });
    expect((await clerk.get(`/nominations/${withReg}`)).body.registration).toEqual({ registrationId: id, status: 'APPROVED', late: true });
    expect((await clerk.get(`/nominations/${without}`)).body.registration).toBeNull();
    const guardOf = async (nid: string) => {
      await waitForStep(reviewer, nid, 'IN_REVIEW', 'UNIT');
      const e = (await reviewer.get(`/nominations/${nid}`)).body.eligibility;
      return e.guards.find((g: { id: string }) => g.id === 'GUARD.registered');
    };
    expect(await guardOf(withReg)).toMatchObject({ outcome: 'MET', facts: { late: true } });
    expect(await guardOf(without)).toMatchObject({ outcome: 'NOT_MET', reasonVi: expect.stringContaining('Không có đăng ký thi đua') });
  });

  it('refuses a year out of range, and a reviewer opening one', async () => {
    expect((await clerk.post('/registrations', { year: 1990 })).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'year' });
    expect((await reviewer.post('/registrations', { year: 2026 })).body).toMatchObject({ code: 'CLERK_REQUIRED' });
    expect((await clerk.get('/registrations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
