import { Module } from '@nestjs/common';
import { PhaseReviewsController } from './phase-reviews.controller';

/** Phase reviews of a movement (sơ kết, tổng kết). */
@Module({ controllers: [PhaseReviewsController] })
export class PhaseReviewsModule {}
