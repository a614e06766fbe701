/**
 * A list pasted from a spreadsheet or typed, one person per line:
 * "Họ tên; năm sinh; số định danh; chức vụ; x" (tabs, as Excel copies them, or semicolons).
 * Every line is checked before anything is sent: a header row is recognised and skipped, a bad
 * value is named rather than dropped, and a person listed twice is flagged on the second line.
 */
export interface Row {
  /** The line's number in the pasted text (1-based), as the clerk sees it in the spreadsheet. */
  line: number;
  name: string;
  birthYear: string;
  personalId: string;
  position: string;
  frontLine: boolean;
  /** What is wrong with the line, in both languages; empty when it can be sent. */
  problems: { vi: string; en: string }[];
  /** The earlier line this one repeats, if any. */
  duplicateOf?: number;
}

export interface ParsedList {
  /** The header row, when the first line is one (it names columns rather than a person). */
  header?: string;
  rows: Row[];
}

const HEADER_WORDS = /(họ\s*(và)?\s*tên|họ tên|năm sinh|định danh|cccd|chức vụ|ho ten|name)/i;
const FRONT_LINE = /^(x|có|co|yes|1|✓)$/i;

/** Strips accents and case, for comparing names as people write them. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function parseRows(text: string): ParsedList {
  const lines = text.split(/\r?\n/).map((l, i) => ({ raw: l, line: i + 1 })).filter((l) => l.raw.trim());
  let header: string | undefined;
  const first = lines[0];
  if (first) {
    const cells = first.raw.split(/[;\t]/).map((s) => s.trim());
    // A header names its columns and carries no year or identification number.
    if (HEADER_WORDS.test(first.raw) && !cells.some((c) => /^\d{4,}$/.test(c))) {
      header = first.raw.trim();
      lines.shift();
    }
  }
  const seenIds = new Map<string, number>();
  const seenPeople = new Map<string, number>();
  const rows = lines.map(({ raw, line }): Row => {
    const [name = '', birthYear = '', personalId = '', position = '', mark = ''] = raw.split(/[;\t]/).map((s) => s.trim());
    const problems: Row['problems'] = [];
    if (!name) problems.push({ vi: 'Thiếu họ và tên', en: 'The name is missing' });
    if (birthYear && !/^\d{4}$/.test(birthYear)) problems.push({ vi: `Năm sinh “${birthYear}” phải gồm 4 chữ số`, en: `Year of birth “${birthYear}” must be 4 digits` });
    else if (birthYear && (Number(birthYear) < 1900 || Number(birthYear) > new Date().getFullYear())) problems.push({ vi: `Năm sinh ${birthYear} không hợp lý`, en: `Year of birth ${birthYear} is not plausible` });
    if (!personalId) problems.push({ vi: 'Thiếu số định danh cá nhân', en: 'The personal identification number is missing' });
    else if (!/^\d{12}$/.test(personalId)) problems.push({ vi: `Số định danh “${personalId}” phải gồm 12 chữ số`, en: `Identification number “${personalId}” must be 12 digits` });
    const row: Row = { line, name, birthYear, personalId, position, frontLine: FRONT_LINE.test(mark), problems };
    // The same person twice: by identification number, or by name and year when a number is missing.
    const earlier = (personalId && seenIds.get(personalId)) || seenPeople.get(`${fold(name)}|${birthYear}`);
    if (earlier) {
      row.duplicateOf = earlier;
      problems.push({ vi: `Trùng với dòng ${earlier}`, en: `Same person as line ${earlier}` });
    } else {
      if (personalId) seenIds.set(personalId, line);
      if (name) seenPeople.set(`${fold(name)}|${birthYear}`, line);
    }
    return row;
  });
  return { header, rows };
}
