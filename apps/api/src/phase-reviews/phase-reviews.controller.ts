import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res, type StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { conflict, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { findMovement } from '@vinhdanh/domain/movement';
import { PHASE_REVIEW_WORKFLOW_TYPE, REPORT_FIGURES, phaseReviewWorkflowId, unitReportWorkflowId, type PhaseReviewInput } from '@vinhdanh/domain/movement/phase-review';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { writeTable } from '@vinhdanh/platform/spreadsheets/xlsx';
import { orgUnitRows } from '@vinhdanh/persistence/read-model/org';
import { citableDocuments } from '@vinhdanh/persistence/read-model/documents';
import { visibleNominationsSql } from '@vinhdanh/persistence/read-model/visibility';
import { findPhaseReview, phaseReviews, unitReports } from '@vinhdanh/persistence/read-model/phase-reviews';
import { closeReviewUpdate, submitReportUpdate } from '@vinhdanh/workflows/phase-review/messages';
import type { phaseReviewWorkflow } from '@vinhdanh/workflows/phase-review/workflow';
import { CurrentActor, plainActor, type AuthenticatedActor } from '../common/actor';
import { uuidParam } from '../common/validation';
import { xlsx } from '../common/xlsx-download';
import { Operation } from '../contract/operation';
import { messageAuth } from '../temporal/message-auth';
import { Engine } from '../temporal/engine';
import { OpenReviewDto, UnitReportDto } from './dto';
import { projected } from '../common/projected';
import type { PhaseReviewDetail, PhaseReviewList } from './responses';

const FIGURE_NAMES: Record<(typeof REPORT_FIGURES)[number], string> = {
  collectivesCommended: 'Tập thể được khen thưởng', individualsCommended: 'Cá nhân được khen thưởng', frontLineCommended: 'Trong đó: người trực tiếp lao động, sản xuất',
  modelsFound: 'Điển hình tiên tiến được phát hiện, bồi dưỡng', initiatives: 'Sáng kiến được công nhận',
};

/**
 * Phase reviews of a movement (sơ kết, tổng kết): Sở Nội vụ opens one, each unit reports through
 * its own task, Sở Nội vụ closes and the reports are aggregated into the provincial report.
 */
@ApiTags('phase-reviews')
@Controller('phase-reviews')
export class PhaseReviewsController {
  constructor(private readonly ds: DataSource, private readonly engine: Engine, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Post()
  @Operation({
    summary: { vi: 'Mở đợt sơ kết, tổng kết', en: 'Open a phase review' },
    description: { vi: 'Sở Nội vụ mở đợt sơ kết (tổng kết) một giai đoạn của phong trào; mỗi đơn vị nhận việc gửi báo cáo có hạn, nhắc và báo quá hạn.', en: 'The Department of Home Affairs opens the review of a phase of a movement; each unit gets a report task with a deadline, reminders and escalation.' },
    ok: { status: 201, body: 'PhaseReviewDetail' },
    errors: [403],
  })
  async open(@CurrentActor() actor: AuthenticatedActor, @Body() dto: OpenReviewDto): Promise<PhaseReviewDetail> {
    const units = await orgUnitRows(this.ds.manager);
    const mine = units.find((u) => u.id === actor.unitId);
    if (!actor.roles.includes('REVIEWER') || mine?.kind !== 'HOME_AFFAIRS' || mine.validTo) throw forbidden('HOME_AFFAIRS_REQUIRED', 'Chỉ Sở Nội vụ (Ban Thi đua - Khen thưởng) mới mở đợt sơ kết, tổng kết.', 'Only the Department of Home Affairs opens a review.');
    const movement = findMovement(dto.movementId);
    if (!movement) throw invalid('UNKNOWN_MOVEMENT', `Không có phong trào thi đua ${dto.movementId}.`, `Unknown emulation movement ${dto.movementId}.`, 'movementId');
    const phase = movement.phases.find((p) => p.code === dto.phase)!;
    const eligible = units.filter((u) => u.level === 'UNIT' && !u.validTo).map((u) => u.id);
    const unitIds = dto.unitIds ?? eligible;
    const stranger = unitIds.findIndex((u) => !eligible.includes(u));
    if (stranger >= 0) throw invalid('UNKNOWN_UNIT', `Đơn vị ${unitIds[stranger]} không phải đơn vị cơ sở đang hoạt động.`, `${unitIds[stranger]} is not an active unit.`, `unitIds.${stranger}`);
    const reviewId = randomUUID();
    const input: PhaseReviewInput = {
      reviewId, movementId: movement.id, phase: dto.phase, titleVi: `${phase.vi}: ${movement.titleVi}`, deadline: dto.deadline, graceDays: dto.graceDays ?? 30,
      unitIds: [...new Set(unitIds)], openedBy: plainActor(actor), auth: messageAuth(),
    };
    await this.engine.start<typeof phaseReviewWorkflow>(PHASE_REVIEW_WORKFLOW_TYPE, { taskQueue: this.config.taskQueue, workflowId: phaseReviewWorkflowId(reviewId), args: [input] });
    // The answer waits for the review and its units' tasks to be projected.
    await projected(async () => (await findPhaseReview(this.ds.manager, reviewId)) && (await unitReports(this.ds.manager, reviewId)).length === input.unitIds.length, this.config.temporalRpcTimeoutMs);
    if (await findPhaseReview(this.ds.manager, reviewId)) return this.detail(actor, reviewId);
    // A busy machine: the review as opened, before its first step is projected.
    return { id: reviewId, movementId: input.movementId, phase: input.phase, titleVi: input.titleVi, deadline: input.deadline, status: 'OPEN', totals: null, openedBy: actor.userId, openedAt: new Date().toISOString(), aggregatedAt: null, units: [] };
  }

  @Get()
  @Operation({
    summary: { vi: 'Các đợt sơ kết, tổng kết', en: 'Phase reviews' },
    description: { vi: 'Sở Nội vụ, thanh tra: mọi đợt; đơn vị: các đợt đơn vị phải báo cáo.', en: 'Home Affairs and inspectors: every review; a unit: the reviews it reports to.' },
    ok: { body: 'PhaseReviewList' },
  })
  async list(@CurrentActor() actor: AuthenticatedActor): Promise<PhaseReviewList> {
    return { items: await phaseReviews(this.ds.manager, (await this.overseer(actor)) ? undefined : actor.unitId) };
  }

  @Get(':id')
  @Operation({
    summary: { vi: 'Xem đợt sơ kết, tổng kết', en: 'Read a phase review' },
    description: { vi: 'Tiến độ báo cáo của các đơn vị và số liệu tổng hợp; đơn vị chỉ thấy báo cáo của mình.', en: 'The units’ reporting progress and the aggregate; a unit sees its own report only.' },
    ok: { body: 'PhaseReviewDetail' },
    errors: [404],
  })
  get(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<PhaseReviewDetail> {
    return this.detail(actor, id);
  }

  @Post(':id/report')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Gửi báo cáo của đơn vị', en: 'Send the unit’s report' },
    description: { vi: 'Văn thư hoặc thủ trưởng gửi số liệu, đánh giá và tài liệu kèm theo; sau hạn vẫn nhận và ghi là muộn, cho đến khi Sở Nội vụ đóng đợt.', en: 'The clerk or head sends the figures, assessment and attachments; after the deadline it is taken and marked late, until the review closes.' },
    ok: { body: 'PhaseReviewDetail' },
    errors: [403, 404, 409],
  })
  async report(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: UnitReportDto): Promise<PhaseReviewDetail> {
    await this.readable(actor, id);
    const documents = (dto.documents ?? []).map((d) => ({ ...d }));
    const citable = await citableDocuments(this.ds.manager, documents.map((d) => d.sha256), actor.unitId, visibleNominationsSql(actor));
    const missing = documents.findIndex((d) => !citable.has(d.sha256));
    if (missing >= 0) throw invalid('DOCUMENT_NOT_AVAILABLE', 'Tài liệu chưa được đơn vị bạn tải lên.', 'Your unit has not uploaded this document.', `documents.${missing}.sha256`);
    await this.engine.update(unitReportWorkflowId(id, actor.unitId), submitReportUpdate, { figures: { ...dto.figures }, summary: dto.summary.normalize('NFC'), documents, actor: plainActor(actor) }, { ended: () => conflict('REPORT_CLOSED', 'Đơn vị không có việc báo cáo đang mở trong đợt này.', 'The unit has no open report task in this review.') });
    return this.detail(actor, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Đóng đợt và tổng hợp', en: 'Close the review and aggregate' },
    description: { vi: 'Sở Nội vụ đóng đợt: đơn vị chưa báo cáo được ghi là không báo cáo; số liệu được tổng hợp thành báo cáo của tỉnh.', en: 'Home Affairs closes the review: units that did not report are recorded as missing; the figures are added up into the provincial report.' },
    ok: { body: 'PhaseReviewDetail' },
    errors: [403, 404, 409],
  })
  async close(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<PhaseReviewDetail> {
    await this.readable(actor, id);
    await this.engine.update(phaseReviewWorkflowId(id), closeReviewUpdate, { actor: plainActor(actor) }, { ended: () => conflict('REVIEW_CLOSED', 'Đợt sơ kết, tổng kết đã đóng.', 'The review is already closed.') });
    return this.detail(actor, id);
  }

  @Get(':id/report.xlsx')
  @Operation({
    summary: { vi: 'Báo cáo tổng hợp (Excel)', en: 'The aggregate report (Excel)' },
    description: { vi: 'Số liệu của từng đơn vị và tổng cộng, với tình trạng báo cáo.', en: 'Each unit’s figures and the totals, with each unit’s reporting status.' },
    ok: { file: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
    errors: [403, 404],
  })
  async workbook(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    if (!(await this.overseer(actor))) throw forbidden('HOME_AFFAIRS_REQUIRED', 'Báo cáo tổng hợp dành cho Sở Nội vụ và thanh tra.', 'The aggregate report is for Home Affairs and inspectors.');
    const d = await this.detail(actor, id);
    const status = (u: PhaseReviewDetail['units'][number]) => (u.status === 'SUBMITTED' ? (u.late ? 'Đã báo cáo (muộn)' : 'Đã báo cáo') : u.status === 'MISSING' ? 'Không báo cáo' : 'Chưa báo cáo');
    const file = await writeTable({
      sheetName: 'Tổng hợp', preamble: ['SỞ NỘI VỤ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc'], title: `BÁO CÁO TỔNG HỢP ${d.phase === 'SO_KET' ? 'SƠ KẾT' : 'TỔNG KẾT'} PHONG TRÀO THI ĐUA`, subtitle: d.titleVi,
      columns: [{ header: 'STT', width: 6 }, { header: 'Đơn vị', width: 40 }, { header: 'Tình trạng', width: 20 }, ...REPORT_FIGURES.map((k) => ({ header: FIGURE_NAMES[k], width: 18 }))],
      rows: [
        ...d.units.map((u, i) => [i + 1, u.unitNameVi ?? u.unitId, status(u), ...REPORT_FIGURES.map((k) => u.figures?.[k] ?? '')]),
        ['', 'Tổng cộng', `${d.units.filter((u) => u.status === 'SUBMITTED').length}/${d.units.length} đơn vị`, ...REPORT_FIGURES.map((k) => d.units.reduce((s, u) => s + (u.figures?.[k] ?? 0), 0))],
      ],
    });
    return xlsx(res, file, `tong-hop-${d.phase === 'SO_KET' ? 'so-ket' : 'tong-ket'}-${id.slice(0, 8)}.xlsx`);
  }

  /** Home Affairs (province) and inspectors and auditors read every unit's report. */
  private async overseer(actor: AuthenticatedActor): Promise<boolean> {
    if (actor.roles.includes('INSPECTOR') || actor.roles.includes('AUDITOR') || actor.roles.includes('ADMIN')) return true;
    return (await orgUnitRows(this.ds.manager)).find((u) => u.id === actor.unitId)?.kind === 'HOME_AFFAIRS';
  }

  private async readable(actor: AuthenticatedActor, id: string) {
    const review = await findPhaseReview(this.ds.manager, id);
    if (!review) throw REVIEW_NOT_FOUND();
    if (!(await this.overseer(actor)) && !(await unitReports(this.ds.manager, id, actor.unitId)).length) throw REVIEW_NOT_FOUND();
    return review;
  }

  private async detail(actor: AuthenticatedActor, id: string): Promise<PhaseReviewDetail> {
    const review = await this.readable(actor, id);
    return { ...review, units: await unitReports(this.ds.manager, id, (await this.overseer(actor)) ? undefined : actor.unitId) };
  }
}

const REVIEW_NOT_FOUND = () => notFound('REVIEW_NOT_FOUND', 'Không tìm thấy đợt sơ kết, tổng kết.', 'Phase review not found.');
