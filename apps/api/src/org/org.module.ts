import { Module } from '@nestjs/common';
import { OrgController } from './org.controller';
import { UnitsService } from './units.service';

/** The organisation tree: its units administered, and its reorganisations. */
@Module({ controllers: [OrgController], providers: [UnitsService] })
export class OrgModule {}
