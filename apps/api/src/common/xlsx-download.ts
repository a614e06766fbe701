import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { XLSX_MIME } from '@vinhdanh/platform/spreadsheets/xlsx';

/** A workbook the API made (a template, a report) as a download: never cached, never shown inline. */
export function xlsx(res: Response, content: Buffer, name: string): StreamableFile {
  res.setHeader('content-type', XLSX_MIME);
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  return new StreamableFile(content);
}
