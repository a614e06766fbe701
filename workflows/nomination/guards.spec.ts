import type { Actor, NominationInput, NominationView, OpenTask } from '@vinhdanh/domain/ladder/nomination';
import { refusal } from '../../test/support/refusal';
import { validateAmend, validateAnswerComment, validateDecide, validatePublicComment, validateReroute, validateResubmit, validateReview, validateWithdraw } from './guards';
import { PostingState } from './posting';

/**
 * The Update validators, case by case: each refusal with its code (the API maps the kind to the
 * status) and the field it names; what they accept is what the ladder's end-to-end tests drive.
 */
const input = { nominationId: 'n1', unitId: 'so-gddt', nominee: { personalIdHash: 'hash-nominee' }, submittedBy: { userId: 'clerk-1' }, route: [{ level: 'UNIT' }, { level: 'PROVINCE' }] } as unknown as NominationInput;
const actor = (roles: Actor['roles'], over: Partial<Actor> = {}): Actor => ({ userId: 'u1', fullName: 'Người dùng', unitId: 'so-gddt', roles, ...over });
const task = (kind: OpenTask['kind'], role: OpenTask['role'], unitId = 'so-gddt'): OpenTask => ({ key: `UNIT:${kind}:0`, kind, level: 'UNIT', unitId, role });
const view = (status: NominationView['status'], t?: OpenTask, more: Partial<NominationView> = {}): NominationView => ({ nominationId: 'n1', status, level: 'UNIT', step: 'X', lastSeq: 2, task: t, ...more });
/** Refusals read `CODE@field` when they name a field. */
const refused = (fn: () => void) => refusal(fn, { withField: true });

describe('review', () => {
  const inReview = view('IN_REVIEW', task('REVIEW', 'REVIEWER'), { eligibility: { outcome: 'UNKNOWN', catalogueVersion: '2025.2', summaryVi: '', summaryEn: '' } });
  const reviewer = actor(['REVIEWER']);
  it.each([
    ['a reviewer of the unit approving with a justification', inReview, reviewer, { action: 'APPROVE', justification: 'Đã đối chiếu' }, 'ACCEPTED'],
    ['approval against a negative check without a justification', inReview, reviewer, { action: 'APPROVE' }, 'JUSTIFICATION_REQUIRED@justification'],
    ['approval when the check says eligible, with none', view('IN_REVIEW', task('REVIEW', 'REVIEWER'), { eligibility: { outcome: 'ELIGIBLE', catalogueVersion: 'v', summaryVi: '', summaryEn: '' } }), reviewer, { action: 'APPROVE' }, 'ACCEPTED'],
    ['a clerk', inReview, actor(['CLERK']), { action: 'APPROVE', justification: 'x' }, 'ROLE_REQUIRED'],
    ['a reviewer of another unit', inReview, actor(['REVIEWER'], { unitId: 'so-yte' }), { action: 'APPROVE', justification: 'x' }, 'WRONG_UNIT'],
    ['the nominee themself', inReview, actor(['REVIEWER'], { conflicts: { personalIdHash: 'hash-nominee', declared: [], relativesOf: [] } as never }), { action: 'APPROVE', justification: 'x' }, 'CONFLICT_OF_INTEREST'],
    ['a rejection without a reason', inReview, reviewer, { action: 'REJECT', reason: '  ' }, 'REASON_REQUIRED@reason'],
    ['supplements without a list', inReview, reviewer, { action: 'REQUEST_SUPPLEMENTS', items: [] }, 'ITEMS_REQUIRED@items'],
    ['supplements with a deadline of 91 days', inReview, reviewer, { action: 'REQUEST_SUPPLEMENTS', items: ['Biên bản'], deadlineDays: 91 }, 'BAD_DEADLINE@deadlineDays'],
    ['supplements asked by the President’s Office', view('IN_REVIEW', task('REVIEW', 'REVIEWER'), { step: 'PRESIDENT_OFFICE_REVIEW' }), reviewer, { action: 'REQUEST_SUPPLEMENTS', items: ['x'] }, 'NOT_AT_THIS_STEP@action'],
    ['an unknown action', inReview, reviewer, { action: 'LOSE' }, 'BAD_ACTION@action'],
    ['a late twin, once the task is closed', view('AWAITING_DECISION', task('DECISION', 'DECISION_MAKER')), reviewer, { action: 'APPROVE', justification: 'x' }, 'WRONG_STATE'],
  ])('%s', (_, v, who, args, expected) => {
    expect(refused(() => validateReview(input, v as NominationView, { ...(args as object), actor: who } as never))).toBe(expected);
  });
});

