import { randomInt, randomUUID } from 'node:crypto';
import { councilResultSignal } from '@vinhdanh/workflows/nomination/messages';
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

/** Stands in for a council session (council issue) by sending the workflow its result signal. */
export async function councilPasses(stack: Stack, reader: Session, id: string, result: 'PASSED' | 'FAILED' | 'NO_QUORUM' = 'PASSED') {
  const n = await waitForStep(reader, id, 'AWAITING_COUNCIL');
  const route = n.dossier.route.find((r: any) => r.level === n.currentLevel);
  await stack.temporal.workflow.getHandle(n.workflowId).signal(councilResultSignal, {
    sessionId: 'test-session',
    councilId: route.council.councilId,
    result,
    reasonVi: result === 'PASSED' ? 'Đạt 7/9 phiếu đồng ý' : 'Không đạt: 3/9 phiếu đồng ý',
    reasonEn: result === 'PASSED' ? '7 of 9 in favour' : 'Failed: 3 of 9 in favour',
    ruleKey: route.council.ruleKey,
    tallyRef: 'test-tally',
  });
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
  if (next.status === 'AWAITING_COUNCIL') await councilPasses(stack, reviewer, id);
}

/** Waits out a public posting (the stack must run with a short DEV_POSTING_SECONDS). */
export async function postingEnds(reader: Session, id: string) {
  return eventually(async () => {
    const r = await reader.get(`/nominations/${id}`);
    return r.body.status !== 'PUBLIC_POSTING' ? r.body : undefined;
  }, 60_000);
}
