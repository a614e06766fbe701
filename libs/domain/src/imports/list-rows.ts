import { checkPersonalId } from '../common/personal-id';
import { DomainError } from '../common/errors';
import { storable, textProblem } from '../common/text';

/**
 * A unit's year-end list, one nominee per row, as a clerk pastes it or uploads it as a spreadsheet:
 *
 *   Họ và tên | Năm sinh | Số định danh | Chức vụ | Trực tiếp lao động (x) | Tóm tắt thành tích
 *
 * Every row is checked before anything is sent: a header row is recognised and skipped, a bad value
 * is named rather than dropped, and a nominee listed twice is flagged on the second row. The paste
 * form (web) and the spreadsheet import (API) read lists with this one module, so a list means the
 * same whichever way it arrives.
 */
export interface ListRow {
  /** The row's number as the clerk sees it: the spreadsheet's row, or the pasted text's line (1-based). */
  line: number;
  name: string;
  birthYear: string;
  personalId: string;
  position: string;
  frontLine: boolean;
  /** This row's own summary of achievements; empty means the list's shared one. */
  achievements: string;
  /** What is wrong with the row, in both languages; empty when it can be sent. */
  problems: { vi: string; en: string }[];
  /** The earlier row this one repeats, if any. */
  duplicateOf?: number;
}

export interface ParsedList {
  /** The header row, when the first row is one (it names columns rather than a nominee). */
  header?: string;
  rows: ListRow[];
}

/** One row of cells with its number in the source. */
export interface ListLine {
  line: number;
  cells: string[];
}

/** Individuals carry a birth year and a personal identification number; collectives neither. */
export type ListKind = 'INDIVIDUAL' | 'COLLECTIVE';

const HEADER_WORDS = /(họ\s*(và)?\s*tên|năm sinh|định danh|cccd|chức vụ|ho ten|tên tập thể|ten tap the|name)/i;
const FRONT_LINE = /^(x|có|co|yes|1|✓)$/i;
/** A summary longer than a dossier's field allows is refused here, not at submission. */
export const MAX_ROW_ACHIEVEMENTS = 4000;

/** Strips accents and case, for comparing names as people write them. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Pasted text as rows of cells: tabs (as spreadsheets copy) or semicolons; blank lines keep their numbers. */
export function textToLines(text: string): ListLine[] {
  return text.split(/\r?\n/).map((raw, i) => ({ line: i + 1, cells: raw.split(/[;\t]/) }));
}

export function parseList(lines: ListLine[], options: { kind: ListKind; thisYear: number }): ParsedList {
  const filled = lines
    // A cell that is not well-formed text is shown and kept with U+FFFD in place of what cannot be stored, and its row refused.
    .map((l) => ({ line: l.line, badText: l.cells.some((c) => textProblem(c)), cells: l.cells.map((c) => storable(c).normalize('NFC').trim()) }))
    .filter((l) => l.cells.some((c) => c));
  let header: string | undefined;
  const first = filled[0];
  // A header names its columns and carries no year or identification number.
  if (first && HEADER_WORDS.test(first.cells.join(' ')) && !first.cells.some((c) => /^\d{4,}$/.test(c))) {
    header = first.cells.filter((c) => c).join(' · ');
    filled.shift();
  }
  const seenIds = new Map<string, number>();
  const seenNames = new Map<string, number>();
  const rows = filled.map(({ line, cells, badText }): ListRow => {
    const [name = '', birthYear = '', personalIdText = '', position = '', mark = '', achievements = ''] = cells;
    const personalId = personalIdText.replace(/[\s.-]/g, '');
    const problems = options.kind === 'INDIVIDUAL'
      ? individualProblems(name, birthYear, personalId, options.thisYear)
      : collectiveProblems(name, personalId);
    if (badText) problems.push({ vi: 'Dòng có ký tự không hợp lệ (không phải văn bản Unicode chuẩn); hãy gõ lại ô đó', en: 'The row holds characters that are not well-formed Unicode text; retype that cell' });
    if (achievements.length > MAX_ROW_ACHIEVEMENTS) {
      problems.push({ vi: `Tóm tắt thành tích dài quá ${MAX_ROW_ACHIEVEMENTS} ký tự`, en: `The summary of achievements is longer than ${MAX_ROW_ACHIEVEMENTS} characters` });
    }
    const row: ListRow = { line, name, birthYear, personalId, position, frontLine: FRONT_LINE.test(mark), achievements, problems };
    // The same nominee twice: by identification number, or by name (and year) when a number is missing.
    const nameKey = `${fold(name)}|${options.kind === 'INDIVIDUAL' ? birthYear : ''}`;
    const earlier = (personalId && seenIds.get(personalId)) || (name ? seenNames.get(nameKey) : undefined);
    if (earlier) {
      row.duplicateOf = earlier;
      problems.push({ vi: `Trùng với dòng ${earlier}`, en: `Same nominee as row ${earlier}` });
    } else {
      if (personalId) seenIds.set(personalId, line);
      if (name) seenNames.set(nameKey, line);
    }
    return row;
  });
  return { ...(header !== undefined ? { header } : {}), rows };
}

function individualProblems(name: string, birthYear: string, personalId: string, thisYear: number): ListRow['problems'] {
  const problems: ListRow['problems'] = [];
  if (!name) problems.push({ vi: 'Thiếu họ và tên', en: 'The name is missing' });
  const yearOk = /^\d{4}$/.test(birthYear) && Number(birthYear) >= 1900 && Number(birthYear) <= thisYear;
  if (birthYear && !/^\d{4}$/.test(birthYear)) problems.push({ vi: `Năm sinh “${birthYear}” phải gồm 4 chữ số`, en: `Year of birth “${birthYear}” must be 4 digits` });
  else if (birthYear && !yearOk) problems.push({ vi: `Năm sinh ${birthYear} không hợp lý`, en: `Year of birth ${birthYear} is not plausible` });
  if (!personalId) problems.push({ vi: 'Thiếu số định danh cá nhân', en: 'The personal identification number is missing' });
  else if (!/^\d{12}$/.test(personalId)) problems.push({ vi: `Số định danh “${personalId}” phải gồm 12 chữ số`, en: `Identification number “${personalId}” must be 12 digits` });
  else {
    // The number's own checks (place-of-birth code, year of birth): the same the submission makes.
    const checked = checkPersonalId(personalId, yearOk ? Number(birthYear) : undefined);
    if (checked instanceof DomainError) problems.push({ vi: checked.toBody().messageVi, en: checked.toBody().messageEn });
  }
  return problems;
}

function collectiveProblems(name: string, personalId: string): ListRow['problems'] {
  const problems: ListRow['problems'] = [];
  if (!name) problems.push({ vi: 'Thiếu tên tập thể', en: 'The collective’s name is missing' });
  if (personalId) problems.push({ vi: 'Tập thể không có số định danh cá nhân', en: 'A collective has no personal identification number' });
  return problems;
}
