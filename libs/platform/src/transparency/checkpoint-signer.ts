import { hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import { ed25519FromSeed } from './ed25519';

/** What a checkpoint says: the log's name, its size and root, and when (docs/audit.md, transparency log). */
export interface CheckpointBody {
  origin: string;
  treeSize: number;
  /** SHA-256 root of RFC 9162's tree over the first `treeSize` entries, hex. */
  rootHash: string;
  issuedAt: string;
}

/**
 * The signed text of a checkpoint, in the form of C2SP's tlog-checkpoint (the "signed note" of Go's
 * checksum database and Sigstore's Rekor v2): the origin, the size, the root in base64, then an
 * extension line with the time; one line each, newline-terminated.
 */
export function checkpointNote(c: CheckpointBody): string {
  return `${c.origin}\n${c.treeSize}\n${Buffer.from(c.rootHash, 'hex').toString('base64')}\n${c.issuedAt}\n`;
}

/** Reads a checkpoint's signed text back; undefined if it is not one. */
export function parseCheckpointNote(note: string): CheckpointBody | undefined {
  const m = /^([^\n]+)\n(\d+)\n([A-Za-z0-9+/]{43}=)\n([^\n]+)\n$/.exec(note);
  return m ? { origin: m[1], treeSize: Number(m[2]), rootHash: Buffer.from(m[3], 'base64').toString('hex'), issuedAt: m[4] } : undefined;
}

/**
 * Signs the audit log's checkpoints with Ed25519. Its key is derived from FEED_SIGNING_KEY (HKDF,
 * its own label), so it is a key of its own that needs no secret of its own; witnesses and the
 * offline verifier pin its public key (GET /public/checkpoints/key).
 */
export class CheckpointSigner {
  private readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly keyId: string;

  constructor(feedSigningKey: Buffer) {
    const seed = Buffer.from(hkdfSync('sha256', feedSigningKey, Buffer.alloc(0), 'vinhdanh transparency-log checkpoint key', 32));
    ({ privateKey: this.privateKey, publicKey: this.publicKey, keyId: this.keyId } = ed25519FromSeed(seed));
  }

  sign(note: string): string {
    return sign(null, Buffer.from(note, 'utf8'), this.privateKey).toString('base64');
  }

  verify(note: string, signature: string): boolean {
    return verifyNote(note, signature, this.publicKey);
  }

  publicKeyPem(): string {
    return this.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  }
}

export function verifyNote(note: string, signature: string, publicKey: KeyObject | string): boolean {
  try {
    return verify(null, Buffer.from(note, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
