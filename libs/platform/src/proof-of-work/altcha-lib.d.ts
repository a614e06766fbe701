/**
 * The part of altcha-lib (v2) the API uses, declared for this project's `moduleResolution: node`,
 * which cannot read the package's `exports` map; the package's own types (dist/esm/v2/types.d.ts)
 * are the reference. The web app, resolved as a bundler, uses the package's types directly.
 */
declare module 'altcha-lib' {
  export interface ChallengeParameters {
    algorithm: string;
    nonce: string;
    salt: string;
    cost: number;
    keyLength: number;
    keyPrefix: string;
    keySignature?: string;
    expiresAt?: number;
    data?: Record<string, string | number | boolean | null>;
  }
  export interface Challenge {
    parameters: ChallengeParameters;
    signature?: string;
  }
  export interface Solution {
    counter: number;
    derivedKey: string;
    time?: number;
  }
  export type DeriveKeyFunction = (parameters: ChallengeParameters, salt: Uint8Array, password: Uint8Array) => Promise<{ derivedKey: Uint8Array }>;
  export function createChallenge(options: {
    algorithm: string;
    cost: number;
    counter?: number;
    deriveKey: DeriveKeyFunction;
    expiresAt?: number | Date;
    data?: Record<string, string | number | boolean | null>;
    hmacSignatureSecret?: string;
    hmacKeySignatureSecret?: string;
  }): Promise<Challenge>;
  export function solveChallenge(options: { challenge: Challenge; deriveKey: DeriveKeyFunction; timeout?: number }): Promise<Solution | null>;
  export function verifySolution(options: { challenge: Challenge; solution: Solution; deriveKey: DeriveKeyFunction; hmacSignatureSecret: string; hmacKeySignatureSecret?: string }): Promise<{
    expired: boolean;
    invalidSignature: boolean | null;
    invalidSolution: boolean | null;
    verified: boolean;
  }>;
}

declare module 'altcha-lib/algorithms/sha' {
  export const deriveKey: import('altcha-lib').DeriveKeyFunction;
}
