import ExcelJS from 'exceljs';
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
  // The central directory's declared sizes, read before anything is inflated (jszip keeps them on
  // each entry; the inflater then refuses an entry larger than it declared).
  let declared = 0;
  zip.forEach((_path, entry) => {
    if (entry.dir) return;
    declared += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? Infinity;
  });
  if (!(declared <= MAX_INFLATED_BYTES)) throw new SpreadsheetError('TOO_LARGE', `declares ${declared} bytes inflated`);
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
