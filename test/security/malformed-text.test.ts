import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { postComment } from '../support/comments';
import { randomUUID } from 'node:crypto';
import { startStack, type Session, type Stack } from '../support/stack';
import { approveLevel, dossier, submit, waitForStatus, waitForStep, workflowSettled } from '../support/nominations';

/**
 * Text that is valid JSON but cannot be stored: `"\ud800"` (a lone surrogate: jsonb refuses it) and
 * `"\u0000"` (NUL: every PostgreSQL text type refuses it). Accepted once, such a comment used to fail
 * the nomination's projection on every retry, and the workflow never completed a task again
 * (docs/security.md). Each attack goes through the real API, worker, Temporal and PostgreSQL.
 */
describe('text that cannot be stored is refused at the edge, and no workflow freezes on it', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, provinceReviewer: Session;

  beforeAll(async () => {
    stack = await startStack({ TRUST_PROXY: 'loopback' });
    [clerk, reviewer, provinceReviewer] = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt', 'thamdinh.so-noi-vu'].map((u) => stack.login(u)));
  });
  afterAll(() => stack?.close());

  /** A raw request whose body is sent byte for byte (JSON.stringify would escape what the attacker writes). */
  const raw = async (method: string, urlPath: string, body?: string, token?: string) => {
    const res = await fetch(`${stack.baseUrl}${urlPath}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${1 + Math.floor(Math.random() * 250)}`, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  const failedTasks = async (id: string) => {
    const history = await stack.temporal.workflow.getHandle(`nomination-${id}`).fetchHistory();
    return history.events!.filter((e) => e.workflowTaskFailedEventAttributes || e.workflowTaskTimedOutEventAttributes).length;
  };

  it('a public comment with a lone surrogate is refused with a reason in both languages; the posting goes on and takes the next comment', async () => {
    const id = await submit(clerk, 'HCLD3', { nominee: { ...dossier('HCLD3').nominee, name: 'Phạm Văn Công Khai' } });
    await approveLevel(stack, reviewer, id, 'UNIT');
    await waitForStep(provinceReviewer, id, 'IN_REVIEW', 'PROVINCE');
    expect((await provinceReviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ và xác nhận thành tích.' })).status).toBe(200);
    await waitForStatus(provinceReviewer, id, 'PUBLIC_POSTING');

    for (const text of ['Ý kiến \\ud800 của người dân về hồ sơ này', 'Ý kiến \\udc00\\ud800 đảo ngược', 'Ý kiến có ký tự \\u0000 rỗng trong câu']) {
      const res = await raw('POST', `/public/nominations/${id}/comments`, `{"text":"${text}","authorName":"Người dân"}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'MALFORMED_TEXT', kind: 'INVALID', field: 'body.text', messageVi: expect.stringContaining('gõ lại'), messageEn: expect.stringContaining('retype') });
    }
    // In a key too, and in the author's name.
    expect((await raw('POST', `/public/nominations/${id}/comments`, '{"text":"Một ý kiến bình thường về hồ sơ","authorName":"Tr\\ud83dn"}')).body).toMatchObject({ code: 'MALFORMED_TEXT', field: 'body.authorName' });

    // An emoji is a well-formed surrogate pair: accepted, and the workflow records it.
    const fine = await postComment(stack.baseUrl, id, JSON.parse('{"text":"Tôi đồng ý với hồ sơ này \\ud83d\\udc4d, ông rất tận tụy.","authorName":"Người dân"}'), '198.51.100.9');
    expect(fine.status).toBe(201);
    await workflowSettled(stack, id);
    const after = await provinceReviewer.get(`/nominations/${id}`);
    expect(after.body).toMatchObject({ status: 'PUBLIC_POSTING', posting: { comments: 1, unanswered: 1 } });
    expect(await failedTasks(id)).toBe(0);
  });

  it('a clerk’s amend with a lone surrogate is refused; the dossier is unchanged and can still be amended', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    const refused = await raw('POST', `/nominations/${id}/amend`, '{"achievements":"Hoàn thành \\ud800 nhiệm vụ","note":"sửa"}', clerk.token);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'MALFORMED_TEXT', field: 'body.achievements' });
    const amended = await clerk.post(`/nominations/${id}/amend`, { achievements: 'Hoàn thành xuất sắc nhiệm vụ năm học.', note: 'Sửa lỗi chính tả' });
    expect(amended.status).toBe(200);
    await workflowSettled(stack, id);
    expect(await failedTasks(id)).toBe(0);
  });

  it('the lists and searches that answered 500 answer 400 with a reason: a NUL in a search, a date that does not exist', async () => {
    for (const url of ['/nominees?q=%00', '/drafts?q=a%00b', '/inbox?q=%00']) {
      const res = await clerk.get(url);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'MALFORMED_TEXT', messageVi: expect.any(String), messageEn: expect.any(String) });
    }
    const noSuchDay = await reviewer.get(`/inbox?dueBefore=${encodeURIComponent('2025-02-30T00:00:00Z')}`);
    expect(noSuchDay.status).toBe(400);
    expect(noSuchDay.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'dueBefore' });
    const nominee = await raw('POST', '/nominees', '{"kind":"INDIVIDUAL","name":"Nguy\\ud800n","birthYear":1980}', clerk.token);
    expect(nominee.status).toBe(400);
    expect(nominee.body).toMatchObject({ code: 'MALFORMED_TEXT', field: 'body.name' });
    expect((await raw('GET', '/nominations/%ED%A0%80', undefined, clerk.token)).status).toBe(400);
  });

  it('headers over the limit get 431 with a reason in both languages, not a reset connection', async () => {
    const { port } = new URL(stack.baseUrl);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/catalogue', headers: { cookie: `session=${'x'.repeat(60 * 1024)}` } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(431);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'HEADERS_TOO_LARGE', kind: 'INVALID', messageVi: expect.stringContaining('quá lớn'), messageEn: expect.stringContaining('too large') });
    // The server goes on serving.
    expect((await fetch(`${stack.baseUrl}/catalogue`)).status).toBe(200);
  });

  it('every operation of the API that takes a JSON body refuses one carrying a lone surrogate, before any other check', async () => {
    const doc = JSON.parse(fs.readFileSync(path.join(__dirname, '../../docs/api/openapi.json'), 'utf8')) as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>> };
    const withBodies = Object.entries(doc.paths).flatMap(([template, item]) =>
      Object.entries(item).filter(([, op]) => op.requestBody?.content?.['application/json']).map(([method]) => ({ method: method.toUpperCase(), url: template.replace(/\{[^}]+\}/g, randomUUID()) })),
    );
    expect(withBodies.length).toBeGreaterThan(30);
    const answers = await Promise.all(withBodies.map(async (op) => ({ ...op, res: await raw(op.method, op.url, '{"name":"\\udfff","text":"a","nested":{"deep":["\\ud800"]}}', clerk.token) })));
    const notRefused = answers.filter((a) => a.res.status !== 400 || a.res.body?.code !== 'MALFORMED_TEXT').map((a) => `${a.method} ${a.url} → ${a.res.status} ${a.res.body?.code}`);
    expect(notRefused).toEqual([]);
  });
});
