import { Module } from '@nestjs/common';
import { NominationsModule } from '../nominations/nominations.module';
import { RevocationsController } from './revocations.controller';

/** Revocation of awards (Law, Chapter VII). Its decisions are signed as award decisions are (NominationsModule's DecisionDocuments). */
@Module({ imports: [NominationsModule], controllers: [RevocationsController] })
export class RevocationsModule {}
