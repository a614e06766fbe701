import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { UpdateDefinition } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { conflict, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import type { Actor } from '@vinhdanh/domain/ladder/nomination';
import { REGISTRATION_WORKFLOW_TYPE, registrationWorkflowId, type RegistrationEntry, type RegistrationInput, type RegistrationView } from '@vinhdanh/domain/movement/registration';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { unitsWithin } from '@vinhdanh/persistence/read-model/org';
import { findRegistration, registrationEntries, registrationOfUnit, registrationsOf } from '@vinhdanh/persistence/read-model/registrations';
import { approveRegistrationUpdate, registrationQuery, returnRegistrationUpdate, setEntriesUpdate, submitRegistrationUpdate } from '@vinhdanh/workflows/registration/messages';
import type { registrationWorkflow } from '@vinhdanh/workflows/registration/workflow';
import { CurrentActor, plainActor, type AuthenticatedActor } from '../common/actor';
import { uuidParam } from '../common/validation';
import { Operation } from '../contract/operation';
import { keyedIdFrom, resolveNominee } from '../nominees/nominee-identity';
import { messageAuth } from '../temporal/message-auth';
import { Engine } from '../temporal/engine';
import { projected } from '../common/projected';
import { OpenRegistrationDto, RegistrationListQueryDto, ReturnRegistrationDto, SetEntriesDto } from './dto';
import type { RegistrationDetail, RegistrationList } from './responses';

/**
 * A unit's registration for a year of the movement (đăng ký thi đua): opened and prepared by its
 * clerks, approved by its head. One durable workflow per unit and year; every step is audited, and
 * year-end dossiers show whether their nominee registered.
 */
@ApiTags('registrations')
@Controller('registrations')
export class RegistrationsController {
  /** Keyed ids: nobody outside can compute a future registration's workflow id and take it first. */
  private readonly idOf: (key: string) => string;

  constructor(private readonly ds: DataSource, private readonly engine: Engine, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.idOf = keyedIdFrom(config.identityKey);
  }

  @Post()
  @Operation({
    summary: { vi: 'Mở đăng ký thi đua của năm', en: 'Open the year’s registration' },
    description: {
      vi: 'Văn thư mở đăng ký thi đua của đơn vị cho một năm; hạn gửi theo cấu hình (REGISTRATION_DEADLINE). Mở lại năm đã mở trả 200 và đăng ký đã có.',
      en: 'A clerk opens the unit’s registration for a year; its deadline is configured (REGISTRATION_DEADLINE). Opening a year already open answers 200 with the registration there.',
    },
    ok: { status: 201, body: 'RegistrationDetail' },
    also: [{ status: 200, body: 'RegistrationDetail', description: { vi: 'Đã mở trước đó', en: 'Already open' } }],
    errors: [403],
  })
  async open(@CurrentActor() actor: AuthenticatedActor, @Body() dto: OpenRegistrationDto, @Res({ passthrough: true }) res: Response): Promise<RegistrationDetail> {
    if (!actor.roles.includes('CLERK')) throw forbidden('CLERK_REQUIRED', 'Chỉ văn thư của đơn vị mới lập đăng ký thi đua.', 'Only a clerk of the unit prepares its registration.');
    const opened = await registrationOfUnit(this.ds.manager, actor.unitId, dto.year);
    if (opened) {
      res.status(200).location(`/registrations/${opened.id}`);
      return (await this.detailOrNull(opened.id))!;
    }
    const registrationId = this.idOf(['registration', actor.unitId, dto.year].join('|'));
    const workflowId = registrationWorkflowId(registrationId);
    const input: RegistrationInput = {
      registrationId, unitId: actor.unitId, year: dto.year, deadline: `${dto.year}-${this.config.registration.deadline}`,
      remindDaysBefore: this.config.registration.remindDaysBefore, lateRule: this.config.registration.lateRule, openedBy: plainActor(actor), auth: messageAuth(),
    };
    let created = true;
    try {
      await this.engine.start<typeof registrationWorkflow>(REGISTRATION_WORKFLOW_TYPE, { taskQueue: this.config.taskQueue, workflowId, args: [input], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      created = false;
    }
    res.status(created ? 201 : 200).location(`/registrations/${registrationId}`);
    // The opening step is projected by the workflow's first activity, a moment after the start: the
    // answer waits for it (so what follows finds the registration), and falls back on the workflow's own view.
    const detail = await projected(() => this.detailOrNull(registrationId).then((d) => d ?? undefined), this.config.temporalRpcTimeoutMs);
    if (detail) return detail;
    return fromView(workflowId, await this.engine.query(workflowId, registrationQuery));
  }

  @Get()
  @Operation({
    summary: { vi: 'Các đăng ký thi đua', en: 'Registrations' },
    description: { vi: 'Của đơn vị mình; thanh tra, kiểm tra: trong phạm vi. Lọc theo năm.', en: 'The caller’s unit’s; inspectors and auditors: those in scope. Filter by year.' },
    ok: { body: 'RegistrationList' },
  })
  async list(@CurrentActor() actor: AuthenticatedActor, @Query() q: RegistrationListQueryDto): Promise<RegistrationList> {
    return { items: await registrationsOf(this.ds.manager, await this.scope(actor), q.year) };
  }

  @Get(':id')
  @Operation({
    summary: { vi: 'Xem một đăng ký thi đua', en: 'Read a registration' },
    description: { vi: 'Đăng ký với các danh hiệu và giao ước. Ngoài phạm vi trả 404 như không tồn tại.', en: 'The registration with its titles and pledges. Out of scope answers 404, as for one that does not exist.' },
    ok: { body: 'RegistrationDetail' },
    errors: [404],
  })
  async get(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<RegistrationDetail> {
    await this.readable(actor, id);
    return (await this.detailOrNull(id))!;
  }

  @Put(':id/entries')
  @Operation({
    summary: { vi: 'Lập danh sách đăng ký', en: 'Set the registered titles' },
    description: {
      vi: 'Văn thư ghi các danh hiệu đăng ký (tập thể và cá nhân) và giao ước, thay toàn bộ danh sách trước; chỉ khi chưa gửi hoặc bị trả lại. Số định danh của cá nhân được băm ngay, không lưu.',
      en: 'The clerk sets the titles registered (collectives and individuals) and the pledges, replacing the list; only before it is sent, or once returned. People’s identification numbers are hashed at once, never kept.',
    },
    ok: { body: 'RegistrationDetail' },
    errors: [403, 404, 409],
  })
  async setEntries(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: SetEntriesDto): Promise<RegistrationDetail> {
    const row = await this.readable(actor, id);
    const entries: RegistrationEntry[] = [];
    const current = new Map((await registrationEntries(this.ds.manager, id)).map(({ line, ...e }) => [line, e]));
    for (const [i, e] of dto.entries.entries()) {
      if (e.keepLine !== undefined) {
        const kept = current.get(e.keepLine);
        if (!kept) throw invalid('NO_SUCH_LINE', `Đăng ký không có dòng ${e.keepLine}.`, `The registration has no line ${e.keepLine}.`, `entries.${i}.keepLine`);
        entries.push(kept);
        continue;
      }
      const identity = await resolveNominee(this.ds.manager, this.config.identityKey, { unitId: row.unitId, kind: e.kind, name: e.name, birthYear: e.birthYear, personalId: e.personalId }, `entries.${i}`);
      const digits = e.personalId?.replace(/\D/g, '');
      entries.push({
        kind: e.kind, name: identity.name, awardCode: e.awardCode, nomineeKey: identity.nomineeKey,
        ...(e.birthYear ? { birthYear: e.birthYear } : {}), ...(e.position ? { position: e.position.normalize('NFC') } : {}), ...(digits ? { personalIdLast4: digits.slice(-4) } : {}),
      });
    }
    return this.update(actor, row.workflowId, id, setEntriesUpdate, { entries, pledge: dto.pledge.normalize('NFC') });
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Gửi đăng ký để thủ trưởng duyệt', en: 'Send the registration to the head' },
    description: { vi: 'Sau hạn: bị từ chối hoặc ghi là gửi muộn, theo cấu hình (REGISTRATION_LATE).', en: 'After the deadline: refused, or marked late, as configured (REGISTRATION_LATE).' },
    ok: { body: 'RegistrationDetail' },
    errors: [403, 404, 409],
  })
  async submit(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<RegistrationDetail> {
    const row = await this.readable(actor, id);
    return this.update(actor, row.workflowId, id, submitRegistrationUpdate, {});
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Duyệt đăng ký thi đua', en: 'Approve the registration' },
    description: { vi: 'Thủ trưởng đơn vị duyệt đăng ký đã gửi.', en: 'The head of the unit approves the registration sent.' },
    ok: { body: 'RegistrationDetail' },
    errors: [403, 404, 409],
  })
  async approve(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<RegistrationDetail> {
    const row = await this.readable(actor, id);
    return this.update(actor, row.workflowId, id, approveRegistrationUpdate, {});
  }

  @Post(':id/return')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Trả lại đăng ký thi đua', en: 'Return the registration' },
    description: { vi: 'Thủ trưởng trả lại để văn thư sửa, kèm lý do.', en: 'The head returns it to the clerk to correct, with a reason.' },
    ok: { body: 'RegistrationDetail' },
    errors: [403, 404, 409],
  })
  async return(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: ReturnRegistrationDto): Promise<RegistrationDetail> {
    const row = await this.readable(actor, id);
    return this.update(actor, row.workflowId, id, returnRegistrationUpdate, { reason: dto.reason.normalize('NFC') });
  }

  /** Sends an Update (its validator refuses synchronously, writing nothing) and answers the projected registration. */
  private async update<A extends object>(actor: AuthenticatedActor, workflowId: string, id: string, def: UpdateDefinition<RegistrationView, [A & { actor: Actor }]>, body: A): Promise<RegistrationDetail> {
    await this.engine.update(workflowId, def, { ...body, actor: plainActor(actor) }, { ended: () => conflict('REGISTRATION_CLOSED', 'Đăng ký thi đua của năm này đã kết thúc.', 'This year’s registration is closed.') });
    return (await this.detailOrNull(id))!;
  }

  /** Units whose registrations the caller reads: an inspector's or auditor's scope, else their own unit. */
  private async scope(actor: AuthenticatedActor): Promise<string[] | null> {
    if (actor.roles.includes('INSPECTOR') || actor.roles.includes('AUDITOR') || actor.roles.includes('ADMIN')) return actor.scopeUnitId ? unitsWithin(this.ds.manager, actor.scopeUnitId) : null;
    return [actor.unitId];
  }

  private async readable(actor: AuthenticatedActor, id: string) {
    const row = await findRegistration(this.ds.manager, id);
    const scope = await this.scope(actor);
    if (!row || (scope && !scope.includes(row.unitId))) throw notFound('REGISTRATION_NOT_FOUND', 'Không tìm thấy đăng ký thi đua.', 'Registration not found.');
    return row;
  }

  private async detailOrNull(id: string): Promise<RegistrationDetail | null> {
    const row = await findRegistration(this.ds.manager, id);
    if (!row) return null;
    const entries = (await registrationEntries(this.ds.manager, id)).map(({ nomineeKey: _k, ...e }) => e);
    return { ...row, entries };
  }
}


/** A registration just opened, before its first step is projected. */
function fromView(workflowId: string, v: RegistrationView): RegistrationDetail {
  return {
    id: v.registrationId, workflowId, unitId: v.unitId, unitNameVi: null, unitNameEn: null, year: v.year, status: v.status, deadline: v.deadline,
    lateRule: v.lateRule, late: v.late, pledge: v.pledge, returnedReason: v.returnedReason ?? null, submittedAt: null, approvedAt: null, approvedBy: null, updatedAt: new Date().toISOString(),
    entryCount: v.entries.length, entries: v.entries.map(({ nomineeKey: _k, ...e }, i) => ({ ...e, line: i + 1 })),
  };
}
