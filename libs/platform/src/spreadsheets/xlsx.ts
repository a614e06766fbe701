import ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { fillTable, type Table } from '@vinhdanh/domain/reports/spreadsheet-layout';

export { XLSX_MIME, type Table, type TableCell, type TableColumn } from '@vinhdanh/domain/reports/spreadsheet-layout';

/**
 * Spreadsheets in and out (.xlsx), with exceljs: what clerks keep their year-end lists in and what
 * offices file their statistical reports as. Reading is bounded before anything is inflated (an
 * .xlsx is a zip: a small upload can declare gigabytes), and writing stores every value as data,
 * never as a formula, so a cell typed "=HYPERLINK(…)" in a dossier stays text in an export.
 */

/** One row of a sheet as text, with its row number as the spreadsheet shows it. */
export interface SheetLine {
  line: number;
  cells: string[];
}

export class SpreadsheetError extends Error {
  constructor(readonly reason: 'NOT_XLSX' | 'TOO_LARGE' | 'TOO_MANY_ROWS' | 'EMPTY', message: string) {
    super(message);
  }
}

/** What an upload may expand to once inflated: far above any real list, far below the heap. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/** Columns read per row: the list has six; the rest of a wide sheet is ignored. */
const MAX_COLUMNS = 12;

/** The first worksheet's rows as text (numbers, dates and formula results as the sheet shows them). */
export async function readFirstSheet(content: Buffer, maxRows: number): Promise<SheetLine[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(content);
  } catch {
    throw new SpreadsheetError('NOT_XLSX', 'not a zip archive');
  }
  if (!zip.file('xl/workbook.xml')) throw new SpreadsheetError('NOT_XLSX', 'no xl/workbook.xml');
  inflatedWithin(zip, MAX_INFLATED_BYTES);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new SpreadsheetError('NOT_XLSX', 'unreadable workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SpreadsheetError('EMPTY', 'no worksheet');
  if (sheet.actualRowCount > maxRows + 1) throw new SpreadsheetError('TOO_MANY_ROWS', `${sheet.actualRowCount} rows`);
  const lines: SheetLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++) cells.push(cellText(row.getCell(c)));
    lines.push({ line, cells });
  });
  return lines;
}

/** What jszip keeps of an entry from the central directory (its own fields; jszip has no public API for them). */
interface CompressedEntry {
  uncompressedSize: number;
  compression: { magic: string };
  compressedContent: Uint8Array;
}

const STORED = '\x00\x00';
const DEFLATED = '\x08\x00';

/**
 * Inflates every entry as exceljs will, counting, and stops at `limit` bytes in all: a zip can
 * declare 1 kB for an entry that inflates to a gigabyte, and jszip checks the declared size only
 * after inflating the whole entry. zlib's `maxOutputLength` ends the inflation at the budget left,
 * so an upload costs at most `limit` bytes of memory, whatever it declares. Returns the bytes inflated.
 */
export function inflatedWithin(zip: JSZip, limit: number): number {
  let inflated = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const data = (entry as unknown as { _data?: CompressedEntry })._data;
    if (!data || typeof data.uncompressedSize !== 'number') throw new SpreadsheetError('NOT_XLSX', `unreadable entry ${entry.name}`);
    if (data.uncompressedSize > limit - inflated) throw new SpreadsheetError('TOO_LARGE', `${entry.name} declares ${data.uncompressedSize} bytes inflated`);
    let size: number;
    if (data.compression.magic === STORED) size = data.compressedContent.length;
    else if (data.compression.magic === DEFLATED) {
      try {
        size = inflateRawSync(data.compressedContent, { maxOutputLength: Math.max(limit - inflated, 1) }).length;
      } catch (err) {
        // zlib's own code (its RangeError comes from Node's realm, not necessarily the caller's).
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new SpreadsheetError('TOO_LARGE', `${entry.name} inflates past ${limit - inflated} bytes`);
        throw new SpreadsheetError('NOT_XLSX', `${entry.name} does not inflate`);
      }
    } else throw new SpreadsheetError('NOT_XLSX', `${entry.name} uses an unknown compression`);
    if (size !== data.uncompressedSize) throw new SpreadsheetError('NOT_XLSX', `${entry.name} declares ${data.uncompressedSize} bytes and holds ${size}`);
    inflated += size;
  }
  return inflated;
}

/** A cell as its text: a date as dd/mm/yyyy, a number without grouping, a formula by its result. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'object' && 'result' in v) return v.result === undefined || v.result === null ? '' : String(v.result);
  return cell.text ?? '';
}
const pad = (n: number) => String(n).padStart(2, '0');

/** Tables as an .xlsx workbook, a sheet each, in the layout every Vinh Danh table has (table.ts). */
export async function writeTable(...tables: Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const table of tables) fillTable(workbook, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
