import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { CommentLimiter } from '../comments/comment-limiter';
import { CommentsController } from '../comments/comments.controller';
import { DecisionsController } from './decisions.controller';
import { NominationsController } from './nominations.controller';
import { NominationsQuery } from './nominations.query';
import { NominationsService } from './nominations.service';

@Module({
  controllers: [NominationsController, DecisionsController, CommentsController],
  providers: [
    NominationsService,
    NominationsQuery,
    { provide: CommentLimiter, inject: [DataSource, APP_CONFIG], useFactory: (ds: DataSource, c: AppConfig) => new CommentLimiter(ds, c.commentMaxPerAddress) },
  ],
  exports: [NominationsService, NominationsQuery],
})
export class NominationsModule {}
