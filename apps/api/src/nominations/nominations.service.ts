import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { isGrpcNotFound } from '../common/error.filter';
import type { UpdateDefinition } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { awardForNomination, catalogueFor, isAwardCode } from '@vinhdanh/domain/catalogue';
import type { RecipientKind } from '@vinhdanh/domain/common/levels';
import { VotingRules } from '@vinhdanh/domain/council';
import { planRoute } from '@vinhdanh/domain/routing';
import { orgUnits, vietnamToday } from '@vinhdanh/persistence/read-model/org';
import { findMovement } from '@vinhdanh/domain/movement';
import { conflict, DomainError, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { conflictGround, conflictOfInterest, isNamesake, namesakeDeclarationRequired, type ConflictedAction } from '@vinhdanh/domain/conflicts';
import { conflictFactsOf, declareNotTheNominee, namesakesDeclared, recordRecusal } from '@vinhdanh/persistence/read-model/conflicts';
import { citableDocuments } from '@vinhdanh/persistence/read-model/documents';
import { bindIdempotencyKey } from '../common/idempotency';
import { visibleNominationsSql } from '@vinhdanh/persistence/read-model/visibility';
import { nominationRow, nominationsByDossierKey, nominationWithDecision, updateApplied, visibleNomination, type NominationRow } from '@vinhdanh/persistence/read-model/nominations';
import { upsertNominees } from '@vinhdanh/persistence/read-model/identity';
import { dossierComponents, requireComponents } from '@vinhdanh/domain/catalogue/documents';
import { claimDossierNumbers } from '@vinhdanh/persistence/read-model/numbering';
import { unitInReview } from '@vinhdanh/persistence/read-model/phase-reviews';
import { keyedIdFrom, resolveNominee, sha256, uuidFromKey, type NomineeIdentity } from '../nominees/nominee-identity';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { insertNominationRows } from '@vinhdanh/persistence/projection/nomination-row';
import { NOMINATION_WORKFLOW_TYPE, nominationWorkflowId } from '@vinhdanh/domain/ladder/ids';
import { amendUpdate, answerCommentUpdate, decideUpdate, resubmitUpdate, reviewUpdate, withdrawUpdate, type DossierChanges } from '@vinhdanh/workflows/nomination/messages';
import { TERMINAL_STATUSES, type Actor, type NominationInput, type NominationView } from '@vinhdanh/domain/ladder/nomination';
import { SA_AWARD, SA_LEVEL, SA_STATUS, SA_UNIT, SA_YEAR } from '@vinhdanh/domain/ladder/search-attributes';
import type { nominationWorkflow } from '@vinhdanh/workflows/nomination/workflow';
import { plainActor, type AuthenticatedActor } from '../common/actor';
import { Engine } from '../temporal/engine';
import { UpdateProjections } from '../temporal/update-projections';
import { messageAuth } from '../temporal/message-auth';
import type { AmendDto, DecideDto, NomineeDto, ResubmitDto, ReviewDto, SubmitNominationDto, WithdrawDto } from './dto';
import type { NamesakeDeclared, SubmitResult } from './responses';

/** A submission checked but for its nominee: who sends it, the award, and the route it will take. */
export interface CheckedSubmission {
  unitId: string;
  award: ReturnType<typeof awardForNomination>;
  simplified: boolean;
  route: NominationInput['route'];
  year: number;
  movementId?: string;
  dossier: Omit<NominationInput['dossier'], 'achievements'>;
}

/** The dossier key of each nominee for one award and year: a nominee is nominated once per award and year. */
export function dossierKeys(identities: NomineeIdentity[], awardCode: string, year: number): string[] {
  return identities.map((identity) => sha256([identity.nomineeKey, awardCode, year].join('|')));
}

const DUPLICATE_NOMINATION = () =>
  conflict('DUPLICATE_NOMINATION', 'Người (tập thể) này đã được đề nghị hình thức khen thưởng này cho năm này; mỗi năm chỉ đề nghị một lần.', 'This nominee already has a nomination for this award and year; a nominee is nominated once per award and year.');

const SUBMISSION_IN_PROGRESS = () =>
  conflict('SUBMISSION_IN_PROGRESS', 'Hồ sơ này đang được gửi; vui lòng thử lại sau ít giây.', 'This dossier is being sent right now; try again in a few seconds.');

/**
 * A dossier already filed: the unit's own is the same nomination (`duplicate`), another unit's is
 * refused, and nothing of it (id, state, unit) is told — a person is nominated once per award and year.
 */
function filedOutcome(filed: { unitId: string; status: NominationRow['status'] }, unitId: string): { status: NominationView['status'] } | { refusal: DomainError } {
  return filed.unitId !== unitId ? { refusal: DUPLICATE_NOMINATION() } : { status: filed.status };
}

@Injectable()
export class NominationsService {
  private readonly log = new Logger('NominationsService');

  constructor(
    private readonly ds: DataSource,
    private readonly votingRules: VotingRules,
    private readonly engine: Engine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly projections: UpdateProjections,
  ) {
    this.nominationIdOf = keyedIdFrom(config.identityKey);
  }

  /** The nomination id of a dossier key: keyed, so nobody outside can compute it (and squat its workflow id). */
  private readonly nominationIdOf: (dossierKey: string) => string;

  async submit(actor: AuthenticatedActor, dto: SubmitNominationDto): Promise<SubmitResult> {
    const checked = await this.check(actor, { ...dto, nomineeKind: dto.nominee.kind });
    const { personalId, ...nomineeFields } = dto.nominee;
    const identity = await resolveNominee(this.ds.manager, this.config.identityKey, { unitId: checked.unitId, kind: dto.nominee.kind, name: dto.nominee.name, birthYear: dto.nominee.birthYear, personalId });
    return this.launch(actor, checked, nomineeFields, identity, dto.achievements);
  }

  /**
   * Every check of a submission that does not depend on who is nominated, and the route it will
   * take: made once for a dossier, and once for a whole list (imports).
   */
  async check(actor: AuthenticatedActor, dto: Omit<SubmitNominationDto, 'nominee' | 'achievements'> & { nomineeKind: RecipientKind }): Promise<CheckedSubmission> {
    if (!actor.roles.includes('CLERK')) throw forbidden('ROLE_REQUIRED', 'Chỉ văn thư đơn vị mới được nộp hồ sơ.', 'Only a unit clerk may submit nominations.');
    const unitId = dto.unitId ?? actor.unitId;
    if (unitId !== actor.unitId) {
      throw forbidden('WRONG_UNIT', `Bạn chỉ được nộp hồ sơ cho đơn vị ${actor.unitId}.`, `You may submit only for your unit ${actor.unitId}.`);
    }
    if (!isAwardCode(dto.awardCode)) throw invalid('UNKNOWN_AWARD', `Không có hình thức khen thưởng ${dto.awardCode}.`, `Unknown award code ${dto.awardCode}.`, 'awardCode');
    const { from, to } = dto.achievementPeriod;
    if (from > to) throw invalid('BAD_PERIOD', 'Ngày bắt đầu phải trước ngày kết thúc.', 'The period must start before it ends.', 'achievementPeriod');
    if (dto.movementId && !findMovement(dto.movementId)) {
      throw invalid('UNKNOWN_MOVEMENT', `Không có phong trào thi đua ${dto.movementId}.`, `Unknown emulation movement ${dto.movementId}.`, 'movementId');
    }
    // Criteria follow the achievement period; who decides and the route follow the day of submission.
    const { today } = await vietnamToday(this.ds.manager);
    const award = awardForNomination(dto.awardCode, to, today);
    if (!award.recipientKinds.includes(dto.nomineeKind)) {
      throw invalid('WRONG_RECIPIENT', `${award.nameVi} không tặng cho đối tượng ${dto.nomineeKind}.`, `${award.nameEn} is not given to ${dto.nomineeKind}.`, 'nominee.kind');
    }
    if (dto.posthumous && (dto.nomineeKind !== 'INDIVIDUAL' || award.posthumous === 'NOT_ALLOWED')) {
      throw invalid('POSTHUMOUS_NOT_ALLOWED', `${award.nameVi} không truy tặng${dto.nomineeKind !== 'INDIVIDUAL' ? ' cho tập thể, hộ gia đình' : ''}.`, `${award.nameEn} is not given posthumously${dto.nomineeKind !== 'INDIVIDUAL' ? ' to collectives or households' : ''}.`, 'posthumous');
    }
    const simplified = dto.simplifiedProcedureCase !== undefined;
    if (simplified && !award.simplifiedProcedureAllowed) {
      throw invalid('SIMPLIFIED_NOT_ALLOWED', `${award.nameVi} không xét theo thủ tục đơn giản (Điều 85 Luật Thi đua, khen thưởng).`, `${award.nameEn} cannot go by the simplified procedure (Law Art 85).`, 'simplifiedProcedureCase');
    }
    // A commendation proposed at a phase review belongs to a unit the review asked to report.
    if (dto.phaseReviewId && !(await unitInReview(this.ds.manager, dto.phaseReviewId, unitId))) {
      throw invalid('NOT_IN_REVIEW', 'Đơn vị không thuộc đợt sơ kết, tổng kết này.', 'The unit is not part of this phase review.', 'phaseReviewId');
    }
    // Law Art 84–85: a dossier filed under components holds every component its award requires.
    requireComponents(dossierComponents(award, simplified), dto.documents);
    await this.requireCitable(actor, dto.documents.map((d) => d.sha256));
    const route = planRoute(await orgUnits(this.ds.manager), unitId, award, {
      date: today,
      simplified,
      ruleKeyFor: (councilId, ruleKey) => this.votingRules.resolve(councilId, award.code, ruleKey).ruleKey,
    });
    return {
      unitId, award, simplified, route, year: dto.year, movementId: dto.movementId,
      dossier: {
        achievementPeriod: { from, to },
        documents: dto.documents,
        simplifiedProcedureCase: dto.simplifiedProcedureCase,
        achievementRef: dto.achievementRef,
        ...(dto.posthumous ? { posthumous: true } : {}),
        ...(dto.phaseReviewId ? { phaseReviewId: dto.phaseReviewId } : {}),
      },
    };
  }

  /**
   * Starts the nomination of one checked nominee: the registry row, the dossier number, the workflow
   * (its id derived from nominee, award and year, so a repeat starts nothing) and its read-model row.
   */
  async launch(actor: AuthenticatedActor, c: CheckedSubmission, nomineeFields: Omit<NomineeDto, 'personalId'>, identity: NomineeIdentity, achievements: string): Promise<SubmitResult> {
    const [result] = await this.launchMany(actor, c, [{ nomineeFields, identity, achievements }], 1);
    if (result instanceof DomainError) throw result;
    return result;
  }

  /**
   * Starts many nominations of one checked list as `launch` starts one, with the database work done
   * once for all of them (registry rows, dossier numbers, read-model rows: one statement each) and
   * the workflows started `width` at a time. Each entry answers its own result, or the refusal that
   * concerns it alone (nominated by another unit); anything else fails the whole call, and what it
   * started stays started (a repeat finds it and starts nothing).
   */
  async launchMany(actor: AuthenticatedActor, c: CheckedSubmission, entries: { nomineeFields: Omit<NomineeDto, 'personalId'>; identity: NomineeIdentity; achievements: string }[], width: number): Promise<(SubmitResult | DomainError)[]> {
    const { unitId, award } = c;
    const keyed = dossierKeys(entries.map((e) => e.identity), award.code, c.year);
    // A dossier already filed is found by its key, whatever id it was given (ids made before they
    // were keyed included); a new one gets an id nobody can compute without the key.
    const filed = await nominationsByDossierKey(this.ds.manager, keyed);
    const prepared = entries.map(({ nomineeFields, identity, achievements }, i) => {
      const dossierKey = keyed[i];
      return { nomineeFields, identity, achievements, dossierKey, nominationId: filed.get(dossierKey)?.id ?? this.nominationIdOf(dossierKey), filed: filed.get(dossierKey) };
    });
    // The nominee registry rows, so the record (ratings, initiatives…) and future awards attach to one identity.
    await upsertNominees(this.ds.manager, prepared.map(({ nomineeFields, identity }) => ({
      id: uuidFromKey(identity.nomineeKey), nomineeKey: identity.nomineeKey, unitId, kind: nomineeFields.kind, name: identity.name, birthYear: nomineeFields.birthYear, personalIdHash: identity.personalIdHash, accountUserId: identity.accountUserId,
    })));
    const numbers = await claimDossierNumbers(this.ds.manager, unitId, c.year, prepared.map((p) => p.dossierKey));
    const submittedAt = new Date().toISOString();
    const results: (SubmitResult | DomainError)[] = new Array(prepared.length);
    const started: { input: NominationInput; runId: string }[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(width, prepared.length) }, async () => {
      while (next < prepared.length) {
        const i = next++;
        const p = prepared[i];
        const input = this.nominationInput(actor, c, p.nominationId, p.dossierKey, numbers.get(p.dossierKey)!, p.nomineeFields, p.identity, p.achievements);
        const outcome = p.filed ? filedOutcome(p.filed, unitId) : await this.startWorkflow(input);
        if ('runId' in outcome) started.push({ input, runId: outcome.runId });
        results[i] = 'refusal' in outcome ? outcome.refusal : {
          id: p.nominationId, dossierNumber: input.dossierNumber!, nomineeId: uuidFromKey(p.identity.nomineeKey), workflowId: nominationWorkflowId(p.nominationId),
          duplicate: !('runId' in outcome), status: 'runId' in outcome ? 'IN_REVIEW' : outcome.status,
        };
      }
    }));
    await insertNominationRows(this.ds.manager, started, submittedAt);
    return results;
  }

  private nominationInput(actor: AuthenticatedActor, c: CheckedSubmission, nominationId: string, dossierKey: string, dossierNumber: string, nomineeFields: Omit<NomineeDto, 'personalId'>, identity: NomineeIdentity, achievements: string): NominationInput {
    const { award } = c;
    return {
      nominationId,
      dossierKey,
      dossierNumber,
      unitId: c.unitId,
      movementId: c.movementId,
      awardCode: award.code,
      awardNameVi: award.nameVi,
      awardNameEn: award.nameEn,
      year: c.year,
      nominee: {
        ...nomineeFields,
        name: identity.name,
        nomineeKey: identity.nomineeKey,
        ...(identity.personalIdHash ? { personalIdHash: identity.personalIdHash } : {}),
        ...(identity.accountUserId ? { accountUserId: identity.accountUserId } : {}),
      },
      dossier: { ...c.dossier, achievements: achievements.normalize('NFC') },
      catalogueVersion: catalogueFor(c.dossier.achievementPeriod.to).version,
      authorityVersion: award.authorityVersion,
      procedure: c.simplified ? 'SIMPLIFIED' : 'REGULAR',
      routeVersion: 2,
      decidingLevel: award.decidingLevel,
      route: c.route,
      policy: this.config.policy,
      submittedBy: { userId: actor.userId, fullName: actor.fullName, unitId: actor.unitId, roles: actor.roles },
    };
  }

  /** Starts a nomination's workflow once: a second start finds the first (or another unit's, refused). */
  private async startWorkflow(input: NominationInput): Promise<{ runId: string } | { status: NominationView['status'] } | { refusal: DomainError }> {
    try {
      const { firstExecutionRunId: runId } = await this.engine.start<typeof nominationWorkflow>(NOMINATION_WORKFLOW_TYPE, {
        taskQueue: this.config.taskQueue,
        workflowId: nominationWorkflowId(input.nominationId),
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: SA_LEVEL, value: input.route[0].level },
          { key: SA_AWARD, value: input.awardCode },
          { key: SA_UNIT, value: input.unitId },
          { key: SA_STATUS, value: 'IN_REVIEW' },
          { key: SA_YEAR, value: input.year },
        ],
      });
      return { runId };
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      const row = await nominationRow(this.ds.manager, input.nominationId);
      // Never a duplicate the clerk cannot read back: without a row, the same dossier is being sent
      // at this moment (its row follows its start), and sending it again in a moment finds it.
      if (!row) return { refusal: SUBMISSION_IN_PROGRESS() };
      return filedOutcome({ unitId: row.unit_id, status: row.status }, input.unitId);
    }
  }


  /** The reader states that the nominee who bears their name is not them; kept and audited. */
  async declareNotTheNominee(actor: AuthenticatedActor, id: string): Promise<NamesakeDeclared> {
    const row = await visibleNomination(this.ds.manager, actor, id);
    if (!row) throw notFound('NOMINATION_NOT_FOUND', 'Không tìm thấy hồ sơ.', 'Nomination not found.');
    if (!isNamesake(actor.fullName, row.nominee)) throw conflict('NOT_A_NAMESAKE', 'Người được đề nghị không trùng họ tên với bạn; không cần xác nhận.', 'The nominee does not bear your name; there is nothing to declare.');
    await this.ds.transaction((tx) => declareNotTheNominee(tx, { nominationId: id, userId: actor.userId, role: actor.roles.join(',') }));
    return { nominationId: id, declared: true };
  }

  review(actor: AuthenticatedActor, id: string, dto: ReviewDto, key?: string): Promise<NominationView> {
    return this.update(actor, id, 'review', reviewUpdate, dto, key, 'REVIEW');
  }

  async resubmit(actor: AuthenticatedActor, id: string, dto: ResubmitDto, key?: string): Promise<NominationView> {
    await this.requireCitable(actor, dto.documents.map((d) => d.sha256));
    const changes = dto.changes && dossierChanges(dto.changes);
    const hasChanges = changes && Object.keys(changes).length > 0;
    return this.update(actor, id, 'resubmit', resubmitUpdate, { note: dto.note.normalize('NFC'), documents: dto.documents, ...(hasChanges ? { changes } : {}) }, key);
  }

  /**
   * The clerk corrects the dossier before its first review (the workflow's validator decides when).
   * New files must be the unit's, and a dossier filed under components stays complete.
   */
  async amend(actor: AuthenticatedActor, id: string, dto: AmendDto, key?: string): Promise<NominationView> {
    if (dto.documents) {
      // Out of scope reads as missing, before anything about the dossier is said.
      const row = await visibleNomination(this.ds.manager, actor, id);
      if (!row) throw notFound('NOMINATION_NOT_FOUND', 'Không tìm thấy hồ sơ.', 'Nomination not found.');
      if (isAwardCode(row.award_code)) {
        const award = awardForNomination(row.award_code, row.dossier.achievementPeriod.to, row.submitted_at.toISOString().slice(0, 10));
        requireComponents(dossierComponents(award, row.dossier.simplifiedProcedureCase !== undefined), dto.documents);
      }
      await this.requireCitable(actor, dto.documents.map((d) => d.sha256));
    }
    const changes = { ...dossierChanges(dto), ...(dto.documents !== undefined ? { documents: dto.documents } : {}) };
    return this.update(actor, id, 'amend', amendUpdate, { changes, ...(dto.note ? { note: dto.note.normalize('NFC') } : {}) }, key);
  }

  /**
   * A dossier cites only files its own unit uploaded, or files already in a dossier the caller may
   * read: knowing a file's hash does not give access to it.
   */
  private async requireCitable(actor: AuthenticatedActor, shas: string[]): Promise<void> {
    const citable = await citableDocuments(this.ds.manager, shas, actor.unitId, visibleNominationsSql(actor));
    const index = shas.findIndex((s) => !citable.has(s));
    if (index >= 0) {
      throw invalid('DOCUMENT_NOT_AVAILABLE', 'Tài liệu chưa được đơn vị bạn tải lên; hãy tải tệp lên trước khi đưa vào hồ sơ.', 'Your unit has not uploaded this document; upload the file before citing it.', `documents.${index}.sha256`);
    }
  }

  withdraw(actor: AuthenticatedActor, id: string, dto: WithdrawDto, key?: string): Promise<NominationView> {
    return this.update(actor, id, 'withdraw', withdrawUpdate, { reason: dto.reason }, key);
  }

  /**
   * A batch is one decision per award: nominations decided together share a number only when they
   * are for the same award, so three titles and a Bằng khen make two decisions, each worded right.
   */
  async decide(actor: AuthenticatedActor, id: string, dto: DecideDto & { batchKey?: string }, key?: string): Promise<NominationView> {
    const row = dto.batchKey ? await nominationRow(this.ds.manager, id) : undefined;
    const batchKey = dto.batchKey && row ? `${dto.batchKey}|${row.award_code}` : dto.batchKey;
    return this.update(actor, id, 'decide', decideUpdate, { ...dto, ...(batchKey ? { batchKey } : {}) }, key, 'DECIDE');
  }

  /** A reviewer's answer to a public comment: recorded, and one less comment holding the council back. */
  answerComment(actor: AuthenticatedActor, id: string, commentId: string, answer: string, key?: string): Promise<NominationView> {
    return this.update(actor, id, `answer:${commentId}`, answerCommentUpdate, { commentId, answer }, key, 'REVIEW');
  }

  private async viewFromReadModel(id: string): Promise<NominationView> {
    const r = await nominationWithDecision(this.ds.manager, id);
    if (!r) throw notFound('NOMINATION_NOT_FOUND', 'Không tìm thấy hồ sơ.', 'Nomination not found.');
    return toView(r);
  }

  /**
   * Sends an Update; its validator answers synchronously (403/409/400) and writes nothing when it
   * refuses. In order: the nomination must be one the caller may see (else the same 404 as a
   * missing one), the Idempotency-Key must be the caller's for this very request, a conflict of
   * interest is refused and recorded as a recusal, and only then does the state matter.
   */
  private async update<A extends object>(actor: AuthenticatedActor, id: string, route: string, def: UpdateDefinition<NominationView, [A & { actor: Actor }]>, body: A, key: string | undefined, conflictAction?: ConflictedAction): Promise<NominationView> {
    const row = await visibleNomination(this.ds.manager, actor, id);
    if (!row) throw notFound('NOMINATION_NOT_FOUND', 'Không tìm thấy hồ sơ.', 'Nomination not found.');
    const keyed = await bindIdempotencyKey(this.ds.manager, actor.userId, key, `${route}:${id}`, body);
    // A retried request whose first attempt took effect in the read model is sent again all the
    // same: Temporal answers it from the first attempt if the workflow has it, and applies it if
    // the workflow lost it (a server that died before recording it). Only once the workflow has
    // finished, and Temporal no longer knows the Update, does the read model answer.
    const applied = keyed !== undefined && (await updateApplied(this.ds.manager, id, keyed));
    const conflicts = await conflictFactsOf(this.ds.manager, actor.userId, id);
    if (conflictAction && !applied) {
      const ground = conflictGround(actor.userId, conflicts, { nominationId: id, nomineePersonalIdHash: row.nominee.personalIdHash, nomineeAccountUserId: row.nominee.accountUserId ?? row.nominee.userId, submittedByUserId: row.submitted_by }, conflictAction);
      if (ground) {
        await this.ds.transaction((tx) => recordRecusal(tx, { nominationId: id, userId: actor.userId, role: conflictAction === 'REVIEW' ? 'REVIEWER' : 'DECISION_MAKER', action: conflictAction, ground }));
        throw conflictOfInterest(ground, conflictAction);
      }
      // A nominee with the actor's own name may be the actor under a mistyped personal id: they say it is not them first.
      if (isNamesake(actor.fullName, row.nominee) && !(await namesakesDeclared(this.ds.manager, actor.userId, [id])).has(id)) throw namesakeDeclarationRequired(row.nominee.name);
    }
    if (!applied && (TERMINAL_STATUSES as readonly string[]).includes(row.status)) {
      throw conflict('ALREADY_CLOSED', 'Hồ sơ đã kết thúc.', 'The nomination is already closed.');
    }
    const handle = this.engine.client.workflow.getHandle(row.workflow_id);
    const args = { ...body, actor: { ...plainActor(actor), conflicts }, auth: messageAuth() } as A & { actor: Actor };
    const updateId = keyed ?? randomUUID();
    // Listening before sending: the answer is the state the action's event projected, taken from
    // the projection's commit (docs/architecture.md) or else from Temporal's completion of the
    // Update, whichever comes first. A refusal by the workflow comes back through the latter.
    const projection = this.projections.waitFor(updateId, this.config.temporalRpcTimeoutMs);
    const send = () => this.engine.within(() => handle.executeUpdate(def, { args: [args], updateId }));
    let answeredEarly = false;
    const completed = send();
    // Answered at the commit, the action must still reach the workflow's history: if Temporal
    // does not confirm it (its server died before the workflow task completed), the API sends it
    // again, with the same id, until Temporal does.
    completed.catch((err) => answeredEarly && this.redeliver(updateId, send, err));
    try {
      return await Promise.race([
        completed,
        projection.projected.then((view) => {
          if (!view) return completed;
          answeredEarly = true;
          return view as NominationView;
        }),
      ]);
    } catch (err) {
      // The workflow finished between the read above and this Update: another person's action closed
      // it (its last steps now run inside one workflow task). That is a lost race, not a missing dossier.
      if (err instanceof WorkflowNotFoundError || isGrpcNotFound(err)) {
        if (applied) return this.viewFromReadModel(id);
        throw conflict('ALREADY_CLOSED', 'Hồ sơ vừa kết thúc do một thao tác khác; vui lòng tải lại.', 'The nomination was just closed by another action; reload.');
      }
      throw err;
    } finally {
      projection.cancel();
    }
  }

  /**
   * Sends an Update answered at its projection's commit again until Temporal confirms it (for up
   * to ten minutes, the wait doubling to 30 s). Temporal deduplicates by the Update's id, so a
   * confirmation of the first attempt and a second application cannot both happen.
   */
  private redeliver(updateId: string, send: () => Promise<NominationView>, first: unknown): void {
    const until = Date.now() + 10 * 60_000;
    this.log.warn(`update ${updateId}: answered at its projection, not yet confirmed by Temporal (${(first as Error).message}); sending it again`);
    const attempt = (n: number): void => {
      const timer = setTimeout(() => {
        send().then(
          () => this.log.log(`update ${updateId}: confirmed by Temporal after ${n} resend(s)`),
          (err: unknown) => {
            if (err instanceof WorkflowUpdateFailedError || err instanceof WorkflowNotFoundError || isGrpcNotFound(err) || Date.now() > until) {
              this.log.error(`update ${updateId}: resend ended without a confirmation: ${(err as Error).message}`);
              return;
            }
            attempt(n + 1);
          },
        );
      }, Math.min(30_000, 1000 * 2 ** (n - 1)));
      timer.unref();
    };
    attempt(1);
  }
}

const toView = (r: NominationRow & { decision_number: string | null; issued_on: string | null }): NominationView => ({
  nominationId: r.id,
  status: r.status,
  level: r.current_level,
  step: r.current_step,
  lastSeq: r.last_seq,
  ...(r.outcome_reason ? { outcomeReason: r.outcome_reason } : {}),
  ...(r.decision_id && r.decision_number && r.issued_on ? { decision: { decisionId: r.decision_id, number: r.decision_number, issuedOn: r.issued_on } } : {}),
});
/** The dossier fields a clerk corrects (before review, or answering a supplement), as given, in composed Unicode. */
function dossierChanges(c: { achievements?: string; position?: string; frontLine?: boolean }): DossierChanges {
  return {
    ...(c.achievements !== undefined ? { achievements: c.achievements.normalize('NFC') } : {}),
    ...(c.position !== undefined ? { position: c.position.normalize('NFC') } : {}),
    ...(c.frontLine !== undefined ? { frontLine: c.frontLine } : {}),
  };
}
