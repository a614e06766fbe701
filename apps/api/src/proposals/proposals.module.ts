import { Module } from '@nestjs/common';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';

/** The proposal letter (tờ trình) and list (danh sách) a level sends upward (docs/documents.md). */
@Module({ controllers: [ProposalsController], providers: [ProposalsService] })
export class ProposalsModule {}
