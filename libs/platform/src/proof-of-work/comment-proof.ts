import { hkdfSync, randomInt } from 'node:crypto';
import { createChallenge, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

/**
 * Proof of work for anonymous public comments, on altcha-lib (ALTCHA's PoW v2, the maintained,
 * self-hosted alternative to a CAPTCHA: no third party sees the citizen). The API hands out a
 * challenge signed with a key of its own, bound to one nomination and valid ten minutes; the
 * browser searches for the counter whose SHA-256 key starts with the challenge's prefix; the API
 * checks the answer with one HMAC. The work asked grows with the nomination's recent comments, so
 * a flood from many addresses costs its sender more and more, while nobody is ever refused: a
 * citizen arriving in a flood waits a few seconds longer, not a day.
 */
export interface ProofOfWork {
  challenge: Challenge;
  solution: Solution;
}

/** The work multiplies by two for every `STEP` comments in the last hour, up to `MAX_FACTOR`. */
const STEP = 10;
const MAX_FACTOR = 64;
const VALID_MS = 10 * 60_000;

export type ProofCheck = { ok: true; expiresAt: Date; signature: string } | { ok: false; reason: 'EXPIRED' | 'INVALID' | 'OTHER_NOMINATION' };

export class CommentProof {
  private readonly signatureSecret: string;
  private readonly keySecret: string;

  /** `work`: the counters a browser tries on average when nobody is flooding (COMMENT_PROOF_WORK). */
  constructor(secret: string, private readonly work: number) {
    const derive = (label: string) => Buffer.from(hkdfSync('sha256', secret, 'vinhdanh', label, 32)).toString('hex');
    this.signatureSecret = derive('comment-proof-signature');
    this.keySecret = derive('comment-proof-key');
  }

  /** How many times the base work a challenge asks after `recent` comments in the last hour. */
  static factor(recent: number): number {
    return Math.min(MAX_FACTOR, 2 ** Math.floor(recent / STEP));
  }

  async challenge(nominationId: string, recent: number): Promise<Challenge> {
    const work = this.work * CommentProof.factor(recent);
    return createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      // Deterministic mode: the answer is a counter between half the work and the work; checking it is one HMAC.
      counter: randomInt(Math.max(1, Math.ceil(work / 2)), work + 1),
      deriveKey,
      expiresAt: new Date(Date.now() + VALID_MS),
      data: { nominationId },
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySecret,
    });
  }

  async check(nominationId: string, proof: ProofOfWork): Promise<ProofCheck> {
    const { challenge, solution } = proof;
    if (challenge?.parameters?.data?.nominationId !== nominationId) return { ok: false, reason: 'OTHER_NOMINATION' };
    let result: Awaited<ReturnType<typeof verifySolution>>;
    try {
      result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: this.signatureSecret, hmacKeySignatureSecret: this.keySecret });
    } catch {
      return { ok: false, reason: 'INVALID' };
    }
    if (result.expired) return { ok: false, reason: 'EXPIRED' };
    if (!result.verified || !challenge.signature || !challenge.parameters.expiresAt) return { ok: false, reason: 'INVALID' };
    return { ok: true, expiresAt: new Date(challenge.parameters.expiresAt * 1000), signature: challenge.signature };
  }
}