describe('amend (corrections before the first review)', () => {
  const firstReview = view('IN_REVIEW', task('REVIEW', 'REVIEWER'));
  const clerk = actor(['CLERK']);
  it.each([
    ['the unit’s clerk correcting the text', firstReview, clerk, { achievements: 'Đã sửa' }, 'ACCEPTED'],
    ['the unit’s clerk replacing the files', firstReview, clerk, { documents: [] }, 'ACCEPTED'],
    ['a clerk of another unit', firstReview, actor(['CLERK'], { unitId: 'so-yte' }), { achievements: 'x' }, 'WRONG_UNIT'],
    ['the reviewer', firstReview, actor(['REVIEWER']), { achievements: 'x' }, 'ROLE_REQUIRED'],
    ['nothing to correct', firstReview, clerk, {}, 'NOTHING_TO_AMEND@changes'],
    ['an emptied summary', firstReview, clerk, { achievements: ' ' }, 'ACHIEVEMENTS_REQUIRED@changes.achievements'],
    ['after a supplement round began', view('IN_REVIEW', { ...task('REVIEW', 'REVIEWER'), key: 'UNIT:REVIEW:1' }), clerk, { achievements: 'x' }, 'AMEND_CLOSED'],
    ['at the province', view('IN_REVIEW', { ...task('REVIEW', 'REVIEWER'), level: 'PROVINCE', key: 'PROVINCE:REVIEW:0' }), clerk, { achievements: 'x' }, 'AMEND_CLOSED'],
    ['while supplements are asked', view('SUPPLEMENT_REQUESTED', task('SUPPLEMENT', 'CLERK')), clerk, { achievements: 'x' }, 'AMEND_CLOSED'],
  ])('%s', (_, v, who, changes, expected) => {
    expect(refused(() => validateAmend(input, v as NominationView, { actor: who, changes } as never))).toBe(expected);
  });
});

describe('resubmit, withdraw, decide', () => {
  it('a resubmission’s files answer items the request has, and a correction keeps a summary', () => {
    const waiting = view('SUPPLEMENT_REQUESTED', task('SUPPLEMENT', 'CLERK'), { supplement: { items: ['Biên bản', 'Quyết định'], deadline: '2026-12-31', round: 1 } });
    const file = (item?: number) => ({ name: 'a.pdf', sha256: 'a'.repeat(64), ...(item === undefined ? {} : { item }) });
    expect(refused(() => validateResubmit(input, waiting, { actor: actor(['CLERK']), note: 'x', documents: [file(0), file(1), file()] } as never))).toBe('ACCEPTED');
    expect(refused(() => validateResubmit(input, waiting, { actor: actor(['CLERK']), note: 'x', documents: [file(0), file(2)] } as never))).toBe('UNKNOWN_ITEM@documents.1.item');
    expect(refused(() => validateResubmit(input, waiting, { actor: actor(['CLERK']), note: 'x', documents: [file(-1)] } as never))).toBe('UNKNOWN_ITEM@documents.0.item');
    expect(refused(() => validateResubmit(input, waiting, { actor: actor(['CLERK']), note: 'x', documents: [], changes: { achievements: '' } } as never))).toBe('ACHIEVEMENTS_REQUIRED@changes.achievements');
    expect(refused(() => validateResubmit(input, waiting, { actor: actor(['CLERK']), note: 'x', documents: [], changes: { achievements: 'Đã sửa' } } as never))).toBe('ACCEPTED');
  });

  it('a resubmission needs the supplement step, the unit’s clerk and a note', () => {
    const waiting = view('SUPPLEMENT_REQUESTED', task('SUPPLEMENT', 'CLERK'));
    expect(refused(() => validateResubmit(input, waiting, { actor: actor(['CLERK']), note: 'Đã bổ sung', documents: [] } as never))).toBe('ACCEPTED');
    expect(refused(() => validateResubmit(input, waiting, { actor: actor(['CLERK']), note: '', documents: [] } as never))).toBe('NOTE_REQUIRED@note');
    expect(refused(() => validateResubmit(input, view('IN_REVIEW', task('REVIEW', 'REVIEWER')), { actor: actor(['CLERK']), note: 'x', documents: [] } as never))).toBe('WRONG_STATE');
  });

  it('a withdrawal: the submitting unit’s clerk, with a reason, while the nomination is open', () => {
    expect(refused(() => validateWithdraw(input, view('IN_REVIEW'), { actor: actor(['CLERK']), reason: 'Xin rút' } as never))).toBe('ACCEPTED');
    expect(refused(() => validateWithdraw(input, view('AWARDED'), { actor: actor(['CLERK']), reason: 'Xin rút' } as never))).toBe('ALREADY_CLOSED');
    expect(refused(() => validateWithdraw(input, view('IN_REVIEW'), { actor: actor(['CLERK'], { unitId: 'so-yte' }), reason: 'x' } as never))).toBe('WRONG_UNIT');
    expect(refused(() => validateWithdraw(input, view('IN_REVIEW'), { actor: actor(['CLERK']), reason: '' } as never))).toBe('REASON_REQUIRED@reason');
  });

  it('a decision: CONFER or REFUSE with a reason; at the proposal step PROPOSE; a valid batch key; never by the submitter', () => {
    const deciding = view('AWAITING_DECISION', task('DECISION', 'DECISION_MAKER'));
    const head = actor(['DECISION_MAKER']);
    expect(refused(() => validateDecide(input, deciding, { actor: head, action: 'CONFER', batchKey: 'batch-1|GK_DONVI' } as never))).toBe('ACCEPTED');
    expect(refused(() => validateDecide(input, deciding, { actor: head, action: 'PROPOSE' } as never))).toBe('BAD_ACTION@action');
    expect(refused(() => validateDecide(input, deciding, { actor: head, action: 'REFUSE' } as never))).toBe('REASON_REQUIRED@reason');
    expect(refused(() => validateDecide(input, deciding, { actor: head, action: 'CONFER', batchKey: 'bad key!' } as never))).toBe('BAD_BATCH@batchKey');
    expect(refused(() => validateDecide(input, deciding, { actor: { ...head, userId: 'clerk-1' }, action: 'CONFER' } as never))).toBe('CONFLICT_OF_INTEREST');
    const proposing = view('AWAITING_DECISION', task('PROPOSAL', 'DECISION_MAKER'));
    expect(refused(() => validateDecide(input, proposing, { actor: head, action: 'PROPOSE' } as never))).toBe('ACCEPTED');
    expect(refused(() => validateDecide(input, proposing, { actor: head, action: 'CONFER' } as never))).toBe('BAD_ACTION@action');
  });
});

