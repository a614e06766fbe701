/**
 * Whether two comments say the same thing: the same words (case, punctuation and spacing aside),
 * or nearly — at least 80% of their runs of three words shared (Jaccard similarity of word
 * 3-shingles). A citizen who repeats a comment, or a flood of copies with a word changed, adds a
 * voice to the comment already received instead of a new one to answer.
 */
const THRESHOLD = 0.8;

function words(text: string): string[] {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);
}

function shingles(ws: string[], k: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + k <= ws.length; i++) out.add(ws.slice(i, i + k).join(' '));
  return out;
}

export function nearDuplicate(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (wa.join(' ') === wb.join(' ')) return true;
  const k = Math.min(3, wa.length, wb.length);
  if (k === 0) return false;
  const sa = shingles(wa, k);
  const sb = shingles(wb, k);
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared++;
  return shared / (sa.size + sb.size - shared) >= THRESHOLD;
}
