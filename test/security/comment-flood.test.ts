import { randomBytes } from 'node:crypto';
import { startStack, type Session, type Stack } from '../support/stack';
import { approveLevel, dossier, submit, waitForStatus, waitForStep } from '../support/nominations';
import { postComment } from '../support/comments';

/**
 * A flood of public comments, through the real API, worker, Temporal and PostgreSQL: 200 junk
 * comments from 46 addresses used to spend a nomination's shared daily allowance, lock every citizen
 * out for a day and send the reviewers 200 notices. Now each comment costs a proof of work that
 * grows with the flood, nobody fresh is refused, repeats count on the comment they repeat, and the
 * reviewers get a digest.
 */
describe('a comment flood', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, provinceReviewer: Session;
  beforeAll(async () => {
    stack = await startStack({ VINHDANH_MODE: 'development', DEV_POSTING_SECONDS: '900', TRUST_PROXY: 'loopback', COMMENT_PROOF_WORK: '50' });
    [clerk, reviewer, provinceReviewer] = await Promise.all(['vanthu.so-yte', 'thamdinh.so-yte', 'thamdinh.so-noi-vu'].map((u) => stack.login(u)));
  });
  afterAll(() => stack?.close());

  async function posted(name: string): Promise<string> {
    const id = await submit(clerk, 'HCLD3', { nominee: { ...dossier('HCLD3').nominee, name } });
    await approveLevel(stack, reviewer, id, 'UNIT');
    await waitForStep(provinceReviewer, id, 'IN_REVIEW', 'PROVINCE');
    expect((await provinceReviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ và xác nhận thành tích.' })).status).toBe(200);
    return (await waitForStatus(provinceReviewer, id, 'PUBLIC_POSTING')).id;
  }

  it('costs the flood more and more, never refuses a fresh citizen, merges copies and sends the reviewers a digest', async () => {
    const id = await posted('Hoàng Văn Bị Phá');
    const junk = () => `Ý kiến rác ${randomBytes(6).toString('hex')} ${randomBytes(6).toString('hex')} ${randomBytes(6).toString('hex')}`;
    const factors: number[] = [];
    // 200 junk comments from 46 addresses, as the attack did (five an hour per address at most).
    for (let i = 0; i < 200; i++) {
      const sent = await postComment(stack.baseUrl, id, { text: junk() }, `198.18.${Math.floor(i / 5) % 46}.${1 + (i % 5)}`);
      expect({ i, status: sent.status }).toEqual({ i, status: 201 });
      factors.push(sent.factor!);
    }
    // The work asked grew with the flood: the first at the usual cost, the last at 64 times it.
    expect(factors[0]).toBe(1);
    expect(factors.at(-1)).toBe(64);
    const flood = factors.reduce((a, b) => a + b, 0);
    console.log(`comment flood: 200 comments cost ${flood} times one quiet comment's work (mean ${(flood / 200).toFixed(1)})`);
    expect(flood / 200).toBeGreaterThan(30);

    // A citizen from an address that sent nothing: accepted at once, at the flood's price, not refused for a day.
    const citizen = await postComment(stack.baseUrl, id, { text: 'Tôi là người dân trong xã, xác nhận ông đã cứu hai em nhỏ trong trận lũ năm ngoái.', authorName: 'Y Niê' }, '192.0.2.77');
    expect({ status: citizen.status, merged: citizen.body.merged, factor: citizen.factor }).toEqual({ status: 201, merged: false, factor: 64 });

    // Twenty copies of the citizen's words, a word changed here and there: counted on it, nothing more to answer.
    for (let i = 0; i < 20; i++) {
      const copy = await postComment(stack.baseUrl, id, { text: `Tôi là người dân trong xã, xác nhận ông đã cứu hai em nhỏ trong trận lũ năm ngoái${i % 2 ? '!' : '.'}` }, `192.0.2.${100 + i}`);
      expect(copy.body).toMatchObject({ commentId: citizen.body.commentId, merged: true });
    }
    const comments = (await provinceReviewer.get(`/nominations/${id}/comments`)).body.items;
    expect(comments).toHaveLength(201);
    expect(comments.find((c: { commentId: string }) => c.commentId === citizen.body.commentId).echoes).toBe(20);
    expect((await provinceReviewer.get(`/nominations/${id}`)).body.posting).toMatchObject({ comments: 201, unanswered: 201 });
    const echoed = await stack.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE stream = $1 AND event_type = 'PublicCommentEchoed'`, [`comments:nomination:${id}`]);
    expect(echoed[0].n).toBe(20);

    // The reviewers: one notice an hour for this nomination, not 201 (two if the flood crossed an hour).
    const notices = await stack.ds.query(`SELECT recipient_user_id, count(*)::int AS n FROM notification WHERE nomination_id = $1 AND kind = 'PUBLIC_COMMENT' GROUP BY 1`, [id]);
    expect(notices.length).toBeGreaterThan(0);
    for (const n of notices) expect(n.n).toBeLessThanOrEqual(2);
  });

  it('a proof serves once, for its own nomination, unaltered', async () => {
    const [a, b] = [await posted('Lê Văn Một Lần'), await posted('Lê Văn Hồ Sơ Khác')];
    const headers = { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.200' };
    const { challenge } = (await (await fetch(`${stack.baseUrl}/public/nominations/${a}/comment-challenge`, { headers })).json()) as { challenge: any };
    const { solveChallenge } = await import('altcha-lib');
    const { deriveKey } = await import('altcha-lib/algorithms/sha');
    const solution = await solveChallenge({ challenge, deriveKey });
    const send = (target: string, proof: unknown, text: string) =>
      fetch(`${stack.baseUrl}/public/nominations/${target}/comments`, { method: 'POST', headers, body: JSON.stringify({ text, proof }) }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    expect((await send(b, { challenge, solution }, 'Ý kiến gửi kèm lời giải của hồ sơ khác.')).body).toMatchObject({ code: 'PROOF_INVALID', field: 'proof' });
    // The derived key is the proof (the counter that found it is not secret): another key does not pass.
    const otherKey = `${solution!.derivedKey.slice(0, -2)}${solution!.derivedKey.endsWith('00') ? '11' : '00'}`;
    expect((await send(a, { challenge, solution: { ...solution, derivedKey: otherKey } }, 'Ý kiến với lời giải bị sửa.')).body).toMatchObject({ code: 'PROOF_INVALID' });
    expect((await send(a, { challenge: { ...challenge, parameters: { ...challenge.parameters, expiresAt: challenge.parameters.expiresAt + 86_400 } }, solution }, 'Ý kiến với thử thách bị sửa hạn.')).body).toMatchObject({ code: 'PROOF_INVALID' });
    expect((await send(a, undefined, 'Ý kiến không kèm lời giải thử thách.')).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'proof' });
    expect((await send(a, { challenge, solution }, 'Ý kiến thật sự đầu tiên về hồ sơ.')).status).toBe(201);
    const replay = await send(a, { challenge, solution }, 'Một ý kiến khác dùng lại lời giải cũ.');
    expect({ status: replay.status, code: replay.body.code }).toEqual({ status: 409, code: 'PROOF_SPENT' });
    expect(replay.body.messageVi).toContain('thử thách mới');
  });
});
