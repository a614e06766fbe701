import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** What auditors and inspectors read: timelines, replays, verification and exports. */
@Module({
  controllers: [AuditController],
  providers: [AuditService],
})
export class AuditModule {}
