import type { Level } from '@vinhdanh/domain/common/levels';
import type { NominationView, PostingRule } from '@vinhdanh/domain/ladder/nomination';

/** One public comment as the workflow keeps it: enough to refuse a repeat and to know it was answered. */
export interface CommentState {
  id: string;
  key: string;
  answered: boolean;
}

/**
 * The posting period at one level: its dates and the comments received. The council may not open
 * (and a council-less award may not be decided) until the period has run and every comment is answered.
 */
export class PostingState {
  readonly comments: CommentState[] = [];
  ended = false;

  constructor(
    readonly level: Level,
    readonly kind: PostingRule['kind'],
    public reviewUnitId: string,
    readonly from: string,
    readonly until: string,
    readonly untilMs: number,
  ) {}

  unanswered(): number {
    return this.comments.filter((c) => !c.answered).length;
  }

  /** Open to comments: not ended, and the period has not run out (workflow time). */
  open(nowMs: number): boolean {
    return !this.ended && nowMs < this.untilMs;
  }

  view(): NonNullable<NominationView['posting']> {
    return { level: this.level, kind: this.kind, from: this.from, until: this.until, comments: this.comments.length, unanswered: this.unanswered(), ended: this.ended };
  }
}

/** What makes two comments the same: case, spacing and punctuation do not. */
export function commentKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
}
