import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { conflict, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { APP_CONFIG, ballotKeyFrom, receiptHash, sealBallot, type AppConfig } from '@vinhdanh/platform';
import { COUNCIL_SESSION_WORKFLOW_TYPE, castBallotUpdate, closeSessionUpdate, councilSessionWorkflowId, declareConflictUpdate, sessionQuery } from '@vinhdanh/workflows/council/messages';
import type { CouncilSessionInput, CouncilSessionView, SessionItem } from '@vinhdanh/workflows/council/types';
import type { councilSessionWorkflow } from '@vinhdanh/workflows/council/workflow';
import type { AuthenticatedActor } from '../auth/public.decorator';
import { TEMPORAL_CLIENT, withinDeadline } from '../temporal/temporal.module';
import { VotingRules } from './voting-rules';

const CHOICES = ['AGREE', 'DISAGREE', 'ABSTAIN'];
const uuidFrom = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
const plain = (a: AuthenticatedActor) => ({ userId: a.userId, fullName: a.fullName, unitId: a.unitId, roles: a.roles });

@Injectable()
export class CouncilsService {
  private readonly rules: VotingRules;
  private readonly ballotKey: Buffer;

  constructor(private readonly ds: DataSource, @Inject(TEMPORAL_CLIENT) private readonly temporal: Client, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.ballotKey = ballotKeyFrom(config.ballotKey);
    this.rules = new VotingRules(config.votingRules);
  }

  /** Members as of a date (membership has a validity period). */
  async members(councilId: string, onDate: string) {
    return this.ds.query(
      `SELECT m.user_id AS "userId", u.full_name AS "fullName", m.role FROM council_member m JOIN user_account u ON u.id = m.user_id
        WHERE m.council_id=$1 AND m.from_date <= $2 AND (m.to_date IS NULL OR m.to_date >= $2) ORDER BY m.role, m.user_id`,
      [councilId, onDate],
    ) as Promise<{ userId: string; fullName: string; role: 'CHAIR' | 'VICE_CHAIR' | 'SECRETARY' | 'MEMBER' }[]>;
  }

  /**
   * The caller's councils (membership valid today) with their recent sessions, and for each session
   * whether the caller has voted — what a member's or secretary's home page shows.
   */
  async mine(actor: AuthenticatedActor) {
    const councils: { id: string; nameVi: string; nameEn: string; level: string; role: string }[] = await this.ds.query(
      `SELECT c.id, c.name_vi AS "nameVi", c.name_en AS "nameEn", c.level, m.role FROM council_member m JOIN council c ON c.id = m.council_id
        WHERE m.user_id = $1 AND m.from_date <= current_date AND (m.to_date IS NULL OR m.to_date >= current_date) ORDER BY c.level DESC, c.id`,
      [actor.userId],
    );
    const sessions = await this.ds.query(
      `SELECT s.id, s.council_id AS "councilId", s.status, s.opened_at AS "openedAt", s.deadline, s.closed_at AS "closedAt",
              jsonb_array_length(s.items) AS "itemCount", jsonb_array_length(s.members) AS "memberCount",
              (SELECT count(*)::int FROM council_voter v WHERE v.session_id = s.id) AS "voted",
              EXISTS (SELECT 1 FROM council_voter v WHERE v.session_id = s.id AND v.user_id = $2) AS "iVoted"
         FROM council_session s WHERE s.council_id = ANY($1) ORDER BY s.opened_at DESC LIMIT 50`,
      [councils.map((c) => c.id), actor.userId],
    );
    return { councils, sessions };
  }

  /** Nominations whose current level waits for this council's vote. */
  async waiting(councilId: string) {
    return this.ds.query(
      `SELECT n.id AS "nominationId", n.workflow_id AS "workflowId", n.award_code AS "awardCode", n.nominee_name AS "nomineeName",
              n.nominee->>'userId' AS "nomineeUserId", r->'council'->>'ruleKey' AS "ruleKey", n.unit_id AS "unitId", n.year
         FROM nomination n, jsonb_array_elements(n.dossier->'route') r
        WHERE n.status = 'AWAITING_COUNCIL' AND r->>'level' = n.current_level AND r->'council'->>'councilId' = $1
        ORDER BY n.submitted_at`,
      [councilId],
    ) as Promise<(SessionItem & { unitId: string; year: number })[]>;
  }

  async open(actor: AuthenticatedActor, councilId: string, nominationIds: string[], deadline: string) {
    const [council] = await this.ds.query(`SELECT id, level, name_vi FROM council WHERE id=$1`, [councilId]);
    if (!council) throw notFound('COUNCIL_NOT_FOUND', 'Không tìm thấy Hội đồng.', 'Council not found.');
    const today = new Date().toISOString().slice(0, 10);
    const members = await this.members(councilId, today);
    if (!members.some((m) => m.userId === actor.userId && m.role === 'SECRETARY')) {
      throw forbidden('SECRETARY_ONLY', 'Chỉ thư ký Hội đồng mới được mở phiên họp.', 'Only the council secretary may open a session.');
    }
    if (Date.parse(deadline) <= Date.now()) throw invalid('DEADLINE_PASSED', 'Hạn bỏ phiếu phải ở tương lai.', 'The voting deadline must be in the future.', 'deadline');
    const waiting = new Map((await this.waiting(councilId)).map((w) => [w.nominationId, w]));
    const missing = nominationIds.filter((id) => !waiting.has(id));
    if (missing.length) {
      throw invalid('NOT_WAITING', `Hồ sơ không chờ Hội đồng này: ${missing.join(', ')}`, `Not waiting for this council: ${missing.join(', ')}`, 'nominationIds');
    }
    const items: SessionItem[] = nominationIds.map((id) => {
      const w = waiting.get(id)!;
      return { nominationId: id, workflowId: w.workflowId, awardCode: w.awardCode, nomineeName: w.nomineeName, ruleKey: w.ruleKey, ...(w.nomineeUserId ? { nomineeUserId: w.nomineeUserId } : {}) };
    });
    const rules: CouncilSessionInput['rules'] = {};
    for (const item of items) {
      const rule = this.rules.resolve(councilId, item.awardCode, item.ruleKey);
      item.ruleKey = rule.ruleKey;
      rules[rule.ruleKey] = rule;
    }
    const declared = await this.ds.query(`SELECT user_id AS "userId", nomination_id AS "nominationId", reason FROM council_conflict WHERE council_id=$1 AND nomination_id = ANY($2)`, [councilId, nominationIds]);
    const sessionId = randomUUID();
    const input: CouncilSessionInput = { sessionId, councilId, councilNameVi: council.name_vi, level: council.level, members, items, conflicts: declared, rules, deadline: new Date(deadline).toISOString(), openedBy: plain(actor) };
    await this.ds.query(
      `INSERT INTO council_session (id, council_id, workflow_id, status, opened_by, opened_at, deadline, members, items, conflicts, rules)
       VALUES ($1,$2,$3,'OPEN',$4,now(),$5,$6,$7,$8,$9)`,
      [sessionId, councilId, councilSessionWorkflowId(sessionId), actor.userId, input.deadline, JSON.stringify(members), JSON.stringify(items), JSON.stringify(declared), JSON.stringify(rules)],
    );
    await withinDeadline(this.temporal, () => this.temporal.workflow.start<typeof councilSessionWorkflow>(COUNCIL_SESSION_WORKFLOW_TYPE, {
      taskQueue: this.config.taskQueue,
      workflowId: councilSessionWorkflowId(sessionId),
      args: [input],
    }));
    return { sessionId, workflowId: councilSessionWorkflowId(sessionId), items: items.length, members: members.length };
  }

  async view(sessionId: string): Promise<CouncilSessionView> {
    const [row] = await this.ds.query(`SELECT workflow_id FROM council_session WHERE id=$1`, [sessionId]);
    if (!row) throw notFound('SESSION_NOT_FOUND', 'Không tìm thấy phiên họp.', 'Session not found.');
    return withinDeadline(this.temporal, () => this.temporal.workflow.getHandle(row.workflow_id).query(sessionQuery));
  }

  /** What a member sees: the list, with the nominations they are recused from marked. */
  async myBallot(actor: AuthenticatedActor, sessionId: string) {
    const view = await this.view(sessionId);
    const [row] = await this.ds.query(`SELECT members, items FROM council_session WHERE id=$1`, [sessionId]);
    if (!row.members.some((m: { userId: string }) => m.userId === actor.userId)) throw forbidden('NOT_A_MEMBER', 'Bạn không phải thành viên Hội đồng của phiên này.', 'You are not a member of this session’s council.');
    const items = (row.items as SessionItem[]).map((i) => ({
      nominationId: i.nominationId,
      awardCode: i.awardCode,
      nomineeName: i.nomineeName,
      recused: i.nomineeUserId === actor.userId || view.conflicts.some((c) => c.userId === actor.userId && c.nominationId === i.nominationId),
    }));
    return { sessionId, status: view.status, deadline: view.deadline, voted: view.votedUserIds.includes(actor.userId), items };
  }

  /** Seals the choices with a fresh receipt; the member keeps the token, only its hash is stored. */
  async castBallot(actor: AuthenticatedActor, sessionId: string, choices: Record<string, string>, idempotencyKey?: string) {
    for (const [id, c] of Object.entries(choices)) {
      if (!CHOICES.includes(c)) throw invalid('BAD_CHOICE', `Lựa chọn cho ${id} phải là AGREE, DISAGREE hoặc ABSTAIN.`, `The choice for ${id} must be AGREE, DISAGREE or ABSTAIN.`, `choices.${id}`);
    }
    const [row] = await this.ds.query(`SELECT workflow_id FROM council_session WHERE id=$1`, [sessionId]);
    if (!row) throw notFound('SESSION_NOT_FOUND', 'Không tìm thấy phiên họp.', 'Session not found.');
    // A retried request (same Idempotency-Key) is the same Update and gets the same receipt back.
    const token = idempotencyKey ? uuidFrom(createHmac('sha256', this.ballotKey).update(`${sessionId}|${actor.userId}|${idempotencyKey}`).digest('hex')) : randomUUID();
    const sealed = sealBallot({ choices, receiptHash: receiptHash(sessionId, token) }, this.ballotKey);
    const updateId = idempotencyKey ? `ballot-${createHash('sha256').update(`${actor.userId}|${idempotencyKey}`).digest('hex').slice(0, 32)}` : undefined;
    const view = await withinDeadline(this.temporal, () =>
      this.temporal.workflow.getHandle(row.workflow_id).executeUpdate(castBallotUpdate, { args: [{ actor: plain(actor), coverage: Object.keys(choices), sealed }], ...(updateId ? { updateId } : {}) }),
    );
    return {
      receipt: token,
      messageVi: 'Phiếu đã được ghi nhận. Hãy giữ mã biên nhận để tự kiểm tra phiếu của mình đã được kiểm sau khi phiên kết thúc; không ai khác biết nội dung phiếu.',
      messageEn: 'Ballot recorded. Keep the receipt to check that your ballot was counted once the session closes; nobody else learns its content.',
      turnout: { voted: view.votedUserIds.length, members: view.membersTotal },
    };
  }

  async declareConflict(actor: AuthenticatedActor, sessionId: string, nominationId: string, reason: string) {
    const [row] = await this.ds.query(`SELECT workflow_id FROM council_session WHERE id=$1`, [sessionId]);
    if (!row) throw notFound('SESSION_NOT_FOUND', 'Không tìm thấy phiên họp.', 'Session not found.');
    return withinDeadline(this.temporal, () => this.temporal.workflow.getHandle(row.workflow_id).executeUpdate(declareConflictUpdate, { args: [{ actor: plain(actor), nominationId, reason }] }));
  }

  async close(actor: AuthenticatedActor, sessionId: string) {
    const [row] = await this.ds.query(`SELECT workflow_id, status FROM council_session WHERE id=$1`, [sessionId]);
    if (!row) throw notFound('SESSION_NOT_FOUND', 'Không tìm thấy phiên họp.', 'Session not found.');
    if (row.status === 'CLOSED') throw conflict('SESSION_CLOSED', 'Phiên họp đã kết thúc.', 'The session is already closed.');
    return withinDeadline(this.temporal, () => this.temporal.workflow.getHandle(row.workflow_id).executeUpdate(closeSessionUpdate, { args: [{ actor: plain(actor) }] }));
  }

  async tally(sessionId: string) {
    const [session] = await this.ds.query(
      `SELECT s.id, s.council_id AS "councilId", c.name_vi AS "councilNameVi", s.status, s.opened_at AS "openedAt", s.deadline, s.closed_at AS "closedAt", s.closed_reason AS "closedReason"
         FROM council_session s JOIN council c ON c.id = s.council_id WHERE s.id=$1`,
      [sessionId],
    );
    if (!session) throw notFound('SESSION_NOT_FOUND', 'Không tìm thấy phiên họp.', 'Session not found.');
    const records = await this.ds.query(`SELECT record FROM council_tally WHERE session_id=$1 ORDER BY award_code, nomination_id`, [sessionId]);
    const voters = await this.ds.query(`SELECT v.user_id AS "userId", u.full_name AS "fullName" FROM council_voter v JOIN user_account u ON u.id = v.user_id WHERE session_id=$1 ORDER BY u.full_name`, [sessionId]);
    const receipts = await this.ds.query(`SELECT receipt_hash AS "receiptHash" FROM council_ballot WHERE session_id=$1 ORDER BY receipt_hash`, [sessionId]);
    return { ...session, voters, receiptHashes: receipts.map((r: { receiptHash: string }) => r.receiptHash), records: records.map((r: { record: unknown }) => r.record) };
  }

  /** A member checks, with the token only they hold, that their ballot is among those counted. */
  async checkReceipt(sessionId: string, token: string) {
    const [s] = await this.ds.query(`SELECT status FROM council_session WHERE id=$1`, [sessionId]);
    if (!s) throw notFound('SESSION_NOT_FOUND', 'Không tìm thấy phiên họp.', 'Session not found.');
    const [ballot] = await this.ds.query(`SELECT choices FROM council_ballot WHERE session_id=$1 AND receipt_hash=$2`, [sessionId, receiptHash(sessionId, token)]);
    return { status: s.status, counted: !!ballot, ...(ballot ? { choices: ballot.choices } : {}) };
  }
}
