import type { StoredCheckpoint } from '@vinhdanh/persistence/audit/transparency';

/** A signed checkpoint of the audit log: `note` is the signed text, `signature` Ed25519 over it (base64). */
export type Checkpoint = StoredCheckpoint;

export interface CheckpointLog {
  /** The key that signs checkpoints: pin it (PEM, SPKI) and its id. */
  key: { keyId: string; publicKeyPem: string; algorithm: 'ed25519' };
  /** Newest first. */
  items: Checkpoint[];
}

export interface ConsistencyProof {
  from: Checkpoint;
  to: Checkpoint;
  /** RFC 9162 §2.1.4: hex SHA-256 hashes, in order. */
  proof: string[];
}

export interface InclusionProof {
  decisionId: string;
  checkpoint: Checkpoint;
  /** The audit entry that recorded the signed PDF's SHA-256, exactly as stored: its leaf is the hash of its canonical content. */
  entry: Record<string, unknown>;
  /** The entry's place in the tree (its global sequence number less one). */
  leafIndex: number;
  /** RFC 9162 §2.1.3: hex SHA-256 hashes, in order. */
  proof: string[];
}
