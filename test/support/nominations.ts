import { randomInt, randomUUID } from 'node:crypto';
import { vote } from './ballots';
import { eventually, type Session, type Stack } from './stack';

let counter = 0;

/**
 * A person to nominate: a fresh valid personal identification number each time (random place code,
 * year of birth and serial, so two test files never draw the same person).
 */
export function person(name?: string, birthYear = 1960 + randomInt(40)) {
  counter += 1;
  const personalId = `${String(1 + randomInt(96)).padStart(3, '0')}0${String(birthYear % 100).padStart(2, '0')}${String(randomInt(1_000_000)).padStart(6, '0')}`;
  return { kind: 'INDIVIDUAL', name: name ?? `Nguyễn Thị Hoa ${process.pid}-${Date.now()}-${counter}`, birthYear, personalId };
}

/** A valid dossier; each call names a different nominee unless told otherwise. No files: cite uploaded ones (uploadDocument). */
export function dossier(awardCode: string, overrides: Record<string, unknown> = {}) {
  return {
    nominee: { ...person(), position: 'Giáo viên', frontLine: true },
    awardCode,
    year: 2025,
    achievementPeriod: { from: '2025-01-01', to: '2025-12-31' },
    achievements: 'Hoàn thành xuất sắc nhiệm vụ năm học 2024–2025; sáng kiến cấp cơ sở được công nhận.',
    documents: [] as { name: string; sha256: string; sizeBytes?: number }[],
    ...overrides,
  };
}

/** Uploads a file as the clerk's unit and answers the reference a dossier cites. */
export async function uploadDocument(clerk: Session, baseUrl: string, name = 'bao-cao-thanh-tich.pdf', content = `%PDF-1.4 ${randomUUID()}`) {
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'application/pdf' }), name);
  const res = await fetch(`${baseUrl}/documents`, { method: 'POST', headers: { authorization: `Bearer ${clerk.token}` }, body: form });
  if (res.status !== 201) throw new Error(`upload ${res.status} ${await res.text()}`);
  return (await res.json()) as { name: string; sha256: string; sizeBytes: number; mimeType: string };
}

export async function submit(clerk: Session, awardCode: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await clerk.post('/nominations', dossier(awardCode, overrides));
  if (res.status !== 201) throw new Error(`submit failed ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Waits until the nomination's read model shows an open task of this kind (the workflow got there). */
export function waitForStep(session: Session, id: string, status: string, level?: string, timeoutMs?: number) {
  return eventually(async () => {
    const res = await session.get(`/nominations/${id}`);
    return res.status === 200 && res.body.status === status && (!level || res.body.currentLevel === level) && res.body.tasks.some((t: any) => t.status === 'OPEN') ? res.body : undefined;
  }, timeoutMs);
}

export function waitForStatus(session: Session, id: string, status: string, timeoutMs?: number) {
  return eventually(async () => {
    const res = await session.get(`/nominations/${id}`);
    return res.status === 200 && res.body.status === status ? res.body : undefined;
  }, timeoutMs);
}

const councilSessions = new WeakMap<Stack, Map<string, Session>>();

/**
 * A real session of the council the nomination's route names, through the API: its secretary
 * opens a session for this nomination, every member takes a blind-signed ballot and votes
 * (the first `agree` of them AGREE, by default all; the others DISAGREE), the secretary closes it, and the council workflow's tally
 * moves the nomination on. Members come from the seed; their sign-ins are kept per stack.
 */
export async function councilDecides(stack: Stack, reader: Session, id: string, votes: { agree?: number } = {}) {
  const n = await waitForStep(reader, id, 'AWAITING_COUNCIL');
  const councilId: string = n.dossier.route.find((r: any) => r.level === n.currentLevel).council.councilId;
  const rows: { username: string; role: string }[] = await stack.ds.query(
    `SELECT u.username, m.role FROM council_member m JOIN user_account u ON u.id = m.user_id
      WHERE m.council_id = $1 AND m.from_date <= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AND (m.to_date IS NULL OR m.to_date >= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) ORDER BY u.username`,
    [councilId],
  );
  const cache = councilSessions.get(stack) ?? new Map<string, Session>();
  councilSessions.set(stack, cache);
  const signedIn = async (username: string) => cache.get(username) ?? cache.set(username, await stack.login(username)).get(username)!;
  const members = await Promise.all(rows.map((r) => signedIn(r.username)));
  const secretary = members[rows.findIndex((r) => r.role === 'SECRETARY')];
  const opened = await eventually(async () => {
    const r = await secretary.post(`/councils/${councilId}/sessions`, { nominationIds: [id], deadline: new Date(Date.now() + 10 * 60_000).toISOString() });
    // The session may be refused for a moment while the nomination's posting state settles.
    return r.status === 201 ? r.body.sessionId as string : undefined;
  });
  const agree = votes.agree ?? members.length;
  for (const [i, member] of members.entries()) {
    const { statuses } = await vote(stack.baseUrl, member, opened, { [id]: i < agree ? 'AGREE' : 'DISAGREE' });
    if (statuses.some((s) => s !== 200)) throw new Error(`a council member's ballot was refused: ${statuses.join(', ')}`);
  }
  // Once every member has voted the session closes itself; closing by hand is then refused as such.
  const closed = await secretary.post(`/councils/sessions/${opened}/close`);
  if (closed.status !== 200 && closed.body?.code !== 'SESSION_CLOSED') throw new Error(`closing the session failed: ${closed.status} ${JSON.stringify(closed.body)}`);
  await eventually(async () => ((await reader.get(`/nominations/${id}`)).body.status !== 'AWAITING_COUNCIL' ? true : undefined));
}

