#!/usr/bin/env node
/**
 * Verifies an audit export offline: `node scripts/verify-export.js bundle.json`.
 * Recomputes the SHA-256 of every part against the manifest, and the per-nomination hash chain
 * of the audit rows (each row's hash over its content and the previous row's hash), and the signed
 * decision PDF against the hash its audit row recorded (verify its signature with `npm run verify:decision`).
 * No database or network needed; exit 0 when everything matches.
 */
'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');

const canonical = (v) =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
  : v && typeof v === 'object' ? `{${Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`
  : JSON.stringify(v === undefined ? null : v);
const sha = (s) => createHash('sha256').update(s).digest('hex');

const bundle = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const problems = [];
for (const [part, digest] of Object.entries(bundle.manifest)) {
  if (sha(canonical(bundle.parts[part])) !== digest) problems.push(`part ${part}: digest mismatch`);
}
const rowHash = (r, prev) => sha(`${prev}\n${canonical({ stream: r.stream, streamSeq: r.stream_seq, globalSeq: Number(r.global_seq), eventType: r.event_type, actorId: r.actor_id, actorRole: r.actor_role, rule: r.rule, occurredAt: r.occurred_at, payload: r.payload })}`);
let prev = '0'.repeat(64);
for (const r of bundle.parts.auditRows) {
  if (r.prev_stream_hash !== prev) problems.push(`audit row ${r.stream_seq}: link to the previous row broken`);
  if (r.stream_hash !== rowHash(r, prev)) problems.push(`audit row ${r.stream_seq}: content does not match its hash`);
  prev = r.stream_hash;
}
// The signed decision: the file is the one whose hash the audit chain recorded when it was signed.
const doc = bundle.parts.decisionDocument;
if (doc) {
  if (sha(Buffer.from(doc.pdfBase64, 'base64')) !== doc.sha256) problems.push('decision document: the file does not match its SHA-256');
  const row = doc.auditRow;
  if (!row || row.event_type !== 'DecisionDocumentSigned' || row.payload.sha256 !== doc.sha256) problems.push('decision document: the audit chain did not record this file');
  else if (row.stream_hash !== rowHash(row, row.prev_stream_hash)) problems.push('decision document: its audit row does not match its hash');
}
if (problems.length) {
  console.error(`NOT VERIFIED (${problems.length} problem(s)):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`verified: ${Object.keys(bundle.manifest).length} parts, ${bundle.parts.auditRows.length} audit rows, chain head ${prev}${doc ? `, signed decision ${doc.sha256}` : ''}`);
