import ExcelJS from 'exceljs';
import JSZip from 'jszip';

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

export interface TableColumn {
  header: string;
  /** Width in characters. */
  width?: number;
}

export type TableCell = string | number | boolean | null | undefined;

/**
 * A table as an .xlsx workbook: a title row, the header (bold, frozen, filterable) and the rows.
 * Strings are written as strings: exceljs writes a formula only for a `{ formula }` value.
 */
export async function writeTable(table: { sheetName: string; title: string; subtitle?: string; columns: TableColumn[]; rows: TableCell[][] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vinh Danh';
  const sheet = workbook.addWorksheet(sheetName(table.sheetName));
  sheet.addRow([table.title]).font = { bold: true, size: 13 };
  sheet.addRow(table.subtitle ? [table.subtitle] : []).font = { italic: true };
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  table.columns.forEach((c, i) => { sheet.getColumn(i + 1).width = c.width ?? 18; });
  for (const row of table.rows) sheet.addRow(row.map((v) => (v === null || v === undefined ? '' : v)));
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  if (table.columns.length) sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: table.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel's sheet-name rules: 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
