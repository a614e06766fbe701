import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, type StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { XLSX_MIME } from '@vinhdanh/platform/spreadsheets/xlsx';
import { xlsx } from '../common/xlsx-download';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { uuidParam } from '../common/validation';
import { Operation } from '../contract/operation';
import { ImportRowsQueryDto, ImportUploadDto, TemplateQueryDto } from './dto';
import { ImportsService, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './imports.service';
import type { ImportList, ImportView } from './responses';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('template.xlsx')
  @Operation({
    summary: { vi: 'Tệp mẫu danh sách', en: 'The list template' },
    description: { vi: 'Tệp Excel mẫu với các cột theo thứ tự; `kind=COLLECTIVE` cho danh sách tập thể.', en: 'The Excel template with its columns in order; `kind=COLLECTIVE` for a list of collectives.' },
    ok: { file: [XLSX_MIME] },
    errors: [403],
  })
  async template(@CurrentActor() actor: AuthenticatedActor, @Query() q: TemplateQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const kind = q.kind ?? 'INDIVIDUAL';
    return xlsx(res, await this.imports.template(actor, kind), kind === 'COLLECTIVE' ? 'mau-danh-sach-tap-the.xlsx' : 'mau-danh-sach-ca-nhan.xlsx');
  }

  @Post()
  @Operation({
    summary: { vi: 'Tải lên danh sách đề nghị (Excel)', en: 'Upload a list of nominees (Excel)' },
    description: {
      vi: `Văn thư tải lên tệp .xlsx (tối đa ${MAX_IMPORT_ROWS} dòng) với hình thức, năm và tóm tắt thành tích chung. Mỗi dòng được kiểm tra như khi nộp riêng và giữ ở dạng xem trước; chưa hồ sơ nào được gửi. Số định danh không được lưu (chỉ lưu mã băm và 4 số cuối). Tải lại đúng tệp đó với cùng thông tin trả 200 và danh sách đã có.`,
      en: `A clerk uploads an .xlsx file (${MAX_IMPORT_ROWS} rows at most) with the award, year and shared summary of achievements. Each row is checked as a dossier sent alone would be and kept as a preview; nothing is sent yet. Personal identification numbers are not kept (only their keyed hash and last four digits). The same file with the same settings uploaded again answers 200 with the list already there.`,
    },
    ok: { status: 201, body: 'ImportView' },
    also: [{ status: 200, body: 'ImportView', description: { vi: 'Tệp này đã được tải lên với cùng thông tin', en: 'This file was already uploaded with the same settings' } }],
    errors: [403, 413],
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'awardCode', 'year', 'achievements'],
      properties: {
        file: { type: 'string', format: 'binary' },
        awardCode: { type: 'string', example: 'GK_DONVI' },
        year: { type: 'integer', example: 2025 },
        achievements: { type: 'string' },
        nomineeKind: { type: 'string', enum: ['INDIVIDUAL', 'COLLECTIVE'] },
        from: { type: 'string', format: 'date' },
        to: { type: 'string', format: 'date' },
        documents: { type: 'string', description: 'JSON array of document references (POST /documents)' },
        movementId: { type: 'string' },
      },
    },
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES + 1, files: 1 } }))
  async upload(@CurrentActor() actor: AuthenticatedActor, @Body() dto: ImportUploadDto, @Res({ passthrough: true }) res: Response, @UploadedFile() file?: { originalname: string; size: number; buffer: Buffer }): Promise<ImportView> {
    const { view, created } = await this.imports.upload(actor, file, dto);
    res.status(created ? 201 : 200).location(`/imports/${view.id}`);
    return view;
  }

  @Get()
  @Operation({
    summary: { vi: 'Các danh sách đã tải lên', en: 'Uploaded lists' },
    description: { vi: 'Danh sách của đơn vị đã tải lên, mới nhất trước (50), với số dòng theo trạng thái.', en: 'The unit’s uploaded lists, newest first (50), with their rows counted by state.' },
    ok: { body: 'ImportList' },
    errors: [403],
  })
  list(@CurrentActor() actor: AuthenticatedActor): Promise<ImportList> {
    return this.imports.list(actor);
  }

  @Get(':id')
  @Operation({
    summary: { vi: 'Xem danh sách đã tải lên', en: 'Read an uploaded list' },
    description: { vi: 'Tiến độ gửi và từng dòng với lỗi hoặc hồ sơ đã tạo; lọc theo trạng thái dòng, phân trang (100 mặc định, tối đa 500).', en: 'Sending progress and each row with its problems or the nomination it became; filter by row state, page (100 by default, 500 at most).' },
    ok: { body: 'ImportView' },
    errors: [403, 404],
  })
  view(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Query() q: ImportRowsQueryDto): Promise<ImportView> {
    return this.imports.view(actor, id, q);
  }

  @Post(':id/start')
  @HttpCode(202)
  @Operation({
    summary: { vi: 'Gửi các dòng hợp lệ', en: 'Send the ready rows' },
    description: {
      vi: 'Mỗi dòng hợp lệ thành một hồ sơ (một quy trình), gửi dần trong nền; theo dõi bằng GET /imports/{id}. Gọi lại khi đang gửi hoặc đã xong không gửi thêm gì.',
      en: 'Each ready row becomes a nomination (its own workflow), sent in the background; follow with GET /imports/{id}. Calling again while sending or once done sends nothing more.',
    },
    ok: { status: 202, body: 'ImportView' },
    errors: [403, 404, 409],
  })
  start(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<ImportView> {
    return this.imports.start(actor, id);
  }
}
