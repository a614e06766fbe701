import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';

/** Statistical reports of the movement's commendation. */
@Module({ controllers: [ReportsController] })
export class ReportsModule {}
