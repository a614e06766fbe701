/**
 * The layout of every table Vinh Danh writes as a spreadsheet, on the server (reports, templates)
 * and in the browser (a list's export): a title row, a subtitle, the header (bold, frozen,
 * filterable), then the rows. Values are written as values: exceljs writes a formula only for a
 * `{ formula }` cell, so a dossier's text that starts with "=" stays text.
 */
export interface TableColumn {
  header: string;
  /** Width in characters. */
  width?: number;
}

export type TableCell = string | number | boolean | null | undefined;

export interface Table {
  sheetName: string;
  /** Lines above the title, as an administrative document opens (issuer, national motto). */
  preamble?: string[];
  title: string;
  subtitle?: string;
  columns: TableColumn[];
  rows: TableCell[][];
}

/** The row the header is on: after the preamble, the title and the subtitle. */
export const headerRow = (table: Pick<Table, 'preamble'>): number => (table.preamble?.length ?? 0) + 3;

/**
 * The little of a workbook (exceljs's) the layout uses: whoever writes the file (the API, or the
 * browser with its own copy of exceljs) hands its workbook in, and the domain depends on no library.
 */
export interface SheetRow { font: Record<string, unknown>; alignment: Record<string, unknown> }
export interface Sheet {
  addRow(values: unknown[]): SheetRow;
  getColumn(index: number): { width?: number };
  views: unknown[];
  autoFilter?: unknown;
}
export interface Workbook {
  creator: string;
  addWorksheet(name: string): Sheet;
}

export function fillTable(workbook: Workbook, table: Table): Sheet {
  workbook.creator = 'Vinh Danh';
  const sheet = workbook.addWorksheet(sheetName(table.sheetName));
  for (const line of table.preamble ?? []) sheet.addRow([line]).font = { bold: true };
  sheet.addRow([table.title]).font = { bold: true, size: 13 };
  sheet.addRow(table.subtitle ? [table.subtitle] : []).font = { italic: true };
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  table.columns.forEach((c, i) => { sheet.getColumn(i + 1).width = c.width ?? 18; });
  for (const row of table.rows) sheet.addRow(row.map((v) => (v === null || v === undefined ? '' : v)));
  const at = headerRow(table);
  sheet.views = [{ state: 'frozen', ySplit: at }];
  if (table.columns.length) sheet.autoFilter = { from: { row: at, column: 1 }, to: { row: at, column: table.columns.length } };
  return sheet;
}

/** Excel's sheet-name rules: 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
