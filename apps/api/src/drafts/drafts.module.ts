import { Module } from '@nestjs/common';
import { DraftsController } from './drafts.controller';

/** Dossiers being prepared, kept by their unit. */
@Module({ controllers: [DraftsController] })
export class DraftsModule {}
