import { Module } from '@nestjs/common';
import { DocumentsController } from './documents.controller';

/** Uploaded documents that dossiers cite. */
@Module({ controllers: [DocumentsController] })
export class DocumentsModule {}
