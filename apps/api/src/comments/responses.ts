import type { PublicComment } from '@vinhdanh/persistence/read-model/public-record';

/** A nomination's public comments and their answers. */
export interface CommentList {
  items: PublicComment[];
}

/** A proof-of-work challenge for one comment on one nomination (ALTCHA PoW v2), valid ten minutes. */
export interface CommentChallenge {
  challenge: {
    parameters: { algorithm: string; nonce: string; salt: string; cost: number; keyLength: number; keyPrefix: string; keySignature?: string; expiresAt?: number; data?: Record<string, string | number | boolean | null> };
    signature?: string;
  };
  /** How many times the usual work it asks: grows while the nomination receives many comments. */
  factor: number;
}

/** A comment received, or counted on the one it repeats (`merged`: no second answer is needed). */
export interface CommentReceived {
  commentId: string;
  receivedAt: string;
  merged: boolean;
}