/** Approves at the current level, passing the council when the award needs one there. */
export async function approveLevel(stack: Stack, reviewer: Session, id: string, level: string) {
  await waitForStep(reviewer, id, 'IN_REVIEW', level);
  const res = await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đủ thành tích theo báo cáo; đã đối chiếu hồ sơ.' });
  if (res.status !== 200) throw new Error(`approve failed ${res.status} ${JSON.stringify(res.body)}`);
  const after = await eventually(async () => {
    const r = await reviewer.get(`/nominations/${id}`);
    return r.body.status !== 'IN_REVIEW' || r.body.currentLevel !== level ? r.body : undefined;
  });
  const next = after.status === 'PUBLIC_POSTING' ? await postingEnds(reviewer, id) : after;
  if (next.status === 'AWAITING_COUNCIL') await councilDecides(stack, reviewer, id);
}

/** Waits out a public posting (the stack must run with a short DEV_POSTING_SECONDS). */
export async function postingEnds(reader: Session, id: string) {
  return eventually(async () => {
    const r = await reader.get(`/nominations/${id}`);
    return r.body.status !== 'PUBLIC_POSTING' ? r.body : undefined;
  }, 60_000);
}

/**
 * Until the nomination's workflow has no workflow task in flight: an action is answered when its
 * event is projected, and the steps that follow at once (a posting, the next task) are projected
 * by the same workflow task a moment later. A test that compares counts before and after waits here.
 */
export async function workflowSettled(stack: Stack, id: string): Promise<void> {
  await eventually(async () => (await stack.temporal.workflow.getHandle(`nomination-${id}`).describe()).raw.pendingWorkflowTask == null);
}

/**
 * A Giấy khen conferred at the unit and an inspector's revocation case against it, open and on the
 * record, for the unit head to decide: what every revocation test starts from.
 */
export async function contestedAward(stack: Stack, who: { clerk: Session; reviewer: Session; head: Session }, nomineeName: string, statement: string, evidenceName = 'ket-luan-thanh-tra.pdf') {
  const nominationId = await submit(who.clerk, 'GK_DONVI', { nominee: { ...dossier('GK_DONVI').nominee, name: nomineeName } });
  await approveLevel(stack, who.reviewer, nominationId, 'UNIT');
  await waitForStatus(who.head, nominationId, 'AWAITING_DECISION');
  const decided = await who.head.post(`/nominations/${nominationId}/decide`, { action: 'CONFER' });
  if (decided.status !== 200) throw new Error(`decide failed ${decided.status} ${JSON.stringify(decided.body)}`);
  const [{ id: registerId }] = await stack.ds.query(`SELECT id FROM award_register WHERE nomination_id = $1`, [nominationId]);
  const inspector = await stack.login('thanhtra.tinh');
  const evidence = await uploadDocument(inspector, stack.baseUrl, evidenceName);
  const opened = await inspector.post('/revocations', { registerId, ground: 'FALSE_DOCUMENTS', statement, evidence: [evidence] });
  if (opened.status !== 201) throw new Error(`opening the case failed ${opened.status} ${JSON.stringify(opened.body)}`);
  const caseId: string = opened.body.caseId;
  await eventually(async () => ((await who.head.get(`/revocations/${caseId}`)).body.trail?.length ?? 0) >= 1);
  return { nominationId, registerId: registerId as string, caseId };
}
