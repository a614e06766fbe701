import { Module } from '@nestjs/common';
import { EligibilityController } from './eligibility.controller';

/** The eligibility check a clerk runs before submitting. */
@Module({ controllers: [EligibilityController] })
export class EligibilityModule {}
