import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { deleteDraft, findDraft, insertDraft, unitDrafts, updateDraft, type Draft } from '@vinhdanh/persistence/read-model/drafts';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { uuidParam } from '../common/validation';
import { Operation } from '../contract/operation';
import type { DraftList, DraftView } from './responses';

class DraftDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The form as the clerk left it. A personal identification number in it is not kept: it is entered when the dossier is sent.' })
  @IsObject() body!: Record<string, unknown>;
  @ApiPropertyOptional({ example: 'GK_DONVI' }) @IsOptional() @IsString() @MaxLength(40) awardCode?: string;
}

/** How large a draft may be: a form, not a file (files are uploaded on their own). */
const MAX_DRAFT_BYTES = 64 * 1024;
/** Twelve digits anywhere: what a personal identification number looks like, in any field. */
const PERSONAL_ID = /(^|\D)\d{12}(?!\d)/;

/**
 * Dossiers being prepared (hồ sơ nháp): kept by the unit, so a clerk can leave the form and come
 * back, from another machine or after a colleague. Only the unit's clerks see and change them.
 * A draft never holds a personal identification number: the field is dropped, and a number typed
 * elsewhere in the form is refused, because drafts are kept as written and the number is kept
 * nowhere in clear (docs/security.md).
 */
@ApiTags('drafts')
@Controller('drafts')
export class DraftsController {
  constructor(private readonly ds: DataSource) {}

  @Get()
  @Operation({
    summary: { vi: 'Hồ sơ nháp của đơn vị', en: 'The unit’s draft dossiers' },
    description: { vi: 'Các hồ sơ đang soạn của đơn vị, mới sửa trước.', en: 'The dossiers the unit is preparing, most recently changed first.' },
    ok: { body: 'DraftList' },
    errors: [403],
  })
  async list(@CurrentActor() actor: AuthenticatedActor): Promise<DraftList> {
    requireClerk(actor);
    return { items: await unitDrafts(this.ds.manager, actor.unitId) };
  }

  @Post()
  @Operation({
    summary: { vi: 'Lưu hồ sơ nháp', en: 'Save a draft' },
    description: { vi: 'Lưu biểu mẫu đang soạn (không lưu số định danh cá nhân).', en: 'Saves the form being prepared (without the personal identification number).' },
    ok: { status: 201, body: 'DraftView' },
    errors: [403],
  })
  async create(@CurrentActor() actor: AuthenticatedActor, @Body() dto: DraftDto): Promise<DraftView> {
    requireClerk(actor);
    const body = cleanBody(dto.body);
    return view(await insertDraft(this.ds.manager, { unitId: actor.unitId, title: titleOf(body), awardCode: dto.awardCode ?? null, body, by: actor.userId }));
  }

  @Get(':id')
  @Operation({
    summary: { vi: 'Mở một hồ sơ nháp', en: 'Open a draft' },
    description: { vi: 'Biểu mẫu đã lưu, để soạn tiếp.', en: 'The saved form, to go on with it.' },
    ok: { body: 'DraftView' },
    errors: [403, 404],
  })
  async get(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<DraftView> {
    return view(await this.own(actor, id));
  }

  @Put(':id')
  @Operation({
    summary: { vi: 'Lưu tiếp hồ sơ nháp', en: 'Update a draft' },
    description: { vi: 'Thay biểu mẫu đã lưu bằng biểu mẫu mới.', en: 'Replaces the saved form.' },
    ok: { body: 'DraftView' },
    errors: [403, 404],
  })
  async update(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: DraftDto): Promise<DraftView> {
    await this.own(actor, id);
    const body = cleanBody(dto.body);
    const row = await updateDraft(this.ds.manager, id, { title: titleOf(body), awardCode: dto.awardCode ?? null, body, by: actor.userId });
    if (!row) throw DRAFT_NOT_FOUND();
    return view(row);
  }

  @Post(':id/discard')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Bỏ hồ sơ nháp', en: 'Discard a draft' },
    description: { vi: 'Xóa hồ sơ nháp (khi đã nộp, hoặc không dùng nữa).', en: 'Deletes the draft (once sent, or no longer wanted).' },
    ok: { body: 'DraftList' },
    errors: [403, 404],
  })
  async discard(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<DraftList> {
    await this.own(actor, id);
    await deleteDraft(this.ds.manager, id);
    return { items: await unitDrafts(this.ds.manager, actor.unitId) };
  }

  /** Another unit's draft reads exactly like one that does not exist. */
  private async own(actor: AuthenticatedActor, id: string): Promise<Draft> {
    requireClerk(actor);
    const row = await findDraft(this.ds.manager, id);
    if (!row || row.unitId !== actor.unitId) throw DRAFT_NOT_FOUND();
    return row;
  }
}

const DRAFT_NOT_FOUND = () => notFound('DRAFT_NOT_FOUND', 'Không tìm thấy hồ sơ nháp.', 'Draft not found.');

function requireClerk(actor: AuthenticatedActor): void {
  if (!actor.roles.includes('CLERK')) throw forbidden('CLERK_REQUIRED', 'Chỉ văn thư của đơn vị mới soạn hồ sơ.', 'Only a clerk of the unit prepares dossiers.');
}

/** The form without its personal identification number; refused if one is typed elsewhere, or if it is too large. */
function cleanBody(body: Record<string, unknown>): Record<string, unknown> {
  const { personalId: _dropped, ...rest } = body;
  const text = JSON.stringify(rest);
  if (Buffer.byteLength(text) > MAX_DRAFT_BYTES) throw invalid('DRAFT_TOO_LARGE', 'Hồ sơ nháp quá lớn (tối đa 64 KiB); tài liệu được tải lên riêng.', 'The draft is too large (64 KiB at most); files are uploaded on their own.', 'body');
  // What people typed is searched for a number; a file's SHA-256 is not typed, and its hex holds runs of
  // twelve digits often enough (about one draft in thirteen with three files) to refuse honest drafts.
  const { documents, ...typed } = rest;
  const names = Array.isArray(documents) ? documents.map((d) => (d && typeof d === 'object' ? (d as { name?: unknown }).name : d)) : documents;
  if (PERSONAL_ID.test(JSON.stringify({ ...typed, names }))) {
    throw invalid('PERSONAL_ID_IN_DRAFT', 'Hồ sơ nháp không lưu số định danh cá nhân; hãy nhập số này khi nộp hồ sơ.', 'A draft does not keep personal identification numbers; enter the number when sending the dossier.', 'body');
  }
  return rest;
}

function titleOf(body: Record<string, unknown>): string {
  const name = typeof body.name === 'string' ? body.name.normalize('NFC').trim().slice(0, 200) : '';
  return name || '(chưa có tên)';
}

function view(d: Draft): DraftView {
  return { id: d.id, title: d.title, awardCode: d.awardCode, createdBy: d.createdBy, updatedBy: d.updatedBy, updatedAt: d.updatedAt, body: d.body };
}
