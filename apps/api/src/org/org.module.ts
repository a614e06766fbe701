import { Module } from '@nestjs/common';
import { OrgController } from './org.controller';

/** The organisation tree and its reorganisations. */
@Module({ controllers: [OrgController] })
export class OrgModule {}
