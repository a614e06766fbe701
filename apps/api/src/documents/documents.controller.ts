import { createHash } from 'node:crypto';
import { Controller, Get, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { CurrentActor, type AuthenticatedActor } from '../auth/public.decorator';
import { shiftPlaceholders, visibleNominationsSql } from '../nominations/visibility';

/** Dossier files are evidence, not media: 20 MB covers a scanned report; larger belongs in the unit's archive. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const ALLOWED_TYPES = new Set([
  'application/pdf', 'image/png', 'image/jpeg', 'text/plain',
  'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
]);

interface UploadedPart { originalname: string; mimetype: string; size: number; buffer: Buffer }

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(private readonly ds: DataSource) {}

  /**
   * Stores a dossier file and answers with the reference a nomination carries (name, SHA-256, size,
   * type). Content-addressed: uploading the same bytes again stores nothing new.
   */
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } }))
  async upload(@CurrentActor() actor: AuthenticatedActor, @UploadedFile() file?: UploadedPart) {
    if (!actor.roles.includes('CLERK')) throw forbidden('ROLE_REQUIRED', 'Chỉ văn thư mới được tải tài liệu hồ sơ lên.', 'Only a clerk may upload dossier documents.');
    if (!file) throw invalid('FILE_REQUIRED', 'Chưa chọn tệp (trường "file").', 'No file was sent (field "file").', 'file');
    if (file.size === 0) throw invalid('FILE_EMPTY', 'Tệp rỗng.', 'The file is empty.', 'file');
    if (!ALLOWED_TYPES.has(file.mimetype)) {
      throw invalid('FILE_TYPE', `Loại tệp không được nhận: ${file.mimetype}. Nhận PDF, ảnh, Word, Excel, văn bản.`, `File type not accepted: ${file.mimetype}. PDF, images, Word, Excel and text are.`, 'file');
    }
    // Browsers send multipart filenames as UTF-8 bytes that multer reads as latin1; Vietnamese names need the round trip.
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8').normalize('NFC').slice(0, 255);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    await this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO document (sha256, content, size_bytes, mime_type, uploaded_by) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (sha256) DO NOTHING`,
        [sha256, file.buffer, file.size, file.mimetype, actor.userId],
      );
      await m.query(`INSERT INTO document_upload (sha256, user_id, name) VALUES ($1,$2,$3) ON CONFLICT (sha256, user_id) DO UPDATE SET name = EXCLUDED.name`, [sha256, actor.userId, name]);
    });
    return { name, sha256, sizeBytes: file.size, mimeType: file.mimetype };
  }

  /** The file, to whoever uploaded it or may read a nomination whose dossier or supplements name it. */
  @Get(':sha256')
  async download(@CurrentActor() actor: AuthenticatedActor, @Param('sha256') sha256: string, @Res({ passthrough: true }) res: Response) {
    if (!/^[a-f0-9]{64}$/.test(sha256)) throw invalid('BAD_SHA256', 'Mã SHA-256 không hợp lệ.', 'Invalid SHA-256.', 'sha256');
    const visible = visibleNominationsSql(actor);
    const [doc] = await this.ds.query(
      `SELECT d.content, d.mime_type AS "mimeType",
              EXISTS (SELECT 1 FROM document_upload WHERE sha256 = d.sha256 AND user_id = $2) AS "uploader",
              EXISTS (SELECT 1 FROM nomination n WHERE (${shiftPlaceholders(visible.sql, 2)})
                        AND (n.dossier->'documents' @> jsonb_build_array(jsonb_build_object('sha256', d.sha256))
                             OR EXISTS (SELECT 1 FROM nomination_event e WHERE e.nomination_id = n.id AND e.type = 'SupplementProvided'
                                          AND e.data->'documents' @> jsonb_build_array(jsonb_build_object('sha256', d.sha256))))) AS "inVisibleDossier"
         FROM document d WHERE d.sha256 = $1`,
      [sha256, actor.userId, ...visible.params],
    );
    if (!doc) throw notFound('DOCUMENT_NOT_FOUND', 'Tài liệu chưa được lưu trên hệ thống.', 'The document is not stored here.');
    if (!doc.uploader && !doc.inVisibleDossier) throw forbidden('DOCUMENT_FORBIDDEN', 'Bạn không có quyền xem tài liệu này.', 'You may not read this document.');
    res.setHeader('content-type', doc.mimeType);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-disposition', 'attachment');
    return new StreamableFile(doc.content as Buffer);
  }
}
