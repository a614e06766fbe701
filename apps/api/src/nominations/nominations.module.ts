import { Module } from '@nestjs/common';
import { DecisionsController } from './decisions.controller';
import { NominationsController } from './nominations.controller';
import { NominationsQuery } from './nominations.query';
import { NominationsService } from './nominations.service';
import { RouteService } from './route.service';

@Module({
  controllers: [NominationsController, DecisionsController],
  providers: [NominationsService, NominationsQuery, RouteService],
})
export class NominationsModule {}
