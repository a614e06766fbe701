/**
 * Regenerates the worked-cases table of docs/eligibility.md from the cases the specs run
 * (libs/domain/test/eligibility-cases.ts): `npm run docs:eligibility`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABLE_END, TABLE_START, workedCasesTable } from '../libs/domain/test/worked-cases-table';

const path = join(__dirname, '..', 'docs', 'eligibility.md');
const doc = readFileSync(path, 'utf8');
const start = doc.indexOf(TABLE_START);
const end = doc.indexOf(TABLE_END);
if (start < 0 || end < 0) throw new Error(`docs/eligibility.md has no worked-cases markers`);
writeFileSync(path, doc.slice(0, start) + workedCasesTable() + doc.slice(end + TABLE_END.length));
console.log('docs/eligibility.md: worked cases regenerated');
