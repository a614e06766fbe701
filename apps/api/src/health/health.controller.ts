import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ping } from '@vinhdanh/persistence/data-source';
import { forbidden } from '@vinhdanh/domain/common/errors';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { CurrentActor, Public, type AuthenticatedActor } from '../auth/public.decorator';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

type Check = { up: boolean; detail: Record<string, unknown> };
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
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response) {
    return this.ready(res);
  }

  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const checks = await this.checks();
    const up = Object.values(checks).every((c) => c.up);
    res.status(up ? 200 : 503);
    return { status: up ? 'ok' : 'unavailable', checks: Object.fromEntries(Object.entries(checks).map(([k, c]) => [k, c.up ? 'up' : 'down'])) };
  }

  @ApiBearerAuth()
  @Get('details')
  async details(@CurrentActor() actor: AuthenticatedActor) {
    if (!actor.roles.includes('ADMIN') && !actor.roles.includes('AUDITOR')) throw forbidden('OPERATORS_ONLY', 'Chỉ người vận hành mới xem được chi tiết.', 'Only operators may read the details.');
    return this.checks();
  }

  private async checks(): Promise<Record<'database' | 'temporal' | 'worker', Check>> {
    const [database, temporalCheck, worker] = await Promise.all([
      this.probe(async () => {
        await ping(this.ds.manager);
        return {};
      }),
      this.probe(async () => ({ serverVersion: (await this.temporal.connection.workflowService.getSystemInfo({})).serverVersion })),
      this.probe(async () => {
        const { pollers } = await this.temporal.connection.workflowService.describeTaskQueue({
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

  private async probe(fn: () => Promise<Record<string, unknown>>): Promise<Check> {
    try {
      return { up: true, detail: await withTimeout(fn(), 2000) };
    } catch (err) {
      return { up: false, detail: { message: err instanceof Error ? err.message : String(err) } };
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);
}
