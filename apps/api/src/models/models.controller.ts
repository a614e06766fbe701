import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { UpdateDefinition } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { conflict, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import type { Actor } from '@vinhdanh/domain/ladder/nomination';
import { MODEL_WORKFLOW_TYPE, modelWorkflowId, type ModelInput, type ModelView } from '@vinhdanh/domain/movement/exemplary-model';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { findModel, modelsOf, publishedModels } from '@vinhdanh/persistence/read-model/models';
import { nominationWithDecision } from '@vinhdanh/persistence/read-model/nominations';
import { unitsWithin } from '@vinhdanh/persistence/read-model/org';
import { advanceModelUpdate, linkAwardUpdate, publishModelUpdate } from '@vinhdanh/workflows/exemplary-model/messages';
import type { exemplaryModelWorkflow } from '@vinhdanh/workflows/exemplary-model/workflow';
import { CurrentActor, plainActor, type AuthenticatedActor } from '../common/actor';
import { uuidParam } from '../common/validation';
import { Operation } from '../contract/operation';
import { messageAuth } from '../temporal/message-auth';
import { Engine } from '../temporal/engine';
import { AdvanceModelDto, LinkAwardDto, RegisterModelDto } from './dto';
import { projected } from '../common/projected';
import type { ModelList, PublicModels } from './responses';
import type { ModelRow } from '@vinhdanh/persistence/read-model/models';

/**
 * Exemplary models (điển hình tiên tiến): registered by a unit, followed through the four stages,
 * published by its head for the press and the public, linked to the awards they won.
 */
@ApiTags('models')
@Controller()
export class ModelsController {
  constructor(private readonly ds: DataSource, private readonly engine: Engine, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Post('models')
  @Operation({
    summary: { vi: 'Ghi nhận điển hình tiên tiến', en: 'Register an exemplary model' },
    description: { vi: 'Văn thư hoặc thủ trưởng ghi nhận một điển hình vừa phát hiện của đơn vị.', en: 'The unit’s clerk or head registers a model just found.' },
    ok: { status: 201, body: 'ModelRow' },
    errors: [403],
  })
  async register(@CurrentActor() actor: AuthenticatedActor, @Body() dto: RegisterModelDto): Promise<ModelRow> {
    if (!actor.roles.includes('CLERK') && !actor.roles.includes('DECISION_MAKER')) throw forbidden('UNIT_STAFF_REQUIRED', 'Chỉ văn thư hoặc thủ trưởng của đơn vị mới theo dõi điển hình của đơn vị.', 'Only the unit’s clerk or head follows its models.');
    const modelId = randomUUID();
    const input: ModelInput = { modelId, unitId: actor.unitId, kind: dto.kind, subjectName: dto.subjectName.normalize('NFC').trim(), titleVi: dto.titleVi.normalize('NFC').trim(), descriptionVi: dto.descriptionVi.normalize('NFC'), openedBy: plainActor(actor), auth: messageAuth() };
    await this.engine.start<typeof exemplaryModelWorkflow>(MODEL_WORKFLOW_TYPE, { taskQueue: this.config.taskQueue, workflowId: modelWorkflowId(modelId), args: [input] });
    const row = await projected(() => findModel(this.ds.manager, modelId), this.config.temporalRpcTimeoutMs);
    if (row) return row;
    // A busy machine: the model as registered, before its first step is projected.
    return {
      id: modelId, unitId: actor.unitId, unitNameVi: null, unitNameEn: null, kind: input.kind, subjectName: input.subjectName, titleVi: input.titleVi, descriptionVi: input.descriptionVi,
      stage: 'PHAT_HIEN', stages: [], published: false, publishedAt: null, awards: [], createdAt: new Date().toISOString(),
    };
  }

  @Get('models')
  @Operation({
    summary: { vi: 'Các điển hình tiên tiến', en: 'Exemplary models' },
    description: { vi: 'Của đơn vị mình; Sở Nội vụ, thanh tra: trong phạm vi.', en: 'One’s own unit’s; Home Affairs, inspectors and auditors: those in scope.' },
    ok: { body: 'ModelList' },
  })
  async list(@CurrentActor() actor: AuthenticatedActor): Promise<ModelList> {
    return { items: await modelsOf(this.ds.manager, await this.scope(actor)) };
  }

  @Get('models/:id')
  @Operation({ summary: { vi: 'Xem một điển hình', en: 'Read a model' }, description: { vi: 'Các giai đoạn đã qua, việc đã làm, khen thưởng đã gắn.', en: 'The stages reached, what was done, the awards linked.' }, ok: { body: 'ModelRow' }, errors: [404] })
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<ModelRow> {
    return this.readable(actor, id);
  }

  @Post('models/:id/advance')
  @HttpCode(200)
  @Operation({ summary: { vi: 'Chuyển giai đoạn', en: 'Move to the next stage' }, description: { vi: 'Phát hiện → bồi dưỡng → tổng kết → nhân rộng, kèm việc đã làm.', en: 'Found → fostered → summed up → replicated, with what was done.' }, ok: { body: 'ModelRow' }, errors: [403, 404, 409] })
  async advance(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: AdvanceModelDto): Promise<ModelRow> {
    await this.readable(actor, id);
    return this.update(actor, id, advanceModelUpdate, { note: dto.note.normalize('NFC') });
  }

  @Post('models/:id/publish')
  @HttpCode(200)
  @Operation({ summary: { vi: 'Công bố điển hình', en: 'Publish the model' }, description: { vi: 'Thủ trưởng đơn vị công bố điển hình đã tổng kết lên trang công khai, để báo chí, truyền thông tuyên truyền.', en: 'The unit head publishes a model that has been summed up on the public page, for the press and media.' }, ok: { body: 'ModelRow' }, errors: [403, 404, 409] })
  async publish(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<ModelRow> {
    await this.readable(actor, id);
    return this.update(actor, id, publishModelUpdate, {});
  }

  @Post('models/:id/awards')
  @HttpCode(200)
  @Operation({ summary: { vi: 'Gắn khen thưởng với điển hình', en: 'Link an award to the model' }, description: { vi: 'Một hồ sơ đã được khen thưởng của đơn vị.', en: 'An awarded nomination of the unit.' }, ok: { body: 'ModelRow' }, errors: [403, 404, 409] })
  async link(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: LinkAwardDto): Promise<ModelRow> {
    const model = await this.readable(actor, id);
    const n = await nominationWithDecision(this.ds.manager, dto.nominationId);
    if (!n || n.unit_id !== model.unitId) throw notFound('NOMINATION_NOT_FOUND', 'Không tìm thấy hồ sơ.', 'Nomination not found.');
    if (n.status !== 'AWARDED' || !n.decision_number) throw invalid('NOT_AWARDED', 'Hồ sơ này chưa được khen thưởng.', 'This nomination has not been awarded.', 'nominationId');
    return this.update(actor, id, linkAwardUpdate, { award: { nominationId: n.id, awardCode: n.award_code, decisionNumber: n.decision_number } });
  }

  @Get('public/models')
  @Operation({ summary: { vi: 'Điển hình tiên tiến đã công bố', en: 'Published exemplary models' }, description: { vi: 'Cho báo chí và công chúng; không đăng nhập.', en: 'For the press and the public; no sign-in.' }, ok: { body: 'PublicModels' }, public: true })
  async published(): Promise<PublicModels> {
    return {
      items: (await publishedModels(this.ds.manager)).map((m) => ({
        id: m.id, unitNameVi: m.unitNameVi, unitNameEn: m.unitNameEn, kind: m.kind, subjectName: m.subjectName, titleVi: m.titleVi, descriptionVi: m.descriptionVi, stage: m.stage,
        stages: m.stages.map(({ stage, note, at }) => ({ stage, note, at })), awards: m.awards.map(({ awardCode, decisionNumber }) => ({ awardCode, decisionNumber })), publishedAt: m.publishedAt,
      })),
    };
  }

  private async update<A extends object>(actor: AuthenticatedActor, id: string, def: UpdateDefinition<ModelView, [A & { actor: Actor }]>, body: A): Promise<ModelRow> {
    await this.engine.update(modelWorkflowId(id), def, { ...body, actor: plainActor(actor) }, { ended: () => conflict('MODEL_CLOSED', 'Điển hình đã nhân rộng và công bố; không theo dõi thêm.', 'The model is replicated and published; it is no longer followed.') });
    return (await findModel(this.ds.manager, id))!;
  }

  private async scope(actor: AuthenticatedActor): Promise<string[] | null> {
    if (actor.roles.includes('INSPECTOR') || actor.roles.includes('AUDITOR') || actor.roles.includes('ADMIN')) return actor.scopeUnitId ? unitsWithin(this.ds.manager, actor.scopeUnitId) : null;
    return [actor.unitId];
  }

  private async readable(actor: AuthenticatedActor, id: string): Promise<ModelRow> {
    const row = await findModel(this.ds.manager, id);
    const scope = await this.scope(actor);
    if (!row || (scope && !scope.includes(row.unitId))) throw notFound('MODEL_NOT_FOUND', 'Không tìm thấy điển hình.', 'Model not found.');
    return row;
  }
}

