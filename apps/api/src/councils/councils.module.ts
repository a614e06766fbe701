import { Module } from '@nestjs/common';
import { CouncilAccess } from './council-access';
import { CouncilsController } from './councils.controller';
import { CouncilsService } from './councils.service';
import { BallotKeyPool } from './ballot-key-pool';
import { MembershipController } from './membership.controller';
import { MembershipService } from './membership.service';

/** Councils, their membership, sessions and secret ballots. */
@Module({
  controllers: [CouncilsController, MembershipController],
  providers: [CouncilsService, CouncilAccess, BallotKeyPool, MembershipService],
})
export class CouncilsModule {}
