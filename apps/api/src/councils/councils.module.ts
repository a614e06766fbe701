import { Module } from '@nestjs/common';
import { CouncilAccess } from './council-access';
import { CouncilsController } from './councils.controller';
import { CouncilsService } from './councils.service';
import { BallotKeyPool } from './ballot-key-pool';

/** Councils, their sessions and secret ballots. */
@Module({
  controllers: [CouncilsController],
  providers: [CouncilsService, CouncilAccess, BallotKeyPool],
})
export class CouncilsModule {}
