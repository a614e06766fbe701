import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** Liveness and readiness, with each dependency's state. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
