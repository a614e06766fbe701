import { Module } from '@nestjs/common';
import { ModelsController } from './models.controller';

/** Exemplary models (điển hình tiên tiến). */
@Module({ controllers: [ModelsController] })
export class ModelsModule {}
