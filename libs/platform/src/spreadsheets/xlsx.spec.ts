import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { deflateRawSync } from 'node:zlib';
import { deflatedRun, lyingZip } from '../../../../test/support/lying-zip';
import { inflatedWithin, readFirstSheet, SpreadsheetError, writeTable } from './xlsx';

describe('spreadsheets in and out', () => {
  it('reads back what it wrote, row numbers as the sheet shows them, after the title and header', async () => {
    const file = await writeTable({ sheetName: 'Danh sách', title: 'Danh sách đề nghị', columns: [{ header: 'Họ và tên' }, { header: 'Năm sinh' }], rows: [['Ngô Thị Lan', 1985], ['Đinh Văn Minh', 1979]] });
    const lines = await readFirstSheet(file, 100);
    expect(lines).toEqual([
      { line: 1, cells: ['Danh sách đề nghị'] },
      { line: 3, cells: ['Họ và tên', 'Năm sinh'] },
      { line: 4, cells: ['Ngô Thị Lan', '1985'] },
      { line: 5, cells: ['Đinh Văn Minh', '1979'] },
    ]);
  });

  it('keeps a value that looks like a formula as text: an export never runs what a dossier holds', async () => {
    const file = await writeTable({ sheetName: 'x', title: 't', columns: [{ header: 'a' }], rows: [['=HYPERLINK("http://evil.example","bấm")'], ['+1+1'], ['@SUM(A1)']] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const values = [4, 5, 6].map((r) => wb.worksheets[0].getRow(r).getCell(1).value);
    expect(values).toEqual(['=HYPERLINK("http://evil.example","bấm")', '+1+1', '@SUM(A1)']);
    const sheetXml = await (await JSZip.loadAsync(file)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).not.toContain('<f>');
  });

  it('reads dates day first and formula results, not formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('a');
    s.addRow([new Date(Date.UTC(2025, 11, 31)), { formula: '1+1', result: 2 }, 12.5]);
    const lines = await readFirstSheet(Buffer.from(await wb.xlsx.writeBuffer()), 10);
    expect(lines[0].cells).toEqual(['31/12/2025', '2', '12.5']);
  });

  it('refuses what is not a workbook, a zip that declares more than it may inflate to, and too many rows', async () => {
    await expect(readFirstSheet(Buffer.from('Họ tên;Năm sinh'), 10)).rejects.toMatchObject({ reason: 'NOT_XLSX' });
    const plainZip = new JSZip();
    plainZip.file('readme.txt', 'x');
    await expect(readFirstSheet(await plainZip.generateAsync({ type: 'nodebuffer' }), 10)).rejects.toMatchObject({ reason: 'NOT_XLSX' });
    const bomb = new JSZip();
    bomb.file('xl/workbook.xml', '<workbook/>');
    bomb.file('xl/worksheets/sheet1.xml', Buffer.alloc(80 * 1024 * 1024, 0x20));
    const small = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(small.length).toBeLessThan(1024 * 1024);
    await expect(readFirstSheet(small, 10)).rejects.toMatchObject({ reason: 'TOO_LARGE' });
    const many = await writeTable({ sheetName: 'x', title: 't', columns: [{ header: 'a' }], rows: Array.from({ length: 20 }, (_, i) => [`row ${i}`]) });
    await expect(readFirstSheet(many, 10)).rejects.toBeInstanceOf(SpreadsheetError);
  });

  describe('a zip that lies about its sizes', () => {
    const workbook = { name: 'xl/workbook.xml', deflated: deflateRawSync('<workbook/>'), declaredSize: 11 };

    it('is refused once what it inflates passes the limit, having inflated no more than the limit', async () => {
      // 1 kB declared, 256 MiB inside: the counted inflation stops at the 1 MiB budget.
      const zip = await JSZip.loadAsync(lyingZip([workbook, { name: 'xl/worksheets/sheet1.xml', deflated: await deflatedRun(256), declaredSize: 1000 }]));
      expect(() => inflatedWithin(zip, 1024 * 1024)).toThrow(expect.objectContaining({ reason: 'TOO_LARGE', message: expect.stringContaining('inflates past') }));
    });

    it('is refused as unreadable when it holds less or more than it declares within the limit', async () => {
      const zip = await JSZip.loadAsync(lyingZip([workbook, { name: 'xl/worksheets/sheet1.xml', deflated: deflateRawSync(Buffer.alloc(5000, 0x20)), declaredSize: 1000 }]));
      expect(() => inflatedWithin(zip, 1024 * 1024)).toThrow(expect.objectContaining({ reason: 'NOT_XLSX', message: expect.stringContaining('declares 1000 bytes and holds 5000') }));
    });

    it('counts an honest workbook to the byte', async () => {
      const file = await writeTable({ sheetName: 'a', title: 't', columns: [{ header: 'x' }], rows: [['y']] });
      const zip = await JSZip.loadAsync(file);
      let declared = 0;
      zip.forEach((_p, e) => { if (!e.dir) declared += (e as unknown as { _data: { uncompressedSize: number } })._data.uncompressedSize; });
      expect(inflatedWithin(zip, 1024 * 1024)).toBe(declared);
      await expect(readFirstSheet(lyingZip([workbook, { name: 'xl/worksheets/sheet1.xml', deflated: await deflatedRun(80), declaredSize: 1000 }]), 10)).rejects.toBeInstanceOf(SpreadsheetError);
    });
  });
});
