import { Module } from '@nestjs/common';
import { StallsController } from './stalls.controller';

/** The engine's own state as operators see it: stalled steps and their resume. */
@Module({ controllers: [StallsController] })
export class EngineModule {}
