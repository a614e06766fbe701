import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { forbidden, invalid } from '@vinhdanh/domain/common/errors';
import { STALL_TEXT } from '@vinhdanh/domain/engine/stalls';
import { openStalls } from '@vinhdanh/persistence/archive/engine-stalls';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { resumeStalledUpdate } from '@vinhdanh/workflows/stall';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { Engine } from '../temporal/engine';
import { Operation } from '../contract/operation';
import type { EngineStalls, StallsResumed } from './responses';

/** The characters of the ids the product gives its workflows. */
const WORKFLOW_ID = /^[A-Za-z0-9][A-Za-z0-9:_.-]{0,254}$/;

/**
 * Steps that could not succeed (docs/operations.md, "Stalled steps"): the operators' list, and
 * their way out once the cause is mended — the workflow runs the stalled step again.
 */
@ApiTags('engine')
@Controller('engine')
export class StallsController {
  constructor(private readonly ds: DataSource, private readonly engine: Engine, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('stalls')
  @Operation({
    summary: { vi: 'Các bước quy trình đang tạm dừng', en: 'Stalled workflow steps' },
    description: {
      vi: 'Mỗi bước không thể hoàn thành (lỗi dữ liệu, cấu hình, hoặc hệ thống phụ trợ không phản hồi quá lâu) và đang chờ quản trị viên: quy trình nào, bước nào, vì sao, từ khi nào. Cho quản trị và thanh tra.',
      en: 'Every step that could not succeed (a data or configuration fault, or a backing service down too long) and waits for an administrator: which workflow, which step, why, since when. For administrators and auditors.',
    },
    ok: { body: 'EngineStalls' },
    errors: [403],
  })
  async list(@CurrentActor() actor: AuthenticatedActor): Promise<EngineStalls> {
    if (!actor.roles.includes('ADMIN') && !actor.roles.includes('AUDITOR')) throw forbidden('OPERATORS_ONLY', 'Chỉ người vận hành mới xem được danh sách này.', 'Only operators may read this list.');
    const rows = await openStalls(this.ds.manager);
    return { items: rows.map((r) => ({ ...r, stalledAt: new Date(r.stalledAt).toISOString(), messageVi: STALL_TEXT[r.kind].vi, messageEn: STALL_TEXT[r.kind].en })) };
  }

  @Post('stalls/:workflowId/resume')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Cho quy trình chạy tiếp', en: 'Resume a stalled workflow' },
    description: {
      vi: 'Sau khi khắc phục nguyên nhân, quản trị viên cho các bước đang tạm dừng của quy trình chạy lại; việc này được ghi nhật ký kiểm tra. Nếu nguyên nhân vẫn còn, bước đó tạm dừng lại và xuất hiện lại trong danh sách.',
      en: 'Once the cause is mended, an administrator runs the workflow’s stalled steps again; the resume is on the audit log. If the cause remains, the step stalls again and is listed again.',
    },
    ok: { body: 'StallsResumed' },
    errors: [403, 404, 409],
  })
  async resume(@CurrentActor() actor: AuthenticatedActor, @Param('workflowId') workflowId: string): Promise<StallsResumed> {
    if (!actor.roles.includes('ADMIN')) throw forbidden('ROLE_REQUIRED', 'Chỉ quản trị hệ thống mới cho quy trình chạy tiếp.', 'Only an administrator resumes a workflow.');
    if (!WORKFLOW_ID.test(workflowId)) throw invalid('INVALID_WORKFLOW_ID', 'Mã quy trình không hợp lệ.', 'Not a workflow id.', 'workflowId');
    // The workflow records the resume, with who sent it, before its steps run again.
    const resumed = await this.engine.update(workflowId, resumeStalledUpdate, { actor: { userId: actor.userId, fullName: actor.fullName } });
    return { workflowId, resumed };
  }
}
