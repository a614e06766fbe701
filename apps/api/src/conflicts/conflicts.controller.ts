import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { uuidParam } from '../common/validation';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { DomainError, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { checkPersonalId } from '@vinhdanh/domain/common/personal-id';
import { declareConflict, findConflictEntry, registerOf, userUnit, withdrawConflict } from '@vinhdanh/persistence/read-model/conflicts';
import { unitsWithin } from '@vinhdanh/persistence/read-model/org';
import { APP_CONFIG, personalIdHash, type AppConfig } from '@vinhdanh/platform';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { Operation } from '../contract/operation';
import type { ConflictEntry } from '@vinhdanh/persistence/read-model/conflicts';
import type { ConflictRegister } from './responses';

export const RELATIONS = ['SPOUSE', 'PARENT', 'CHILD', 'SIBLING', 'PARENT_IN_LAW', 'CHILD_IN_LAW', 'OTHER'] as const;

class DeclareConflictDto {
  @ApiProperty({ enum: ['RELATIVE', 'NOMINATION'] }) @IsIn(['RELATIVE', 'NOMINATION']) kind!: 'RELATIVE' | 'NOMINATION';
  @ApiPropertyOptional({ enum: RELATIONS, description: 'RELATIVE: how the relative is related' }) @IsOptional() @IsIn(RELATIONS) relation?: string;
  @ApiPropertyOptional({ description: 'RELATIVE: the relative’s personal identification number (hashed on arrival)' }) @IsOptional() @IsString() @MaxLength(20) relativePersonalId?: string;
  @ApiPropertyOptional({ description: 'NOMINATION: the nomination the conflict is on' }) @IsOptional() @IsUUID() nominationId?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) reason!: string;
  @ApiPropertyOptional({ description: 'The person concerned; only their unit head may declare for someone else' }) @IsOptional() @IsString() @MaxLength(100) userId?: string;
}

/**
 * Each unit's conflict-of-interest register. A person declares their own relatives and conflicts;
 * the head of their unit may record them too. Nobody else can put a name in it, so no clerk can
 * bar a member from a vote. Every entry and withdrawal is on the unit's audit stream.
 */
@ApiTags('conflicts')
@Controller('conflicts')
export class ConflictsController {
  constructor(private readonly ds: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Operation({
    summary: { vi: 'Sổ theo dõi xung đột lợi ích', en: 'The conflict-of-interest register' },
    description: { vi: 'Mục của chính mình; thủ trưởng: sổ của đơn vị; thanh tra: các sổ trong phạm vi.', en: 'One’s own entries; a unit head: the unit’s register; an auditor: the registers in scope.' },
    ok: { body: 'ConflictRegister' },
  })
  async list(@CurrentActor() actor: AuthenticatedActor): Promise<ConflictRegister> {
    if (actor.roles.includes('AUDITOR') || actor.roles.includes('ADMIN')) {
      return { items: await registerOf(this.ds.manager, { unitIds: await unitsWithin(this.ds.manager, actor.scopeUnitId) }) };
    }
    if (actor.roles.includes('UNIT_HEAD')) return { items: await registerOf(this.ds.manager, { unitIds: [actor.unitId] }) };
    return { items: await registerOf(this.ds.manager, { userId: actor.userId }) };
  }

  @Post()
  @Operation({
    summary: { vi: 'Khai báo xung đột lợi ích', en: 'Declare a conflict of interest' },
    description: {
      vi: 'Người thân (theo số định danh cá nhân, chỉ lưu mã băm) hoặc một hồ sơ cụ thể. Người đó hoặc thủ trưởng đơn vị của họ khai báo; có ghi nhật ký kiểm toán.',
      en: 'A relative (by personal identification number, kept only as a keyed hash) or one nomination. The person or the head of their unit declares it; it is audited.',
    },
    ok: { status: 201, body: 'ConflictEntry' },
    errors: [403, 404],
  })
  async declare(@CurrentActor() actor: AuthenticatedActor, @Body() dto: DeclareConflictDto): Promise<ConflictEntry> {
    const userId = dto.userId ?? actor.userId;
    const unitId = await userUnit(this.ds.manager, userId);
    if (userId !== actor.userId && !(actor.roles.includes('UNIT_HEAD') && unitId === actor.unitId)) {
      throw forbidden('OWN_OR_UNIT_HEAD', 'Chỉ người có xung đột hoặc thủ trưởng đơn vị của họ mới được khai báo.', 'Only the person concerned or the head of their unit may declare it.');
    }
    if (!unitId) throw notFound('USER_NOT_FOUND', 'Không tìm thấy tài khoản.', 'Account not found.');
    if (dto.kind === 'RELATIVE') {
      if (!dto.relation || !dto.relativePersonalId) throw invalid('RELATIVE_REQUIRED', 'Cần quan hệ và số định danh cá nhân của người thân.', 'The relation and the relative’s personal identification number are required.', 'relativePersonalId');
      const checked = checkPersonalId(dto.relativePersonalId);
      if (checked instanceof DomainError) throw new DomainError({ ...checked.toBody(), field: 'relativePersonalId' });
      return this.ds.transaction((tx) => declareConflict(tx, { unitId, userId, kind: 'RELATIVE', relation: dto.relation, relativePersonalIdHash: personalIdHash(checked.digits, this.config.identityKey), reason: dto.reason, declaredBy: actor.userId }));
    }
    if (!dto.nominationId) throw invalid('NOMINATION_REQUIRED', 'Cần mã hồ sơ.', 'The nomination is required.', 'nominationId');
    return this.ds.transaction((tx) => declareConflict(tx, { unitId, userId, kind: 'NOMINATION', nominationId: dto.nominationId, reason: dto.reason, declaredBy: actor.userId }));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Rút một mục khai báo', en: 'Withdraw a register entry' },
    description: { vi: 'Mục vẫn được giữ lại với thời điểm rút.', en: 'The entry is kept, with the time it was withdrawn.' },
    ok: { body: 'ConflictEntry' },
    errors: [404],
  })
  async withdraw(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<ConflictEntry> {
    const entry = await findConflictEntry(this.ds.manager, id);
    const allowed = entry && (entry.userId === actor.userId || (actor.roles.includes('UNIT_HEAD') && entry.unitId === actor.unitId));
    if (!entry || !allowed) throw notFound('CONFLICT_NOT_FOUND', 'Không tìm thấy mục khai báo.', 'Register entry not found.');
    const done = await this.ds.transaction((tx) => withdrawConflict(tx, id, actor.userId));
    return done ?? entry;
  }
}
