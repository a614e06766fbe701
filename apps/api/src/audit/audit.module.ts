import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { NominationsModule } from '../nominations/nominations.module';

/** What auditors and inspectors read: timelines, replays, verification and exports. */
@Module({
  imports: [NominationsModule],
  controllers: [AuditController],
  providers: [AuditService],
})
export class AuditModule {}
