import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';

/** The campaign's figures. */
@Module({ controllers: [DashboardController] })
export class DashboardModule {}
