import { Module } from '@nestjs/common';
import { NomineesController } from './nominees.controller';

/** The nominees' records that eligibility is judged on. */
@Module({ controllers: [NomineesController] })
export class NomineesModule {}
