import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { uuidParam } from '../common/validation';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';
import { conflict, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { currentUnit } from '@vinhdanh/domain/routing';
import { citableDocuments } from '@vinhdanh/persistence/read-model/documents';
import { auditRows, orgUnits, unitsWithin, unitWithin } from '@vinhdanh/persistence/read-model/org';
import { insertRevocationCase, registerEntry, revocationCase, revocationCases } from '@vinhdanh/persistence/read-model/revocations';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { decideRevocationUpdate, REVOCATION_WORKFLOW_TYPE, revocationWorkflowId } from '@vinhdanh/workflows/revocation/messages';
import { REVOCATION_GROUNDS, type RevocationGround, type RevocationInput } from '@vinhdanh/domain/ladder/revocation';
import type { revocationWorkflow } from '@vinhdanh/workflows/revocation/workflow';
import { CurrentActor, plainActor, type AuthenticatedActor } from '../common/actor';
import { DocumentDto } from '../nominations/dto';
import { visibleNominationsSql } from '@vinhdanh/persistence/read-model/visibility';
import { Engine } from '../temporal/engine';
import { DecisionDocuments } from '../nominations/decision-documents.service';
import { messageAuth } from '../temporal/message-auth';
import { Operation } from '../contract/operation';
import type { RevocationView } from '@vinhdanh/domain/ladder/revocation';
import type { CaseOpened, RevocationCaseDetail, RevocationCases } from './responses';

class OpenRevocationDto {
  @ApiProperty({ description: 'The award register entry to revoke' }) @IsUUID() registerId!: string;
  @ApiProperty({ enum: REVOCATION_GROUNDS }) @IsIn(REVOCATION_GROUNDS) ground!: RevocationGround;
  @ApiProperty({ description: 'What the inspection found' }) @IsString() @MinLength(10) @MaxLength(10000) statement!: string;
  @ApiProperty({ type: [DocumentDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => DocumentDto) evidence!: DocumentDto[];
}

class DecideRevocationDto {
  @ApiProperty({ enum: ['REVOKE', 'DISMISS'] }) @IsIn(['REVOKE', 'DISMISS']) action!: 'REVOKE' | 'DISMISS';
  @ApiProperty() @IsString() @MinLength(5) @MaxLength(5000) reason!: string;
}


/**
 * Thu hồi (Law, Chapter VII): an inspector opens a case against an award with its grounds and
 * evidence; the authority that decided the award (or its successor) revokes it or dismisses the
 * case. One durable workflow per case; every step on the case's audit stream.
 */
@ApiTags('revocations')
@Controller('revocations')
export class RevocationsController {
  constructor(private readonly ds: DataSource, private readonly engine: Engine, @Inject(APP_CONFIG) private readonly config: AppConfig, private readonly documents: DecisionDocuments) {}

  @Post()
  @Operation({
    summary: { vi: 'Mở vụ việc hủy bỏ khen thưởng', en: 'Open a revocation case' },
    description: {
      vi: 'Thanh tra mở vụ việc với căn cứ (Điều 93 Luật TĐKT), trình bày và chứng cứ đã tải lên; cơ quan đã quyết định (hoặc đơn vị kế thừa) xem xét.',
      en: 'An inspector opens a case with its ground (Law art. 93), a statement and uploaded evidence; the authority that decided (or its successor) considers it.',
    },
    ok: { status: 201, body: 'CaseOpened' },
    errors: [403, 404, 409],
  })
  async open(@CurrentActor() actor: AuthenticatedActor, @Body() dto: OpenRevocationDto): Promise<CaseOpened> {
    if (!actor.roles.includes('INSPECTOR')) throw forbidden('ROLE_REQUIRED', 'Chỉ thanh tra mới mở vụ việc thu hồi.', 'Only an inspector opens a revocation case.');
    const entry = await registerEntry(this.ds.manager, dto.registerId);
    // Outside the inspector's scope reads like an entry that does not exist.
    if (!entry || (actor.scopeUnitId && !(await unitWithin(this.ds.manager, entry.unitId, actor.scopeUnitId)))) throw notFound('REGISTER_ENTRY_NOT_FOUND', 'Không tìm thấy khen thưởng này trong sổ.', 'No such award in the register.');
    if (entry.revokedAt) throw conflict('ALREADY_REVOKED', 'Khen thưởng này đã bị thu hồi.', 'This award is already revoked.');
    if (!entry.decisionId || !entry.issuerUnitId) throw invalid('NO_DECISION', 'Khen thưởng nhập tay không có quyết định trong hệ thống; thu hồi theo quyết định gốc.', 'A hand-entered award has no decision here; revoke it through the original decision.', 'registerId');
    const shas = dto.evidence.map((d) => d.sha256);
    const citable = await citableDocuments(this.ds.manager, shas, actor.unitId, visibleNominationsSql(actor));
    const missing = shas.findIndex((s) => !citable.has(s));
    if (missing >= 0) throw invalid('DOCUMENT_NOT_AVAILABLE', 'Tài liệu chứng cứ chưa được tải lên.', 'Upload the evidence before citing it.', `evidence.${missing}.sha256`);
    // The authority that decided, or the one that took its place after a reorganisation.
    const units = await orgUnits(this.ds.manager);
    const today = new Date().toISOString().slice(0, 10);
    const deciding = currentUnit(new Map(units.map((u) => [u.id, u])), entry.issuerUnitId, today)!;
    const caseId = randomUUID();
    const workflowId = revocationWorkflowId(caseId);
    const input: RevocationInput = {
      caseId, registerId: entry.id, ...(entry.nominationId ? { nominationId: entry.nominationId } : {}), decisionId: entry.decisionId, decisionNumber: entry.decisionNumber,
      decidingUnitId: deciding.id, ...(entry.nomineeAccountUserId ? { nomineeAccountUserId: entry.nomineeAccountUserId } : {}),
      ground: dto.ground, statement: dto.statement.normalize('NFC'), evidence: dto.evidence.map((d) => ({ name: d.name, sha256: d.sha256 })), openedBy: plainActor(actor), auth: messageAuth(),
    };
    // The case row and the workflow together: if either fails, neither happened.
    await this.ds.transaction(async (tx) => {
      const inserted = await insertRevocationCase(tx, { id: caseId, workflowId, registerId: entry.id, nominationId: entry.nominationId, decisionId: entry.decisionId!, decidingUnitId: deciding.id, ground: dto.ground, statement: input.statement, evidence: input.evidence, openedBy: actor.userId });
      if (!inserted) throw conflict('CASE_OPEN', 'Đã có vụ việc thu hồi đang mở cho khen thưởng này.', 'A revocation case is already open for this award.');
      await this.engine.start<typeof revocationWorkflow>(REVOCATION_WORKFLOW_TYPE, { taskQueue: this.config.taskQueue, workflowId, args: [input] });
    }).catch((err) => {
      if ((err as { code?: string }).code === '23505') throw conflict('CASE_OPEN', 'Đã có vụ việc thu hồi đang mở cho khen thưởng này.', 'A revocation case is already open for this award.');
      throw err;
    });
    return { caseId, workflowId, decidingUnitId: deciding.id, status: 'OPEN' };
  }

  @Get()
  @Operation({
    summary: { vi: 'Các vụ việc hủy bỏ', en: 'Revocation cases' },
    description: { vi: 'Thanh tra: vụ việc trong phạm vi; người quyết định: vụ việc đơn vị mình phải quyết định.', en: 'Inspectors and auditors: the cases in scope; decision makers: the cases their unit decides.' },
    ok: { body: 'RevocationCases' },
  })
  async list(@CurrentActor() actor: AuthenticatedActor): Promise<RevocationCases> {
    if (actor.roles.includes('INSPECTOR') || actor.roles.includes('AUDITOR') || actor.roles.includes('ADMIN')) {
      return { items: await revocationCases(this.ds.manager, actor.scopeUnitId ? { unitIds: await unitsWithin(this.ds.manager, actor.scopeUnitId) } : {}) };
    }
    if (actor.roles.includes('DECISION_MAKER')) return { items: await revocationCases(this.ds.manager, { decidingUnitId: actor.unitId }) };
    return { items: [] };
  }

  @Get(':id')
  @Operation({
    summary: { vi: 'Xem một vụ việc hủy bỏ', en: 'Read a revocation case' },
    description: { vi: 'Vụ việc với các bước đã ghi trong nhật ký kiểm toán.', en: 'The case with its steps from the audit log.' },
    ok: { body: 'RevocationCaseDetail' },
    errors: [404],
  })
  async get(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<RevocationCaseDetail> {
    const c = await this.readable(actor, id);
    const trail = await auditRows(this.ds.manager, `revocation:${id}`);
    return { ...c, trail: trail.map((t) => ({ seq: t.stream_seq, type: t.event_type, actorId: t.actor_id, actorName: t.full_name, actorRole: t.actor_role, at: t.occurred_at, payload: t.payload })) };
  }

  @Post(':id/decide')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Quyết định vụ việc hủy bỏ', en: 'Decide a revocation case' },
    description: { vi: 'Hủy bỏ (ban hành quyết định hủy, đánh dấu trong sổ khen thưởng) hoặc bác, kèm lý do.', en: 'Revoke (issues the revocation decision, marks the register) or dismiss, with a reason.' },
    ok: { body: 'RevocationView' },
    errors: [403, 404, 409],
  })
  async decide(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: DecideRevocationDto): Promise<RevocationView> {
    const c = await this.readable(actor, id);
    if (c.status !== 'OPEN') throw conflict('CASE_CLOSED', 'Vụ việc thu hồi đã được quyết định.', 'The revocation case is already decided.');
    const view = await this.engine.update(c.workflowId, decideRevocationUpdate, { actor: plainActor(actor), action: dto.action, reason: dto.reason.normalize('NFC') });
    // Signed when issued, as an award decision is (docs/audit.md): its hash on the chain from then on.
    this.documents.signSoon(view.revocationDecision?.decisionId);
    return view;
  }

  /** The same 404 as a missing case for anyone who is neither in scope nor the deciding unit. */
  private async readable(actor: AuthenticatedActor, id: string) {
    const c = await revocationCase(this.ds.manager, id);
    const overseer = actor.roles.includes('INSPECTOR') || actor.roles.includes('AUDITOR') || actor.roles.includes('ADMIN');
    const inScope = c && overseer && (!actor.scopeUnitId || (await unitWithin(this.ds.manager, c.unitId, actor.scopeUnitId)));
    const decides = c && actor.roles.includes('DECISION_MAKER') && c.decidingUnitId === actor.unitId;
    if (!c || !(inScope || decides)) throw notFound('CASE_NOT_FOUND', 'Không tìm thấy vụ việc.', 'Case not found.');
    return c;
  }
}
