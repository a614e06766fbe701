import { Module } from '@nestjs/common';
import { PublicController } from './public.controller';

/** What the public reads without signing in. */
@Module({ controllers: [PublicController] })
export class PublicModule {}
