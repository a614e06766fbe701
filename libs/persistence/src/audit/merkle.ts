import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0, §2.1), as Sigstore's Rekor and Go's
 * checksum database use it: leaves hashed with a 0x00 prefix, interior nodes with 0x01, and a tree
 * of any size split at the largest power of two below it. Pure functions over hashes; the audit
 * log's leaves are its rows (libs/persistence/src/audit/transparency.ts).
 */
const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

export const leafHash = (data: Uint8Array | string): Buffer => sha256(LEAF, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
export const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer => sha256(NODE, left, right);
/** The root of the empty tree: the hash of nothing. */
export const EMPTY_ROOT = sha256();

/** k such that k < n ≤ 2k, a power of two (n > 1). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The hash of leaves [start, end) of a tree, from a function that gives any leaf's hash. */
export type Subtree = (start: number, end: number) => Buffer;

/** MTH over leaf hashes held in memory: the reference the other functions are checked against. */
export function rootOf(leaves: Buffer[], start = 0, end = leaves.length): Buffer {
  const n = end - start;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leaves[start];
  const k = splitPoint(n);
  return nodeHash(rootOf(leaves, start, start + k), rootOf(leaves, start + k, end));
}

/**
 * Roots of every prefix size asked for, in one pass over the leaves: the frontier keeps the hash
 * of each complete subtree of the decomposition of the count so far (RFC 9162's right-unbalanced
 * tree is those subtrees folded from the right).
 */
export class Frontier {
  private readonly stack: { size: number; hash: Buffer }[] = [];
  size = 0;

  push(leaf: Buffer): void {
    let node = { size: 1, hash: leaf };
    while (this.stack.length && this.stack[this.stack.length - 1].size === node.size) {
      const left = this.stack.pop()!;
      node = { size: left.size * 2, hash: nodeHash(left.hash, node.hash) };
    }
    this.stack.push(node);
    this.size++;
  }

  root(): Buffer {
    if (!this.stack.length) return EMPTY_ROOT;
    let hash = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) hash = nodeHash(this.stack[i].hash, hash);
    return hash;
  }
}

/**
 * Subtree hashes over leaves in memory, each computed once: the proofs of every entry against one
 * checkpoint together cost at most one hash per node of its tree, not one tree per proof.
 */
export function memoizedSubtree(leaves: Buffer[]): Subtree {
  const memo = new Map<number, Buffer>();
  const subtree = (start: number, end: number): Buffer => {
    const n = end - start;
    if (n === 1) return leaves[start];
    if (n === 0) return EMPTY_ROOT;
    const key = start * 2 ** 26 + n;
    let hash = memo.get(key);
    if (!hash) {
      const k = splitPoint(n);
      hash = nodeHash(subtree(start, start + k), subtree(start + k, end));
      memo.set(key, hash);
    }
    return hash;
  };
  return subtree;
}

/** PATH(m, D[n]) of RFC 9162 §2.1.3.1: the inclusion proof of leaf `index` in a tree of `size` leaves. */
export function inclusionProof(index: number, size: number, subtree: Subtree): Buffer[] {
  if (index < 0 || index >= size) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  const path = (m: number, start: number, end: number): Buffer[] => {
    const n = end - start;
    if (n === 1) return [];
    const k = splitPoint(n);
    return m < k ? [...path(m, start, start + k), subtree(start + k, end)] : [...path(m - k, start + k, end), subtree(start, start + k)];
  };
  return path(index, 0, size);
}

/** PROOF(m, D[n]) of RFC 9162 §2.1.4.1: that the tree of `size` leaves extends the one of `first`. */
export function consistencyProof(first: number, size: number, subtree: Subtree): Buffer[] {
  if (first <= 0 || first > size) throw new RangeError(`no consistency proof from ${first} to ${size}`);
  const sub = (m: number, start: number, end: number, complete: boolean): Buffer[] => {
    const n = end - start;
    if (m === n) return complete ? [] : [subtree(start, end)];
    const k = splitPoint(n);
    return m <= k ? [...sub(m, start, start + k, complete), subtree(start + k, end)] : [...sub(m - k, start + k, end, false), subtree(start, start + k)];
  };
  return sub(first, 0, size, true);
}

/** RFC 9162 §2.1.3.2: whether `proof` shows `leaf` at `index` in the tree of `size` leaves whose root is `root`. */
export function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: Uint8Array[], root: Uint8Array): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return sn === 0 && r.equals(Buffer.from(root));
}

/** RFC 9162 §2.1.4.2: whether `proof` shows the tree of `size` leaves (root `root`) extends the one of `first` leaves (root `firstRoot`). */
export function verifyConsistency(first: number, size: number, firstRoot: Uint8Array, root: Uint8Array, proof: Uint8Array[]): boolean {
  if (first <= 0 || first > size) return false;
  if (first === size) return proof.length === 0 && Buffer.from(firstRoot).equals(Buffer.from(root));
  if (!proof.length) return false;
  const path: Buffer[] = (first & (first - 1)) === 0 ? [Buffer.from(firstRoot), ...proof.map((p) => Buffer.from(p))] : proof.map((p) => Buffer.from(p));
  let fn = first - 1;
  let sn = size - 1;
  while (fn % 2 === 1) [fn, sn] = [fn >> 1, sn >> 1];
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return sn === 0 && fr.equals(Buffer.from(firstRoot)) && sr.equals(Buffer.from(root));
}
