import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { awardDefinition, catalogueFor, isAwardCode } from '@vinhdanh/domain/catalogue';
import { findMovement } from '@vinhdanh/domain/movement';
import { conflict, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { normalizeName } from '@vinhdanh/domain/common/identity';
import { nomineeKeyOf, sha256, uuidFromKey } from '../nominees/nominee-identity';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { insertNominationRow } from '@vinhdanh/activities/nomination/nomination-row';
import { NOMINATION_WORKFLOW_TYPE, nominationWorkflowId } from '@vinhdanh/workflows/nomination/ids';
import { decideUpdate, resubmitUpdate, reviewUpdate, withdrawUpdate } from '@vinhdanh/workflows/nomination/messages';
import { TERMINAL_STATUSES, type NominationInput, type NominationView } from '@vinhdanh/workflows/nomination/types';
import { SA_AWARD, SA_LEVEL, SA_STATUS, SA_UNIT, SA_YEAR } from '@vinhdanh/workflows/search-attributes';
import type { nominationWorkflow } from '@vinhdanh/workflows/nomination/workflow';
import type { AuthenticatedActor } from '../auth/public.decorator';
import { TEMPORAL_CLIENT, withinDeadline } from '../temporal/temporal.module';
import { messageAuth } from '../temporal/message-auth';
import type { DecideDto, ResubmitDto, ReviewDto, SubmitNominationDto, WithdrawDto } from './dto';
import { RouteService } from './route.service';

export interface SubmitResult {
  id: string;
  nomineeId: string;
  workflowId: string;
  duplicate: boolean;
  status: string;
}

@Injectable()
export class NominationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly routes: RouteService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async submit(actor: AuthenticatedActor, dto: SubmitNominationDto): Promise<SubmitResult> {
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
    const award = awardDefinition(dto.awardCode, to);
    if (!award.recipientKinds.includes(dto.nominee.kind)) {
      throw invalid('WRONG_RECIPIENT', `${award.nameVi} không tặng cho đối tượng ${dto.nominee.kind}.`, `${award.nameEn} is not given to ${dto.nominee.kind}.`, 'nominee.kind');
    }
    const name = normalizeName(dto.nominee.name);
    if (!name) throw invalid('NAME_REQUIRED', 'Tên người được đề nghị không được để trống.', 'The nominee name must not be blank.', 'nominee.name');

    const nomineeKey = nomineeKeyOf(unitId, dto.nominee.kind, name, dto.nominee.birthYear);
    const dossierKey = sha256([nomineeKey, dto.awardCode, dto.year].join('|'));
    const nominationId = uuidFromKey(dossierKey);
    // The nominee registry row, so the record (ratings, initiatives…) and future awards attach to one identity.
    await this.ds.query(
      `INSERT INTO nominee (id, nominee_key, unit_id, kind, name, birth_year, user_id) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (nominee_key) DO NOTHING`,
      [uuidFromKey(nomineeKey), nomineeKey, unitId, dto.nominee.kind, name, dto.nominee.birthYear ?? null, dto.nominee.userId ?? null],
    );
    const input: NominationInput = {
      nominationId,
      dossierKey,
      unitId,
      movementId: dto.movementId,
      awardCode: award.code,
      awardNameVi: award.nameVi,
      awardNameEn: award.nameEn,
      year: dto.year,
      nominee: { ...dto.nominee, name, nomineeKey },
      dossier: {
        achievementPeriod: { from, to },
        achievements: dto.achievements.normalize('NFC'),
        documents: dto.documents,
        simplifiedProcedureCase: dto.simplifiedProcedureCase,
        achievementRef: dto.achievementRef,
      },
      catalogueVersion: catalogueFor(to).version,
      decidingLevel: award.decidingLevel,
      route: await this.routes.resolve(unitId, award),
      policy: this.config.policy,
      submittedBy: { userId: actor.userId, fullName: actor.fullName, unitId: actor.unitId, roles: actor.roles },
    };
    const workflowId = nominationWorkflowId(nominationId);
    try {
      await withinDeadline(this.temporal, () => this.temporal.workflow.start<typeof nominationWorkflow>(NOMINATION_WORKFLOW_TYPE, {
        taskQueue: this.config.taskQueue,
        workflowId,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: SA_LEVEL, value: input.route[0].level },
          { key: SA_AWARD, value: input.awardCode },
          { key: SA_UNIT, value: unitId },
          { key: SA_STATUS, value: 'IN_REVIEW' },
          { key: SA_YEAR, value: input.year },
        ],
      }), this.config.temporalRpcTimeoutMs);
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      const [row] = await this.ds.query(`SELECT status FROM nomination WHERE id=$1`, [nominationId]);
      return { id: nominationId, nomineeId: uuidFromKey(nomineeKey), workflowId, duplicate: true, status: row?.status ?? 'IN_REVIEW' };
    }
    await insertNominationRow(this.ds.manager, input, new Date().toISOString());
    return { id: nominationId, nomineeId: uuidFromKey(nomineeKey), workflowId, duplicate: false, status: 'IN_REVIEW' };
  }

  review(actor: AuthenticatedActor, id: string, dto: ReviewDto, updateId?: string): Promise<NominationView> {
    return this.update(id, reviewUpdate, { actor: plain(actor), ...dto }, updateId);
  }

  resubmit(actor: AuthenticatedActor, id: string, dto: ResubmitDto, updateId?: string): Promise<NominationView> {
    return this.update(id, resubmitUpdate, { actor: plain(actor), note: dto.note.normalize('NFC'), documents: dto.documents }, updateId);
  }

  withdraw(actor: AuthenticatedActor, id: string, dto: WithdrawDto, updateId?: string): Promise<NominationView> {
    return this.update(id, withdrawUpdate, { actor: plain(actor), reason: dto.reason }, updateId);
  }

  decide(actor: AuthenticatedActor, id: string, dto: DecideDto & { batchKey?: string }, updateId?: string): Promise<NominationView> {
    return this.update(id, decideUpdate, { actor: plain(actor), ...dto }, updateId);
  }

  private async viewFromReadModel(id: string): Promise<NominationView> {
    const [r] = await this.ds.query(
      `SELECT n.*, d.number AS decision_number, d.issued_on::text AS issued_on FROM nomination n LEFT JOIN decision d ON d.id::text = n.decision_id WHERE n.id=$1`,
      [id],
    );
    return toView(r);
  }

  /** Sends an Update; its validator answers synchronously (403/409/400) and writes nothing when it refuses. */
  private async update<A>(id: string, def: UpdateDefinition<NominationView, [A]>, args: A, updateId?: string): Promise<NominationView> {
    const [row] = await this.ds.query(`SELECT workflow_id, status FROM nomination WHERE id=$1`, [id]);
    if (!row) throw notFound('NOMINATION_NOT_FOUND', `Không tìm thấy hồ sơ ${id}.`, `Nomination ${id} not found.`);
    // A retried request whose first attempt took effect (perhaps after its caller gave up) gets the
    // same success, even once the workflow has finished and Temporal no longer deduplicates it.
    if (updateId && (await this.ds.query(`SELECT 1 FROM nomination_event WHERE nomination_id=$1 AND data->>'updateId' = $2`, [id, updateId])).length) {
      return this.viewFromReadModel(id);
    }
    if ((TERMINAL_STATUSES as readonly string[]).includes(row.status)) {
      throw conflict('ALREADY_CLOSED', `Hồ sơ đã kết thúc (${row.status}).`, `The nomination is already closed (${row.status}).`);
    }
    const handle = this.temporal.workflow.getHandle(row.workflow_id);
    const authenticated = { ...args, auth: messageAuth() };
    return withinDeadline(this.temporal, () => handle.executeUpdate(def, { args: [authenticated], ...(updateId ? { updateId } : {}) }), this.config.temporalRpcTimeoutMs);
  }
}

const toView = (r: Record<string, any>): NominationView => ({
  nominationId: r.id,
  status: r.status,
  level: r.current_level,
  step: r.current_step,
  lastSeq: r.last_seq,
  ...(r.outcome_reason ? { outcomeReason: r.outcome_reason } : {}),
  ...(r.decision_number ? { decision: { decisionId: r.decision_id, number: r.decision_number, issuedOn: r.issued_on } } : {}),
});
const plain = (a: AuthenticatedActor) => ({ userId: a.userId, fullName: a.fullName, unitId: a.unitId, roles: a.roles });
