import { useState } from 'react';
import type { Table } from '@vinhdanh/domain/reports/spreadsheet-layout';
import { saveBlob, type ApiError } from '../api';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice, Progress, asApiError } from './kit';

/** A page of a list as the API answers it. */
interface Page<T> { items: T[]; total: number }

/**
 * Every page of a list, read through the same endpoint (and so the same authorisation) the page
 * shows it with, the largest page the endpoint allows at a time.
 */
export async function allPages<T>(load: (page: number, pageSize: number) => Promise<Page<T>>, pageSize: number, onProgress?: (done: number, total: number) => void): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const p = await load(page, pageSize);
    items.push(...p.items);
    onProgress?.(items.length, p.total);
    if (p.items.length < pageSize || items.length >= p.total) return items;
  }
}

/**
 * "Xuất Excel": the list as the user filtered it, every page, as an .xlsx file in Vinh Danh's table
 * layout (the same module the server's spreadsheets use). The workbook is written in the browser,
 * from answers the user was already allowed to read; the spreadsheet library loads only when asked.
 */
export function ExportButton({ fileName, table }: { fileName: string; table: (progress: (done: number, total: number) => void) => Promise<Table> }) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [error, setError] = useState<ApiError>();
  async function run() {
    setError(undefined);
    setProgress({ done: 0, total: 1 });
    try {
      const [excel, layout, content] = await Promise.all([import('exceljs'), import('@vinhdanh/domain/reports/spreadsheet-layout'), table((done, total) => setProgress({ done, total }))]);
      const ExcelJS = (excel as unknown as { default?: typeof excel }).default ?? excel;
      const workbook = new ExcelJS.Workbook();
      layout.fillTable(workbook, content);
      saveBlob(new Blob([await workbook.xlsx.writeBuffer()], { type: layout.XLSX_MIME }), fileName);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setProgress(undefined);
    }
  }
  return (
    <div className="export">
      <button type="button" disabled={progress !== undefined} onClick={() => void run()}>{progress ? t('export.working') : t('export.xlsx')}</button>
      {progress && progress.total > 1 && <Progress value={progress.done} max={progress.total} label={t('export.progress')} />}
      {error && <ErrorNotice error={error} inline />}
    </div>
  );
}
