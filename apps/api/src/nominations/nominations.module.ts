import { Module } from '@nestjs/common';
import { DecisionDocuments } from './decision-documents.service';
import { DecisionsController } from './decisions.controller';
import { NominationsController } from './nominations.controller';
import { NominationsQuery } from './nominations.query';
import { NominationsService } from './nominations.service';

/** Nominations on the ladder: submission, review, decision, and the decisions they lead to. */
@Module({
  controllers: [NominationsController, DecisionsController],
  providers: [NominationsService, NominationsQuery, DecisionDocuments],
  exports: [NominationsService, NominationsQuery, DecisionDocuments],
})
export class NominationsModule {}
