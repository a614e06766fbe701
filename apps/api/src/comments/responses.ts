import type { PublicComment } from '@vinhdanh/persistence/read-model/public-record';

/** A nomination's public comments and their answers. */
export interface CommentList {
  items: PublicComment[];
}
