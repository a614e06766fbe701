import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Client } from '@temporalio/client';
import { Public } from '../auth/public.decorator';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /** 200 when PostgreSQL and Temporal both answer; 503 naming the one that does not. */
  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 2000 }), () => this.temporalCheck()]);
  }

  private async temporalCheck() {
    const indicator = this.indicators.check('temporal');
    try {
      const info = await withTimeout(this.temporal.connection.workflowService.getSystemInfo({}), 2000);
      return indicator.up({ serverVersion: info.serverVersion });
    } catch (err) {
      return indicator.down({ message: err instanceof Error ? err.message : String(err) });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);
}
