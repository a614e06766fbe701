import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ChainReport } from '@vinhdanh/persistence/audit/verify';
import { Operation } from '../contract/operation';
import type { AuditExport, AuditPeriodExport, CouncilTimeline, NominationTimeline, ReplayAllReport, ReplayReport, TemporalHistory } from './responses';
import { invalid } from '@vinhdanh/domain/common/errors';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { calendarDate, uuidParam } from '../common/validation';
import { AuditService } from './audit.service';

/** Read-only endpoints for auditors (thanh tra, kiểm tra), within their scope. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('verify')
  @Operation({
    summary: { vi: 'Kiểm tra chuỗi nhật ký kiểm toán', en: 'Verify the audit chain' },
    description: {
      vi: 'Tính lại toàn bộ chuỗi băm của nhật ký và báo mắt xích hỏng đầu tiên. Thanh tra có phạm vi chỉ biết vị trí nếu nó nằm trong phạm vi.',
      en: 'Recomputes the whole hash chain of the audit log and reports the first broken link. A scoped auditor learns where it is only when it lies in scope.',
    },
    ok: { body: 'ChainReport' },
    errors: [403],
  })
  verify(@CurrentActor() actor: AuthenticatedActor): Promise<ChainReport> {
    this.audit.requireAuditor(actor);
    return this.audit.verifyChains(actor);
  }

  @Get('nominations/:id/timeline')
  @ApiQuery({ name: 'lang', required: false, enum: ['vi', 'en'], description: 'Ngôn ngữ của các dòng. *The language of the lines.*' })
  @Operation({
    summary: { vi: 'Diễn biến hồ sơ', en: 'A nomination’s timeline' },
    description: { vi: 'Ai làm gì, lúc nào, theo quy tắc nào — đọc từ lịch sử Temporal đã xác thực (từ kho lưu trữ khi quy trình đã kết thúc và được lưu), kèm các lần bị từ chối vì xung đột lợi ích. 409 ARCHIVE_TAMPERED: bản lưu trữ không khớp mã băm đã ghi.', en: 'Who did what, when, under which rule — read from the authenticated Temporal history (from the archive once the workflow has closed and been archived), with refusals for conflicts of interest. 409 ARCHIVE_TAMPERED: the archived copy does not match its recorded hash.' },
    ok: { body: 'NominationTimeline' },
    errors: [403, 404, 409],
  })
  timeline(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Query('lang') lang?: string): Promise<NominationTimeline> {
    return this.audit.timeline(actor, id, lang === 'en' ? 'en' : 'vi');
  }

  @Get('nominations/:id/history')
  @Operation({
    summary: { vi: 'Lịch sử Temporal của hồ sơ', en: 'A nomination’s Temporal history' },
    description: { vi: 'Nguyên văn lịch sử của quy trình (dữ liệu vẫn mã hóa), để đối chiếu độc lập.', en: 'The workflow’s history verbatim (payloads still encrypted), for independent checks.' },
    ok: { body: 'TemporalHistory' },
    errors: [403, 404, 409],
  })
  history(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<TemporalHistory> {
    return this.audit.history(actor, id);
  }

  @Post('nominations/:id/replay')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Chạy lại lịch sử một hồ sơ', en: 'Replay a nomination’s history' },
    description: { vi: 'Chạy lại lịch sử với mã nguồn hiện tại và đối chiếu bản đọc, nhật ký kiểm toán với lịch sử.', en: 'Replays the history against today’s code and compares the read model and the audit log with it.' },
    ok: { body: 'ReplayReport' },
    errors: [403, 404, 409],
  })
  replay(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<ReplayReport> {
    return this.audit.replay(actor, id);
  }

  @Post('replay')
  @HttpCode(200)
  @ApiQuery({ name: 'from', required: false, example: '2025-01-01', description: 'Nộp từ ngày (YYYY-MM-DD). *Submitted on or after.*' })
  @ApiQuery({ name: 'to', required: false, example: '2025-12-31', description: 'Nộp đến ngày (YYYY-MM-DD). *Submitted on or before.*' })
  @Operation({
    summary: { vi: 'Chạy lại mọi hồ sơ trong phạm vi', en: 'Replay every nomination in scope' },
    description: { vi: 'Như chạy lại một hồ sơ, cho mọi hồ sơ trong phạm vi (có thể giới hạn theo ngày nộp); chỉ liệt kê hồ sơ có vấn đề.', en: 'As for one nomination, for every one in scope (optionally by submission date); lists only those that fail.' },
    ok: { body: 'ReplayAllReport' },
    errors: [403],
  })
  replayAll(@CurrentActor() actor: AuthenticatedActor, @Query('from') from?: string, @Query('to') to?: string): Promise<ReplayAllReport> {
    return this.audit.replayAll(actor, calendarDate(from, 'from'), calendarDate(to, 'to'));
  }

  @Get('councils/sessions/:id/timeline')
  @ApiQuery({ name: 'lang', required: false, enum: ['vi', 'en'], description: 'Ngôn ngữ của các dòng. *The language of the lines.*' })
  @Operation({
    summary: { vi: 'Diễn biến phiên họp Hội đồng', en: 'A council session’s timeline' },
    description: { vi: 'Mở phiên, ai đã tham gia (không bao giờ là lựa chọn), kiểm phiếu — từ nhật ký kiểm toán.', en: 'Opened, who took part (never how), the count — from the audit log.' },
    ok: { body: 'CouncilTimeline' },
    errors: [403, 404],
  })
  councilTimeline(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Query('lang') lang?: string): Promise<CouncilTimeline> {
    return this.audit.councilTimeline(actor, id, lang === 'en' ? 'en' : 'vi');
  }

  @Get('export')
  @ApiQuery({ name: 'from', required: true, example: '2025-01-01', description: 'Nộp từ ngày (YYYY-MM-DD). *Submitted on or after.*' })
  @ApiQuery({ name: 'to', required: true, example: '2025-12-31', description: 'Nộp đến ngày (YYYY-MM-DD). *Submitted on or before.*' })
  @Operation({
    summary: { vi: 'Xuất hồ sơ kiểm toán theo kỳ', en: 'Export a period for audit' },
    description: { vi: 'Gói kiểm toán của mọi hồ sơ nộp trong kỳ, mỗi gói tự kiểm chứng được.', en: 'The audit bundle of every nomination submitted in the period, each verifiable on its own.' },
    ok: { body: 'AuditPeriodExport' },
    errors: [403],
  })
  exportPeriod(@CurrentActor() actor: AuthenticatedActor, @Query('from') from?: string, @Query('to') to?: string): Promise<AuditPeriodExport> {
    const f = calendarDate(from, 'from');
    const t = calendarDate(to, 'to');
    if (!f || !t) throw invalid('PERIOD_REQUIRED', 'Cần khoảng thời gian from, to (YYYY-MM-DD).', 'A period is required: from and to (YYYY-MM-DD).', 'from');
    return this.audit.exportPeriod(actor, f, t);
  }

  @Get('nominations/:id/export')
  @Operation({
    summary: { vi: 'Xuất gói kiểm toán một hồ sơ', en: 'Export a nomination for audit' },
    description: { vi: 'Diễn biến, lịch sử, các dòng nhật ký, quyết định, biên bản kiểm phiếu, kèm bản kê SHA-256 để kiểm chứng ngoại tuyến (`npm run verify`).', en: 'Timeline, history, audit rows, decision and tallies, with a SHA-256 manifest to verify offline (`npm run verify`).' },
    ok: { body: 'AuditExport' },
    errors: [403, 404, 409],
  })
  export(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<AuditExport> {
    return this.audit.export(actor, id);
  }
}
