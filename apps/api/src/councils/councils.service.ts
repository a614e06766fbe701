import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { vietnamToday } from '@vinhdanh/persistence/read-model/org';
import { DataSource } from 'typeorm';
import { conflict, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { BALLOT_CODE, eligibleMembers, isRecused, quorumMet, type Choice, type SessionItem } from '@vinhdanh/domain/council';
import { ballotsInBox, dropInBox } from '@vinhdanh/persistence/council/ballot-box';
import {
  ballotKeys, ballotsTakenBy, councilMembers, councilsOf, declaredConflicts, findCouncil, findSession, insertOpenSession, remindNonVoters, receiptState, recentSessions, sessionTally, stillPosted, type SessionTally, waitingForCouncil, type SessionRow,
} from '@vinhdanh/persistence/read-model/councils';
import { REGISTERED_RELATIVE, namesakesDeclared, recordRecusal, registeredRecusals } from '@vinhdanh/persistence/read-model/conflicts';
import { isNamesake, namesakeDeclarationRequired } from '@vinhdanh/domain/conflicts';
import { asDomainError } from '../common/error.filter';
import { APP_CONFIG, ballotKeyFrom, blindSign, fingerprint, receiptHash, verifyBallot, type AppConfig } from '@vinhdanh/platform';
import { BallotKeyPool } from './ballot-key-pool';
import {
  COUNCIL_SESSION_WORKFLOW_TYPE, closeSessionUpdate, councilSessionWorkflowId, declareConflictUpdate, openBallotBoxUpdate, sessionQuery, takeBallotsUpdate,
} from '@vinhdanh/workflows/council/messages';
import type { CouncilSessionInput, CouncilSessionView } from '@vinhdanh/domain/ladder/council';
import type { councilSessionWorkflow } from '@vinhdanh/workflows/council/workflow';
import { plainActor, type AuthenticatedActor } from '../common/actor';
import { messageAuth } from '../temporal/message-auth';
import { Engine } from '../temporal/engine';
import { CouncilAccess } from './council-access';
import type { BallotReceipt, IssuedBallots, MyBallot, MyCouncils, ReceiptCheck, Reminded, SessionOpened, SessionTurnout, WaitingNomination } from './responses';
import { VotingRules } from '@vinhdanh/domain/council';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

function base64url(text: string, bytes: number, field: string): Buffer {
  const buf = /^[A-Za-z0-9_-]+={0,2}$/.test(text) ? Buffer.from(text, 'base64url') : Buffer.alloc(0);
  if (buf.length !== bytes) throw invalid('BAD_BALLOT', `${field} phải là ${bytes} byte, mã base64url.`, `${field} must be ${bytes} bytes, base64url-encoded.`, field);
  return buf;
}

const SESSION_CLOSED = () => conflict('SESSION_CLOSED', 'Phiên họp đã kết thúc.', 'The session is closed.');

@Injectable()
export class CouncilsService {
  private readonly ballotKey: Buffer;

  constructor(
    private readonly ds: DataSource,
    private readonly access: CouncilAccess,
    private readonly engine: Engine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rules: VotingRules,
    private readonly keyPool: BallotKeyPool,
  ) {
    this.ballotKey = ballotKeyFrom(config.ballotKey);
  }

  private call<T>(fn: () => Promise<T>): Promise<T> {
    return this.engine.within(fn);
  }

  /** An Update to an open session; one that closed meanwhile answers 409, not "not found". */
  private async update<T>(session: SessionRow, fn: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<T>): Promise<T> {
    if (session.status === 'CLOSED') throw SESSION_CLOSED();
    try {
      return await this.call(() => fn(this.engine.client.workflow.getHandle(session.workflowId)));
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw SESSION_CLOSED();
      throw err;
    }
  }

  /** The caller's councils (membership valid today) with their recent sessions and whether they took part. */
  async mine(actor: AuthenticatedActor): Promise<MyCouncils> {
    const councils = await councilsOf(this.ds.manager, actor.userId);
    const sessions = await recentSessions(this.ds.manager, councils.map((c) => c.id), actor.userId);
    return { councils, sessions };
  }

  /** Nominations waiting for this council and on no open session: for its secretary, members and auditors. */
  async waiting(actor: AuthenticatedActor, councilId: string): Promise<WaitingNomination[]> {
    await this.access.council(actor, councilId);
    // The personal-id hash links a nominee to accounts when the session opens; it is nobody's to read.
    return (await waitingForCouncil(this.ds.manager, councilId)).map(({ nomineePersonalIdHash: _hash, ...item }) => item);
  }

  async open(actor: AuthenticatedActor, councilId: string, nominationIds: string[], deadline: string): Promise<SessionOpened> {
    const council = await this.access.council(actor, councilId);
    // Vietnam's day, as membership is dated (a term ending yesterday there has ended, whatever UTC says).
    const { today } = await vietnamToday(this.ds.manager);
    const members = await councilMembers(this.ds.manager, councilId, today);
    if (!members.some((m) => m.userId === actor.userId && m.role === 'SECRETARY')) {
      throw forbidden('SECRETARY_ONLY', 'Chỉ thư ký Hội đồng mới được mở phiên họp.', 'Only the council secretary may open a session.');
    }
    if (Date.parse(deadline) <= Date.now()) throw invalid('DEADLINE_PASSED', 'Hạn bỏ phiếu phải ở tương lai.', 'The voting deadline must be in the future.', 'deadline');
    const ids = [...new Set(nominationIds)];
    const waiting = new Map((await waitingForCouncil(this.ds.manager, councilId)).map((w) => [w.nominationId, w]));
    const missing = ids.filter((id) => !waiting.has(id));
    // The posting must have run and every comment been answered before the council may consider it.
    const posted = await stillPosted(this.ds.manager, missing);
    if (posted.length) {
      const p = posted[0];
      throw conflict(
        'POSTING_IN_PROGRESS',
        `Hồ sơ ${p.id} đang trong thời gian công khai lấy ý kiến đến hết ngày ${p.until}${p.unanswered ? ` và còn ${p.unanswered} ý kiến chưa trả lời` : ''}; Hội đồng chỉ xét sau khi hết thời hạn và mọi ý kiến đã được trả lời.`,
        `Nomination ${p.id} is under public posting until the end of ${p.until}${p.unanswered ? ` with ${p.unanswered} comment(s) unanswered` : ''}; the council may consider it only once the period has run and every comment is answered.`,
      );
    }
    if (missing.length) {
      throw conflict('NOT_WAITING', `Hồ sơ không chờ Hội đồng này hoặc đang ở một phiên họp khác: ${missing.join(', ')}`, `Not waiting for this council, or already on an open session: ${missing.join(', ')}`);
    }
    const items: SessionItem[] = ids.map((id) => {
      const { unitId: _u, year: _y, nomineePersonalIdHash: _h, ...item } = waiting.get(id)!;
      return item;
    });
    const rules: CouncilSessionInput['rules'] = {};
    for (const item of items) {
      const rule = this.rules.resolve(councilId, item.awardCode, item.ruleKey);
      item.ruleKey = rule.ruleKey;
      rules[rule.ruleKey] = rule;
    }
    // Declared before the session, and what the members' registers say (relatives, declarations).
    const registered = await registeredRecusals(this.ds.manager, members.map((m) => m.userId), ids.map((id) => ({ nominationId: id, personalIdHash: waiting.get(id)!.nomineePersonalIdHash })));
    const conflicts = [...(await declaredConflicts(this.ds.manager, councilId, ids)), ...registered]
      .filter((c, i, all) => all.findIndex((d) => d.userId === c.userId && d.nominationId === c.nominationId) === i);
    // One signing key per nomination, so a ballot for one cannot be spent on another; made ahead (BallotKeyPool).
    const made = await this.keyPool.take(items.length);
    const keys = items.map((i, k) => ({ nominationId: i.nominationId, ...made[k] }));
    const sessionId = randomUUID();
    const workflowId = councilSessionWorkflowId(sessionId);
    const input: CouncilSessionInput = {
      sessionId, councilId, councilNameVi: council.nameVi, level: council.level, members, items, conflicts, rules,
      deadline: new Date(deadline).toISOString(), openedBy: plainActor(actor), scheme: 'BLIND_V2',
      ballotKeys: Object.fromEntries(keys.map((k) => [k.nominationId, fingerprint(k.spki)])),
    };
    // The workflow starts inside the transaction that claims the nominations: if either fails, neither happened.
    let started = false;
    try {
      await this.ds.transaction(async (tx) => {
        const { taken } = await insertOpenSession(tx, { id: sessionId, councilId, workflowId, openedBy: actor.userId, deadline: input.deadline, members, items, conflicts, rules, keys });
        if (taken.length) {
          throw conflict('ALREADY_IN_SESSION', `Hồ sơ đang ở một phiên họp khác chưa kết thúc: ${taken.join(', ')}`, `Already on another open session: ${taken.join(', ')}`);
        }
        started = true;
        await this.call(() => this.engine.client.workflow.start<typeof councilSessionWorkflow>(COUNCIL_SESSION_WORKFLOW_TYPE, { taskQueue: this.config.taskQueue, workflowId, args: [input] }));
      });
    } catch (err) {
      // Keys no workflow was started with were never published: back to the pool. Past that point
      // a workflow may hold their fingerprints, so they are dropped.
      if (!started) await this.keyPool.giveBack(made).catch(() => undefined);
      throw err;
    }
    return { sessionId, workflowId, items: items.length, members: members.length };
  }

  async view(actor: AuthenticatedActor, sessionId: string): Promise<CouncilSessionView> {
    return this.viewOf(await this.access.session(actor, sessionId));
  }

  /**
   * The workflow's view, with the ballots still in the box added to each nomination's count (the
   * workflow counts them when it opens the box); quorum is judged on the sum, as the close will be.
   */
  private async viewOf(session: SessionRow): Promise<CouncilSessionView> {
    return this.withBox(session, await this.call(() => this.engine.client.workflow.getHandle(session.workflowId).query(sessionQuery)));
  }

  private async withBox(session: SessionRow, view: CouncilSessionView): Promise<CouncilSessionView> {
    if (view.status !== 'OPEN') return view;
    const box = await ballotsInBox(this.ds.manager, session.id);
    const items = view.items.map((i) => {
      const voted = i.voted + (box.get(i.nominationId)?.waiting ?? 0);
      return { ...i, voted, quorumReached: quorumMet(session.rules[i.ruleKey], view.membersTotal, i.eligible, voted) };
    });
    return { ...view, items };
  }

  /** What a member sees: the list, recusals marked, each nomination's ballot key, and the ballots already taken. */
  async myBallot(actor: AuthenticatedActor, sessionId: string): Promise<MyBallot> {
    const session = await this.access.session(actor, sessionId);
    if (!session.members.some((m) => m.userId === actor.userId)) throw forbidden('NOT_A_MEMBER', 'Bạn không phải thành viên Hội đồng của phiên này.', 'You are not a member of this session’s council.');
    // From the read model, not a workflow Query: a member can open the ballot while the worker restarts.
    const keys = await ballotKeys(this.ds.manager, sessionId);
    const taken = new Set(await ballotsTakenBy(this.ds.manager, sessionId, actor.userId));
    const namesakes = await this.undeclaredNamesakes(actor, session.items);
    const items = session.items.map((i) => ({
      nominationId: i.nominationId,
      awardCode: i.awardCode,
      nomineeName: i.nomineeName,
      recused: isRecused(actor.userId, i, session.conflicts),
      taken: taken.has(i.nominationId),
      namesake: namesakes.has(i.nominationId),
      publicKey: keys.get(i.nominationId)?.spki ?? null,
    }));
    return { sessionId, scheme: session.scheme, status: session.status, deadline: session.deadline, voted: taken.size > 0, items };
  }

  /**
   * A member takes their ballots: the workflow records that they took one per nomination (refusing
   * recused members and second ballots), then the API signs each blinded token. The same request
   * repeated (a lost answer) is signed again; a different one is refused.
   */
  async issueBallots(actor: AuthenticatedActor, sessionId: string, requests: { nominationId: string; blindedMessage: string }[]): Promise<IssuedBallots> {
    const session = await this.access.session(actor, sessionId);
    if (session.scheme !== 'BLIND_V2') throw invalid('SEALED_SESSION', 'Phiên này dùng phiếu niêm phong kiểu cũ và không nhận phiếu mới.', 'This session used the former sealed ballots and takes no new ballots.');
    const blinded = requests.map((r) => ({ nominationId: r.nominationId, message: base64url(r.blindedMessage, 256, 'blindedMessage') }));
    // A nominee with the member's own name: the member says it is not them before taking that ballot.
    const namesakes = await this.undeclaredNamesakes(actor, session.items.filter((i) => blinded.some((b) => b.nominationId === i.nominationId) && !isRecused(actor.userId, i, session.conflicts)));
    const first = session.items.find((i) => namesakes.has(i.nominationId));
    if (first) throw namesakeDeclarationRequired(first.nomineeName);
    const hashed = blinded.map((b) => ({ nominationId: b.nominationId, blindedHash: sha256(b.message) }));
    const updateId = `ballots-${sha256([session.id, actor.userId, ...hashed.map((h) => `${h.nominationId}:${h.blindedHash}`).sort()].join('|')).slice(0, 40)}`;
    try {
      await this.update(session, (h) => h.executeUpdate(takeBallotsUpdate, { args: [{ actor: plainActor(actor), auth: messageAuth(), requests: hashed }], updateId }));
    } catch (err) {
      // A recused member asking for a ballot is a recusal enforced: on the nomination's audit stream.
      if (asDomainError(err)?.code === 'RECUSED') {
        const recusedOn = session.items.filter((i) => hashed.some((h) => h.nominationId === i.nominationId) && isRecused(actor.userId, i, session.conflicts));
        await this.ds.transaction(async (tx) => {
          for (const i of recusedOn) {
            const declared = session.conflicts.find((c) => c.userId === actor.userId && c.nominationId === i.nominationId);
            const ground = i.nomineeUserId === actor.userId ? 'NOMINEE' : declared?.reason === REGISTERED_RELATIVE ? 'RELATIVE' : 'DECLARED';
            await recordRecusal(tx, { nominationId: i.nominationId, userId: actor.userId, role: 'COUNCIL_MEMBER', action: 'VOTE', ground });
          }
        });
      }
      throw err;
    }
    const keys = await ballotKeys(this.ds.manager, sessionId);
    return {
      signatures: blinded.map((b) => ({ nominationId: b.nominationId, blindSignature: blindSign(keys.get(b.nominationId)!, this.ballotKey, b.message).toString('base64url') })),
    };
  }

  /** The items whose nominee bears the member's name and on which the member has not declared it is not them. */
  private async undeclaredNamesakes(actor: AuthenticatedActor, items: SessionItem[]): Promise<Set<string>> {
    const alike = items.filter((i) => isNamesake(actor.fullName, { name: i.nomineeName })).map((i) => i.nominationId);
    const declared = await namesakesDeclared(this.ds.manager, actor.userId, alike);
    return new Set(alike.filter((id) => !declared.has(id)));
  }

  /**
   * A ballot with no account: the token and its signature are the only credential. The receipt is
   * what the member keeps to check later that the ballot is in the box; it shows no choice.
   */
  async castSecretBallot(sessionId: string, ballot: { nominationId: string; token: string; signature: string; choice: Choice }): Promise<BallotReceipt> {
    const session = await findSession(this.ds.manager, sessionId);
    if (!session) throw notFound('SESSION_NOT_FOUND', 'Không tìm thấy phiên họp.', 'Session not found.');
    const token = base64url(ballot.token, 64, 'token');
    const signature = base64url(ballot.signature, 256, 'signature');
    const key = (await ballotKeys(this.ds.manager, sessionId)).get(ballot.nominationId);
    if (!key || !verifyBallot(key.spki, token, signature)) {
      throw forbidden('BALLOT_NOT_SIGNED', 'Phiếu không có chữ ký hợp lệ của Hội đồng cho hồ sơ này.', 'The ballot is not validly signed by the council for this nomination.');
    }
    const receipt = receiptHash(sessionId, ballot.nominationId, token);
    // Into the ballot box, not to the workflow: the session counts the box when it opens it, so no
    // history shows when this ballot came (ballot-box.ts). The same ballot again is the same ballot.
    const dropped = await dropInBox(this.ds.manager, sessionId, { nominationId: ballot.nominationId, receiptHash: receipt, choice: BALLOT_CODE[ballot.choice] });
    if (dropped === 'OTHER_CHOICE') throw conflict('ALREADY_VOTED', 'Phiếu này đã được bỏ vào hòm phiếu.', 'This ballot is already in the box.');
    if (dropped === 'NO_BALLOT_LEFT') throw conflict('NO_BALLOT_LEFT', 'Số phiếu đã bằng số phiếu phát ra.', 'As many ballots as were handed out are already in the box.');
    if (dropped === 'CLOSED') throw SESSION_CLOSED();
    if (dropped !== 'COUNTED') await this.openBoxOnceAllVoted(session);
    return {
      receipt,
      messageVi: 'Phiếu đã vào hòm phiếu. Hãy giữ mã biên nhận để kiểm tra sau khi kiểm phiếu; mã này không cho ai biết bạn đã chọn gì.',
      messageEn: 'Your ballot is in the box. Keep the receipt to check it after the count; it tells nobody what you chose.',
    };
  }

  /**
   * Every eligible member has voted on every nomination: the session opens the box, counts, and
   * closes (ALL_VOTED). Not before: an opening with fewer ballots would tell when those came. A
   * failure here is the caller's 503, and the ballot sent again (the same ballot) tries again.
   */
  private async openBoxOnceAllVoted(session: SessionRow): Promise<boolean> {
    const box = await ballotsInBox(this.ds.manager, session.id);
    const allIn = session.items.every((i) => (box.get(i.nominationId)?.all ?? 0) >= eligibleMembers(i, session.members, session.conflicts).length);
    if (allIn) await this.openBox(session);
    return allIn;
  }

  /** Opens the box; a session that closed meanwhile has opened it itself. */
  private async openBox(session: SessionRow): Promise<void> {
    try {
      await this.update(session, (h) => h.executeUpdate(openBallotBoxUpdate, { args: [{ auth: messageAuth() }] }));
    } catch (err) {
      if (asDomainError(err)?.code !== 'SESSION_CLOSED') throw err;
    }
  }

  async declareConflict(actor: AuthenticatedActor, sessionId: string, nominationId: string, reason: string): Promise<CouncilSessionView> {
    const session = await this.access.session(actor, sessionId);
    const view = await this.update(session, (h) => h.executeUpdate(declareConflictUpdate, { args: [{ actor: plainActor(actor), auth: messageAuth(), nominationId, reason }] }));
    // The last member to vote may stand aside after casting the rest: everyone eligible may now have voted.
    const opened = await this.openBoxOnceAllVoted({ ...session, conflicts: view.conflicts });
    return opened ? this.viewOf(session) : this.withBox(session, view);
  }

  /** Each member and whether they have taken their ballots (never how they voted): what the secretary follows. */
  async turnout(actor: AuthenticatedActor, sessionId: string): Promise<SessionTurnout> {
    return this.turnoutOf(await this.access.session(actor, sessionId));
  }

  private async turnoutOf(session: SessionRow): Promise<SessionTurnout> {
    const view = await this.call(() => this.engine.client.workflow.getHandle(session.workflowId).query(sessionQuery));
    const took = new Set(view.turnoutUserIds);
    return { status: view.status, members: session.members.map((m) => ({ userId: m.userId, fullName: m.fullName, role: m.role, tookBallot: took.has(m.userId) })) };
  }

  /** The secretary reminds the members who have not taken their ballots, once an hour at most each. */
  async remind(actor: AuthenticatedActor, sessionId: string): Promise<Reminded> {
    const session = await this.access.session(actor, sessionId);
    if (!session.members.some((m) => m.userId === actor.userId && m.role === 'SECRETARY')) {
      throw forbidden('SECRETARY_REQUIRED', 'Chỉ thư ký Hội đồng của phiên này mới nhắc bỏ phiếu.', 'Only the session’s council secretary sends reminders.');
    }
    const { status, members } = await this.turnoutOf(session);
    if (status !== 'OPEN') throw conflict('SESSION_CLOSED', 'Phiên họp đã kết thúc.', 'The session is closed.');
    const council = await findCouncil(this.ds.manager, session.councilId);
    const waiting = members.filter((m) => !m.tookBallot);
    const reminded = await remindNonVoters(this.ds.manager, {
      sessionId, councilNameVi: council?.nameVi ?? session.councilId, councilNameEn: council?.nameEn ?? session.councilId,
      deadline: session.deadline, members: waiting, by: actor.userId,
    });
    return { reminded: waiting.filter((m) => reminded.includes(m.userId)).map((m) => m.fullName), alreadyThisHour: waiting.filter((m) => !reminded.includes(m.userId)).map((m) => m.fullName) };
  }

  /**
   * The secretary closes early once quorum holds. The box is opened only then, right before the
   * close: a secretary pressing "close" after each member voted would otherwise open it ballot by
   * ballot, and each opening would tell whose ballot it held.
   */
  async close(actor: AuthenticatedActor, sessionId: string): Promise<CouncilSessionView> {
    const session = await this.access.session(actor, sessionId);
    const member = session.members.find((m) => m.userId === actor.userId);
    if (member?.role === 'SECRETARY' && session.scheme === 'BLIND_V2') {
      const view = await this.viewOf(session);
      if (view.status !== 'OPEN') throw SESSION_CLOSED();
      const short = view.items.filter((i) => !i.quorumReached);
      if (short.length) {
        throw conflict('NO_QUORUM_YET', `Chưa đủ số thành viên tham gia biểu quyết cho ${short.length} hồ sơ; chưa thể kết thúc sớm.`, `Quorum not yet reached for ${short.length} nomination(s); cannot close early.`);
      }
      await this.openBox(session);
    }
    return this.update(session, (h) => h.executeUpdate(closeSessionUpdate, { args: [{ actor: plainActor(actor), auth: messageAuth() }] }));
  }

  async tally(actor: AuthenticatedActor, sessionId: string): Promise<SessionTally> {
    await this.access.session(actor, sessionId);
    const tally = await sessionTally(this.ds.manager, sessionId);
    if (!tally) throw notFound('SESSION_NOT_FOUND', 'Không tìm thấy phiên họp.', 'Session not found.');
    return tally;
  }

  /** Whether a receipt is among those counted. It never shows a choice: a receipt cannot prove a vote to anyone. */
  async checkReceipt(sessionId: string, receipt: string): Promise<ReceiptCheck> {
    if (!/^[0-9a-f]{64}$/.test(receipt)) throw invalid('BAD_RECEIPT', 'Mã biên nhận gồm 64 ký tự 0-9, a-f.', 'A receipt is 64 characters 0-9, a-f.', 'receipt');
    const session = await findSession(this.ds.manager, sessionId);
    if (!session) throw notFound('SESSION_NOT_FOUND', 'Không tìm thấy phiên họp.', 'Session not found.');
    return { status: session.status, ...(await receiptState(this.ds.manager, sessionId, receipt)) };
  }
}
