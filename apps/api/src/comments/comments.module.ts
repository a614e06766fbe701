import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { NominationsModule } from '../nominations/nominations.module';
import { CommentLimiter } from './comment-limiter';
import { CommentsController } from './comments.controller';

/** Comments from the public during a posting, and the reviewers' answers. */
@Module({
  imports: [NominationsModule],
  controllers: [CommentsController],
  providers: [{ provide: CommentLimiter, inject: [DataSource, APP_CONFIG], useFactory: (ds: DataSource, c: AppConfig) => new CommentLimiter(ds, c.commentMaxPerAddress) }],
})
export class CommentsModule {}
