import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { temporal } from '@temporalio/proto';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ping } from '@vinhdanh/persistence/data-source';
import { forbidden } from '@vinhdanh/domain/common/errors';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { CurrentActor, Public, type AuthenticatedActor } from '../common/actor';
import { Engine } from '../temporal/engine';
import { Operation, type OperationContract } from '../contract/operation';
import type { ComponentCheck, HealthDetails, Liveness, Readiness } from './responses';

/** A worker polls at least every minute or so; one not seen for longer is gone. */
const POLLER_FRESH_MS = 120_000;

/**
 * Liveness (`/health/live`: the process answers) apart from readiness (`/health`, `/health/ready`:
 * PostgreSQL answers, Temporal answers, and a worker polls the task queue; else 503). The public
 * answer says which part is down and nothing more; versions and errors are for operators
 * (`/health/details`, auditors and administrators).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: Engine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('live')
  @Operation({ summary: { vi: 'Tiến trình còn sống', en: 'Liveness' }, description: { vi: 'Tiến trình API trả lời.', en: 'The API process answers.' }, ok: { body: 'Liveness' }, public: true })
  live(): Liveness {
    return { status: 'ok' };
  }

  @Get()
  @Operation(readiness({ vi: 'Tình trạng hệ thống', en: 'Health' }))
  async health(@Res({ passthrough: true }) res: Response): Promise<Readiness> {
    return this.ready(res);
  }

  @Get('ready')
  @Operation(readiness({ vi: 'Sẵn sàng phục vụ', en: 'Readiness' }))
  async ready(@Res({ passthrough: true }) res: Response): Promise<Readiness> {
    const checks = await this.checks();
    const up = Object.values(checks).every((c) => c.up);
    res.status(up ? 200 : 503);
    const state = (c: ComponentCheck): 'up' | 'down' => (c.up ? 'up' : 'down');
    return { status: up ? 'ok' : 'unavailable', checks: { database: state(checks.database), temporal: state(checks.temporal), worker: state(checks.worker) } };
  }

  @Get('details')
  @Operation({
    summary: { vi: 'Chi tiết tình trạng (vận hành)', en: 'Health details (operators)' },
    description: { vi: 'Phiên bản, worker đang nhận việc, lỗi của từng thành phần: cho quản trị và thanh tra.', en: 'Versions, polling workers, each component’s error: for administrators and auditors.' },
    ok: { body: 'HealthDetails' },
    errors: [403],
  })
  async details(@CurrentActor() actor: AuthenticatedActor): Promise<HealthDetails> {
    if (!actor.roles.includes('ADMIN') && !actor.roles.includes('AUDITOR')) throw forbidden('OPERATORS_ONLY', 'Chỉ người vận hành mới xem được chi tiết.', 'Only operators may read the details.');
    return this.checks();
  }

  private async checks(): Promise<HealthDetails> {
    const [database, temporalCheck, worker] = await Promise.all([
      this.probe(async () => {
        await ping(this.ds.manager);
        return {};
      }),
      this.probe(async () => ({ serverVersion: (await this.engine.client.connection.workflowService.getSystemInfo({})).serverVersion })),
      this.probe(async () => {
        const { pollers } = await this.engine.client.connection.workflowService.describeTaskQueue({
          namespace: this.config.temporalNamespace,
          taskQueue: { name: this.config.taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
          taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        });
        const fresh = (pollers ?? []).filter((p) => Date.now() - Number(p.lastAccessTime?.seconds ?? 0) * 1000 < POLLER_FRESH_MS);
        if (!fresh.length) throw new Error(`no worker polls task queue ${this.config.taskQueue}`);
        return { pollers: fresh.map((p) => p.identity) };
      }),
    ]);
    return { database, temporal: temporalCheck, worker };
  }

  private async probe(fn: () => Promise<Record<string, unknown>>): Promise<ComponentCheck> {
    try {
      return { up: true, detail: await withTimeout(fn(), 2000) };
    } catch (err) {
      return { up: false, detail: { message: err instanceof Error ? err.message : String(err) } };
    }
  }
}

/** `/health` and `/health/ready`: 200 when every component is up, 503 with the same body when one is down. */
function readiness(summary: { vi: string; en: string }): OperationContract {
  return {
    summary,
    description: { vi: 'PostgreSQL, Temporal và ít nhất một worker đều trả lời; nếu không: 503 nêu thành phần ngừng.', en: 'PostgreSQL, Temporal and at least one worker answer; if not: 503 naming what is down.' },
    ok: { body: 'Readiness' },
    also: [{ status: 503, body: 'Readiness', description: { vi: 'Có thành phần ngừng hoạt động', en: 'A component is down' } }],
    public: true,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);
}
