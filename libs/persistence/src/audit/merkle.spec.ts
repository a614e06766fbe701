import fc from 'fast-check';
import { EMPTY_ROOT, Frontier, consistencyProof, inclusionProof, leafHash, memoizedSubtree, rootOf, verifyConsistency, verifyInclusion } from './merkle';

const hex = (b: Buffer) => b.toString('hex');
const unhex = (h: string) => Buffer.from(h, 'hex');

// The reference tree of RFC 6962's implementations (Certificate Transparency): eight leaves and the root of every prefix.
const DATA = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(unhex);
const LEAVES = DATA.map((d) => leafHash(d));
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const subtreeOf = (leaves: Buffer[]) => (start: number, end: number) => rootOf(leaves, start, end);

describe('the Merkle tree of RFC 9162', () => {
  it('gives the reference roots for every size from 0 to 8, recursively and streamed', () => {
    expect(hex(EMPTY_ROOT)).toBe(ROOTS[0]);
    const frontier = new Frontier();
    expect(hex(frontier.root())).toBe(ROOTS[0]);
    for (let n = 1; n <= 8; n++) {
      expect(hex(rootOf(LEAVES.slice(0, n)))).toBe(ROOTS[n]);
      frontier.push(LEAVES[n - 1]);
      expect(hex(frontier.root())).toBe(ROOTS[n]);
    }
  });

  it('gives the reference inclusion and consistency proofs', () => {
    const sub = subtreeOf(LEAVES);
    expect(inclusionProof(0, 8, sub).map(hex)).toEqual(['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']);
    expect(inclusionProof(5, 8, sub).map(hex)).toEqual(['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']);
    expect(consistencyProof(1, 8, sub).map(hex)).toEqual(['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']);
    expect(consistencyProof(6, 8, sub).map(hex)).toEqual(['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']);
    expect(consistencyProof(2, 5, sub).map(hex)).toEqual(['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']);
    expect(consistencyProof(8, 8, sub)).toEqual([]);
  });

  const tree = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from([i & 0xff, i >> 8, 7])));

  it('every leaf’s proof verifies in every tree up to 40 leaves, and every proof between two sizes', () => {
    const leaves = tree(40);
    const sub = subtreeOf(leaves);
    for (let n = 1; n <= 40; n++) {
      const root = rootOf(leaves, 0, n);
      for (let i = 0; i < n; i++) expect(verifyInclusion(i, n, leaves[i], inclusionProof(i, n, sub), root)).toBe(true);
      for (let m = 1; m <= n; m++) expect(verifyConsistency(m, n, rootOf(leaves, 0, m), root, consistencyProof(m, n, sub))).toBe(true);
    }
  });

  it('refuses a changed leaf, path, index, size or root, and a tree that was rewritten', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 70 }), fc.nat(), fc.nat(), fc.nat(), (n, a, b, c) => {
        const leaves = tree(n);
        const sub = subtreeOf(leaves);
        const i = a % n;
        const root = rootOf(leaves);
        const proof = inclusionProof(i, n, sub);
        const flipped = (buf: Buffer) => Buffer.from(buf.map((x, j) => (j === c % 32 ? x ^ 1 : x)));
        expect(verifyInclusion(i, n, flipped(leaves[i]), proof, root)).toBe(false);
        expect(verifyInclusion(i, n, leaves[i], proof, flipped(root))).toBe(false);
        if (proof.length) expect(verifyInclusion(i, n, leaves[i], proof.map((p, j) => (j === b % proof.length ? flipped(p) : p)), root)).toBe(false);
        expect(verifyInclusion((i + 1) % n, n, leaves[i], proof, root)).toBe(false);
        expect(verifyInclusion(i, n, leaves[i], proof, root)).toBe(true);
        // A log whose old entries were rewritten is not consistent with what it published before.
        const m = 1 + (b % (n - 1));
        const rewritten = leaves.map((l, j) => (j === a % m ? flipped(l) : l));
        expect(verifyConsistency(m, n, rootOf(leaves, 0, m), rootOf(rewritten), consistencyProof(m, n, subtreeOf(rewritten)))).toBe(false);
        expect(verifyConsistency(m, n, rootOf(leaves, 0, m), root, consistencyProof(m, n, sub))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the memoized subtrees give the same proofs as the reference recursion', () => {
    const leaves = tree(67);
    const memo = memoizedSubtree(leaves);
    for (const n of [1, 2, 3, 31, 32, 33, 67]) {
      for (let i = 0; i < n; i += 5) expect(inclusionProof(i, n, memo)).toEqual(inclusionProof(i, n, subtreeOf(leaves)));
      for (let m = 1; m <= n; m += 7) expect(consistencyProof(m, n, memo)).toEqual(consistencyProof(m, n, subtreeOf(leaves)));
      expect(memo(0, n)).toEqual(rootOf(leaves, 0, n));
    }
  });

  it('refuses proofs for leaves or sizes outside the tree', () => {
    const leaves = tree(5);
    expect(() => inclusionProof(5, 5, subtreeOf(leaves))).toThrow(RangeError);
    expect(() => consistencyProof(0, 5, subtreeOf(leaves))).toThrow(RangeError);
    expect(() => consistencyProof(6, 5, subtreeOf(leaves))).toThrow(RangeError);
    expect(verifyInclusion(5, 5, leaves[0], [], rootOf(leaves))).toBe(false);
    expect(verifyConsistency(0, 5, EMPTY_ROOT, rootOf(leaves), [])).toBe(false);
    expect(verifyConsistency(3, 5, rootOf(leaves, 0, 3), rootOf(leaves), [])).toBe(false);
    expect(verifyConsistency(5, 5, rootOf(leaves), rootOf(leaves), [])).toBe(true);
  });
});
