import { createHash } from 'node:crypto';
import { Controller, Get, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { forbidden, invalid } from '@vinhdanh/domain/common/errors';
import { storeUpload, unitUpload } from '@vinhdanh/persistence/read-model/documents';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { Operation } from '../contract/operation';
import type { DocumentRef } from '@vinhdanh/domain/ladder/nomination';
import { DOCUMENT_NOT_FOUND, DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, sendFile } from './files';


const ALLOWED_TYPES = new Set(DOCUMENT_TYPES);

interface UploadedPart { originalname: string; mimetype: string; size: number; buffer: Buffer }

@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly ds: DataSource) {}

  @Post()
  @Operation({
    summary: { vi: 'Tải tệp lên', en: 'Upload a file' },
    description: {
      vi: 'Lưu một tệp (tối đa 20 MiB; PDF, ảnh, Word, Excel, văn bản) và trả tham chiếu để đưa vào hồ sơ. Cùng nội dung tải lại không lưu thêm.',
      en: 'Stores a file (20 MiB at most; PDF, images, Word, Excel, text) and answers the reference a dossier carries. The same bytes uploaded again store nothing new.',
    },
    ok: { status: 201, body: 'DocumentRef' },
    errors: [403, 413],
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  // busboy stops a file when it *reaches* fileSize: one byte of headroom makes exactly 20 MiB fit.
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: 1 } }))
  async upload(@CurrentActor() actor: AuthenticatedActor, @UploadedFile() file?: UploadedPart): Promise<DocumentRef> {
    // Clerks upload dossiers; inspectors upload the evidence of a revocation case.
    if (!actor.roles.includes('CLERK') && !actor.roles.includes('INSPECTOR')) throw forbidden('ROLE_REQUIRED', 'Chỉ văn thư (hồ sơ) hoặc thanh tra (chứng cứ) mới được tải tài liệu lên.', 'Only a clerk (dossiers) or an inspector (evidence) may upload documents.');
    if (!file) throw invalid('FILE_REQUIRED', 'Chưa chọn tệp (trường "file").', 'No file was sent (field "file").', 'file');
    if (file.size === 0) throw invalid('FILE_EMPTY', 'Tệp rỗng.', 'The file is empty.', 'file');
    if (!ALLOWED_TYPES.has(file.mimetype)) {
      throw invalid('FILE_TYPE', `Loại tệp không được nhận: ${file.mimetype}. Nhận PDF, ảnh, Word, Excel, văn bản.`, `File type not accepted: ${file.mimetype}. PDF, images, Word, Excel and text are.`, 'file');
    }
    // Browsers send multipart filenames as UTF-8 bytes that multer reads as latin1; Vietnamese names need the round trip.
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8').normalize('NFC').slice(0, 255);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    await this.ds.transaction((tx) => storeUpload(tx, { sha256, content: file.buffer, sizeBytes: file.size, mimeType: file.mimetype, userId: actor.userId, unitId: actor.unitId, name }));
    return { name, sha256, sizeBytes: file.size, mimeType: file.mimetype };
  }

  @Get(':sha256')
  @Operation({
    summary: { vi: 'Tải về tệp của đơn vị', en: 'Download a file of one’s unit' },
    description: { vi: 'Tệp do đơn vị mình tải lên (chưa nằm trong hồ sơ). Tệp của hồ sơ: `GET /nominations/{id}/documents/{sha256}`.', en: 'A file one’s own unit uploaded (not yet in a dossier). Dossier files: `GET /nominations/{id}/documents/{sha256}`.' },
    ok: { file: DOCUMENT_TYPES },
    errors: [404],
  })
  async download(@CurrentActor() actor: AuthenticatedActor, @Param('sha256') sha256: string, @Res({ passthrough: true }) res: Response) {
    if (!/^[a-f0-9]{64}$/.test(sha256)) throw invalid('BAD_SHA256', 'Mã SHA-256 không hợp lệ.', 'Invalid SHA-256.', 'sha256');
    const doc = await unitUpload(this.ds.manager, actor.unitId, sha256);
    if (!doc) throw DOCUMENT_NOT_FOUND();
    return sendFile(res, doc.content, doc.mimeType, `${sha256.slice(0, 12)}`);
  }
}
