import { Module } from '@nestjs/common';
import { FeedController } from './feed.controller';

/** The signed change feed other systems pull (docs/integration.md). */
@Module({ controllers: [FeedController] })
export class FeedModule {}
