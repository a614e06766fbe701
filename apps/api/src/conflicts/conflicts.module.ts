import { Module } from '@nestjs/common';
import { ConflictsController } from './conflicts.controller';

/** The register of conflicts of interest that reviews, decisions and councils consult. */
@Module({ controllers: [ConflictsController] })
export class ConflictsModule {}
