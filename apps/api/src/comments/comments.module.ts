import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { NominationsModule } from '../nominations/nominations.module';
import { CommentLimiter } from './comment-limiter';
import { CommentProof } from '@vinhdanh/platform/proof-of-work/comment-proof';
import { CommentsController } from './comments.controller';

/** Comments from the public during a posting, and the reviewers' answers. */
@Module({
  imports: [NominationsModule],
  controllers: [CommentsController],
  providers: [
    { provide: CommentLimiter, inject: [DataSource, APP_CONFIG], useFactory: (ds: DataSource, c: AppConfig) => new CommentLimiter(ds, c.commentMaxPerAddress) },
    { provide: CommentProof, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new CommentProof(c.jwt.secret, c.commentProofWork) },
  ],
})
export class CommentsModule {}
