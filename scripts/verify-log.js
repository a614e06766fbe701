#!/usr/bin/env node
/**
 * Verifies the audit log's checkpoints and proofs offline (docs/audit.md, transparency log), with
 * nothing but the files and the log's public key (GET /public/checkpoints → key.publicKeyPem):
 *
 *   node scripts/verify-log.js checkpoint  <checkpoint.json> <key.pem>
 *   node scripts/verify-log.js inclusion   <inclusion-proof.json> <key.pem> [decision.pdf]
 *   node scripts/verify-log.js consistency <consistency-proof.json> <key.pem>
 *   node scripts/verify-log.js entries     <entries.json> <checkpoint.json> <key.pem>
 *
 * `entries.json` is the log's entries in order (the change feed's `items`, pages concatenated, or
 * rows as stored): their Merkle root (RFC 9162) must be the checkpoint's. Exit 0 when everything
 * verifies, 1 when something does not, 2 on bad usage. It re-implements the tree on purpose: an
 * auditor's check must not depend on the code it checks.
 */
'use strict';
const { createHash, verify } = require('node:crypto');
const fs = require('node:fs');

const sha = (...parts) => { const h = createHash('sha256'); for (const p of parts) h.update(p); return h.digest(); };
const leafHash = (data) => sha(Buffer.from([0]), Buffer.from(data, 'utf8'));
const nodeHash = (l, r) => sha(Buffer.from([1]), l, r);
const canonical = (v) =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
  : v && typeof v === 'object' ? `{${Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`
  : JSON.stringify(v === undefined ? null : v);
/** An entry's leaf: the canonical content its hash chain also hashes (stored rows or change-feed items). */
const entryLeaf = (e) => leafHash(canonical({
  stream: e.stream, streamSeq: e.stream_seq ?? e.streamSeq, globalSeq: Number(e.global_seq ?? e.globalSeq), eventType: e.event_type ?? e.type,
  actorId: (e.actor_id ?? e.actorId) ?? null, actorRole: (e.actor_role ?? e.actorRole) ?? null, rule: e.rule ?? null, occurredAt: e.occurred_at ?? e.occurredAt, payload: e.payload,
}));
const read = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
const hex = (h) => Buffer.from(h, 'hex');

function rootOf(leaves) {
  if (!leaves.length) return sha();
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(rootOf(leaves.slice(0, k)), rootOf(leaves.slice(k)));
}

function checkpointProblems(c, key) {
  const lines = c.note.split('\n');
  const problems = [];
  if (!verify(null, Buffer.from(c.note, 'utf8'), key, Buffer.from(c.signature, 'base64'))) problems.push(`checkpoint ${c.treeSize}: the signature does not verify with this key`);
  if (lines[1] !== String(c.treeSize) || Buffer.from(lines[2] ?? '', 'base64').toString('hex') !== c.rootHash) problems.push(`checkpoint ${c.treeSize}: its fields are not what its signed text says`);
  return problems;
}

// RFC 9162 §2.1.3.2
function verifyInclusion(index, size, leaf, proof, root) {
  if (index >= size) return false;
  let fn = index, sn = size - 1, r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) { fn >>= 1; sn >>= 1; }
    } else r = nodeHash(r, p);
    fn >>= 1; sn >>= 1;
  }
  return sn === 0 && r.equals(root);
}

// RFC 9162 §2.1.4.2
function verifyConsistency(first, size, firstRoot, root, proof) {
  if (first < 1 || first > size) return false;
  if (first === size) return proof.length === 0 && firstRoot.equals(root);
  if (!proof.length) return false;
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : proof;
  let fn = first - 1, sn = size - 1;
  while (fn % 2 === 1) { fn >>= 1; sn >>= 1; }
  let fr = path[0], sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr); sr = nodeHash(c, sr);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) { fn >>= 1; sn >>= 1; }
    } else sr = nodeHash(sr, c);
    fn >>= 1; sn >>= 1;
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(root);
}

function main([command, ...files]) {
  const problems = [];
  let said;
  if (command === 'checkpoint' && files.length === 2) {
    const c = read(files[0]);
    problems.push(...checkpointProblems(c, fs.readFileSync(files[1])));
    said = `checkpoint of ${c.treeSize} entries, root ${c.rootHash}, signed ${c.issuedAt}`;
  } else if (command === 'inclusion' && files.length >= 2) {
    const p = read(files[0]);
    problems.push(...checkpointProblems(p.checkpoint, fs.readFileSync(files[1])));
    if (Number(p.entry.global_seq) - 1 !== p.leafIndex) problems.push('the entry is not the leaf the proof is for');
    if (!verifyInclusion(p.leafIndex, p.checkpoint.treeSize, entryLeaf(p.entry), p.proof.map(hex), hex(p.checkpoint.rootHash))) problems.push(`the entry is not in the tree of checkpoint ${p.checkpoint.treeSize}`);
    if (files[2] && sha(fs.readFileSync(files[2])).toString('hex') !== p.entry.payload.sha256) problems.push('the PDF is not the one whose hash this entry recorded');
    said = `entry ${p.entry.global_seq} (${p.entry.event_type} of ${p.entry.stream}) is in checkpoint ${p.checkpoint.treeSize}${files[2] ? ', and the PDF is the one it recorded' : ''}`;
  } else if (command === 'consistency' && files.length === 2) {
    const p = read(files[0]);
    const key = fs.readFileSync(files[1]);
    problems.push(...checkpointProblems(p.from, key), ...checkpointProblems(p.to, key));
    if (!verifyConsistency(p.from.treeSize, p.to.treeSize, hex(p.from.rootHash), hex(p.to.rootHash), p.proof.map(hex))) problems.push(`checkpoint ${p.to.treeSize} does not extend checkpoint ${p.from.treeSize}: the log was rewritten between them`);
    said = `checkpoint ${p.to.treeSize} only appends to checkpoint ${p.from.treeSize}`;
  } else if (command === 'entries' && files.length === 3) {
    const raw = read(files[0]);
    const entries = (Array.isArray(raw) ? raw : raw.items).slice().sort((a, b) => Number(a.global_seq ?? a.globalSeq) - Number(b.global_seq ?? b.globalSeq));
    const c = read(files[1]);
    problems.push(...checkpointProblems(c, fs.readFileSync(files[2])));
    const first = entries.slice(0, c.treeSize);
    if (first.length < c.treeSize) problems.push(`only ${first.length} entries for a checkpoint of ${c.treeSize}`);
    else if (first.some((e, i) => Number(e.global_seq ?? e.globalSeq) !== i + 1)) problems.push('the entries are not numbered 1, 2, 3… without a gap');
    else if (rootOf(first.map(entryLeaf)).toString('hex') !== c.rootHash) problems.push(`the first ${c.treeSize} entries are not those checkpoint ${c.treeSize} signed: the log was rewritten`);
    said = `the first ${c.treeSize} of ${entries.length} entries are those checkpoint ${c.treeSize} signed`;
  } else {
    console.error('usage: verify-log.js checkpoint <checkpoint.json> <key.pem> | inclusion <proof.json> <key.pem> [decision.pdf] | consistency <proof.json> <key.pem> | entries <entries.json> <checkpoint.json> <key.pem>');
    return 2;
  }
  if (problems.length) {
    console.error(`NOT VERIFIED (${problems.length} problem(s)):\n  ${problems.join('\n  ')}`);
    return 1;
  }
  console.log(`verified: ${said}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
