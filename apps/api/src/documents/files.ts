import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { notFound } from '@vinhdanh/domain/common/errors';

/** What every feature that serves dossier files shares: their limits, their types, their download. */

/** Dossier files are evidence, not media: 20 MiB covers a scanned report; larger belongs in the unit's archive. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** The types a dossier file may have: what a download answers is one of these. */
export const DOCUMENT_TYPES = [
  'application/pdf', 'image/png', 'image/jpeg', 'text/plain',
  'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
];

export const DOCUMENT_NOT_FOUND = () => notFound('DOCUMENT_NOT_FOUND', 'Không tìm thấy tài liệu.', 'Document not found.');

/** Sends a stored file as a download: its own type, never sniffed, never cached, never shown inline. */
export function sendFile(res: Response, content: Buffer, mimeType: string, name: string): StreamableFile {
  res.setHeader('content-type', mimeType);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  return new StreamableFile(content);
}
