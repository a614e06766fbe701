import ExcelJS from 'exceljs';
import type { Session } from './stack';

/** A year-end list as a clerk keeps it in Excel: a header row, then one nominee per row. */
export async function listWorkbook(rows: (string | number)[][], header: string[] = ['Họ và tên', 'Năm sinh', 'Số định danh cá nhân', 'Chức vụ', 'Trực tiếp lao động', 'Tóm tắt thành tích']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Danh sách');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** POST /imports as the web form sends it: the file and the list's settings as multipart fields. */
export async function uploadList(who: Session, baseUrl: string, file: Buffer, fields: Record<string, string>, fileName = 'danh-sach-2025.xlsx'): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), fileName);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${baseUrl}/imports`, { method: 'POST', headers: { authorization: `Bearer ${who.token}` }, body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