describe('public comments and answers', () => {
  const until = Date.parse('2025-12-10T17:00:00Z');
  const posting = () => new PostingState('PROVINCE', 'PUBLIC_POSTING', 'so-noi-vu', '2025-12-01', '2025-12-10', until);

  it('a comment is taken while the posting is open, between 10 and 2,000 characters, not twice', () => {
    const p = posting();
    const ok = { text: 'Tôi xác nhận thành tích của đồng chí này.' };
    expect(refused(() => validatePublicComment(p, ok as never, until - 1))).toBe('ACCEPTED');
    expect(refused(() => validatePublicComment(p, ok as never, until))).toBe('POSTING_CLOSED');
    expect(refused(() => validatePublicComment(undefined, ok as never, 0))).toBe('POSTING_CLOSED');
    expect(refused(() => validatePublicComment(p, { text: 'ngắn' } as never, 0))).toBe('BAD_COMMENT@text');
    p.comments.push({ id: 'PROVINCE-1', key: 'tôi xác nhận thành tích của đồng chí này', answered: false });
    expect(refused(() => validatePublicComment(p, { text: 'TÔI xác nhận   thành tích của đồng chí này!' } as never, 0))).toBe('DUPLICATE_COMMENT');
  });

  it('an answer: a reviewer of the posting body, to a comment not yet answered, with content', () => {
    const p = posting();
    p.comments.push({ id: 'PROVINCE-1', key: 'k', answered: false });
    const reviewer = actor(['REVIEWER'], { unitId: 'so-noi-vu' });
    expect(refused(() => validateAnswerComment(input, p, { actor: reviewer, commentId: 'PROVINCE-1', answer: 'Đã xác minh.' } as never))).toBe('ACCEPTED');
    expect(refused(() => validateAnswerComment(input, p, { actor: reviewer, commentId: 'PROVINCE-9', answer: 'Đã xác minh.' } as never))).toBe('NO_SUCH_COMMENT');
    expect(refused(() => validateAnswerComment(input, p, { actor: actor(['REVIEWER']), commentId: 'PROVINCE-1', answer: 'Đã xác minh.' } as never))).toBe('WRONG_UNIT');
    expect(refused(() => validateAnswerComment(input, p, { actor: reviewer, commentId: 'PROVINCE-1', answer: 'ok' } as never))).toBe('ANSWER_REQUIRED@answer');
    p.comments[0].answered = true;
    expect(refused(() => validateAnswerComment(input, p, { actor: reviewer, commentId: 'PROVINCE-1', answer: 'Đã xác minh.' } as never))).toBe('ALREADY_ANSWERED');
  });
});

describe('re-routing', () => {
  const order = { actor: actor(['ADMIN']), units: { 'so-noi-vu-dak-nong': 'so-noi-vu' }, councils: {}, reasonVi: 'Sáp nhập tỉnh', reasonEn: 'Provinces merged' };
  it('only an administrator, only while open, only with a unit to move and a reason in both languages', () => {
    expect(refused(() => validateReroute(view('IN_REVIEW'), order as never))).toBe('ACCEPTED');
    expect(refused(() => validateReroute(view('IN_REVIEW'), { ...order, actor: actor(['REVIEWER']) } as never))).toBe('ROLE_REQUIRED');
    expect(refused(() => validateReroute(view('REJECTED'), order as never))).toBe('ALREADY_CLOSED');
    expect(refused(() => validateReroute(view('IN_REVIEW'), { ...order, units: {} } as never))).toBe('NOTHING_TO_REROUTE@units');
    expect(refused(() => validateReroute(view('IN_REVIEW'), { ...order, reasonEn: '' } as never))).toBe('REASON_REQUIRED@reason');
  });
});
