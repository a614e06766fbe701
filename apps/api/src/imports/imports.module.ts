import { Module } from '@nestjs/common';
import { NominationsModule } from '../nominations/nominations.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** Year-end lists uploaded as spreadsheets: checked, previewed, then sent row by row. */
@Module({ imports: [NominationsModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
