import { Module } from '@nestjs/common';
import { TransparencyController } from './transparency.controller';
import { TransparencyService } from './transparency.service';

/** The audit log's checkpoints and proofs. */
@Module({ controllers: [TransparencyController], providers: [TransparencyService] })
export class TransparencyModule {}
