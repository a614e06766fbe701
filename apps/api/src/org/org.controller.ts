import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { conflict, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { councilIdFor } from '@vinhdanh/domain/routing';
import { councilIdsOf, openNominationsRoutedThrough, orgUnitRows, recordSuccession, vietnamToday } from '@vinhdanh/persistence/read-model/org';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { rerouteUpdate } from '@vinhdanh/workflows/nomination/messages';
import { rerouteRevocationUpdate } from '@vinhdanh/workflows/revocation/messages';
import { openCasesDecidedBy } from '@vinhdanh/persistence/read-model/revocations';
import type { Level } from '@vinhdanh/domain/common/levels';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { asDomainError } from '../common/error.filter';
import { Engine } from '../temporal/engine';
import { Operation } from '../contract/operation';
import { UnitsService } from './units.service';
import type { OrgUnits, OrgUnitView, SuccessionResult } from './responses';

class NewUnitDto {
  @ApiProperty({ example: 'xa-quang-son', description: 'Lower-case letters without diacritics, digits, hyphens; the unit id for ever.' }) @IsString() @MaxLength(63) id!: string;
  @ApiPropertyOptional({ example: 'ubnd-tinh', description: 'Absent or empty: a root of the tree.' }) @IsOptional() @IsString() @MaxLength(100) parentId?: string;
  @ApiProperty({ example: 'COMMUNE', description: 'What the unit is (PROVINCE_PC, DEPARTMENT, COMMUNE, SCHOOL, ENTERPRISE, …).' }) @IsString() @MinLength(2) @MaxLength(40) kind!: string;
  @ApiProperty({ enum: ['UNIT', 'PROVINCE', 'CENTRAL'] }) @IsIn(['UNIT', 'PROVINCE', 'CENTRAL']) level!: 'UNIT' | 'PROVINCE' | 'CENTRAL';
  @ApiProperty({ example: 'Ủy ban nhân dân xã Quảng Sơn' }) @IsString() @MinLength(2) @MaxLength(300) nameVi!: string;
  @ApiProperty({ example: 'Quang Son Commune People’s Committee' }) @IsString() @MinLength(2) @MaxLength(300) nameEn!: string;
  @ApiProperty({ example: 'UBND', description: 'The code after QĐ- in its decision numbers.' }) @IsString() @MinLength(1) @MaxLength(40) issuerCode!: string;
  @ApiPropertyOptional({ example: '2025-07-01' }) @IsOptional() @IsISO8601({ strict: true }) validFrom?: string;
}

class RenameUnitDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(300) nameVi?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(300) nameEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(40) issuerCode?: string;
  @ApiProperty({ example: 'Quyết định đổi tên số 15/QĐ-UBND' }) @IsString() @MinLength(5) @MaxLength(1000) reason!: string;
}

class SuccessionDto {
  @ApiProperty({ example: 'ubnd-tinh' }) @IsString() @MaxLength(100) successorId!: string;
  @ApiProperty({ example: '2025-06-30', description: 'The last day the unit existed.' }) @IsISO8601({ strict: true }) lastDay!: string;
  @ApiProperty({ example: 'Nghị quyết của Quốc hội ngày 12/06/2025 về sắp xếp đơn vị hành chính cấp tỉnh' }) @IsString() @MinLength(5) @MaxLength(1000) reasonVi!: string;
  @ApiProperty({ example: 'National Assembly resolution of 12/06/2025 reorganising the provinces' }) @IsString() @MinLength(5) @MaxLength(1000) reasonEn!: string;
}

/**
 * The organisation and its reorganisations. When a unit ceases (a merger, the end of the districts)
 * an administrator records its successor; every open nomination whose remaining route names the
 * unit is re-routed to the successor by its workflow, with an audit entry saying why. Decisions the
 * unit signed keep its name.
 */
@ApiTags('org')
@Controller('org')
export class OrgController {
  constructor(private readonly ds: DataSource, private readonly engine: Engine, private readonly unitsAdmin: UnitsService, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('units')
  @Operation({
    summary: { vi: 'Các đơn vị', en: 'Units' },
    description: { vi: 'Mọi đơn vị, cấp, đơn vị cấp trên; đơn vị đã chấm dứt kèm đơn vị kế thừa và lý do.', en: 'Every unit, its level and parent; ceased ones with their successor and why.' },
    ok: { body: 'OrgUnits' },
  })
  async units(): Promise<OrgUnits> {
    return { items: await orgUnitRows(this.ds.manager) };
  }

  @Post('units')
  @Operation({
    summary: { vi: 'Thêm đơn vị', en: 'Add a unit' },
    description: {
      vi: 'Quản trị thêm một đơn vị vào cây tổ chức: cấp, loại, tên, ký hiệu cơ quan ban hành, ngày bắt đầu. Đơn vị không bị xóa; khi chấm dứt thì ghi nhận sắp xếp tổ chức. Ghi nhật ký.',
      en: 'An administrator adds a unit to the tree: level, kind, names, issuer code, first day. Units are never deleted; one that ends is recorded by a reorganisation. Audited.',
    },
    ok: { status: 201, body: 'OrgUnitView' },
    errors: [400, 403, 409],
  })
  createUnit(@CurrentActor() actor: AuthenticatedActor, @Body() dto: NewUnitDto): Promise<OrgUnitView> {
    return this.unitsAdmin.create(actor, { id: dto.id, parentId: dto.parentId?.trim() || null, kind: dto.kind, level: dto.level, nameVi: dto.nameVi.trim(), nameEn: dto.nameEn.trim(), issuerCode: dto.issuerCode.trim(), validFrom: dto.validFrom ?? null });
  }

  @Patch('units/:id')
  @Operation({
    summary: { vi: 'Đổi tên đơn vị', en: 'Rename a unit' },
    description: {
      vi: 'Đổi tên hoặc ký hiệu cơ quan ban hành, kèm lý do; quyết định đã ký giữ tên và số như lúc ký. Ghi nhật ký trước và sau.',
      en: 'Changes the names or the issuer code, with a reason; decisions already signed keep the name and number they bear. The before and after are audited.',
    },
    ok: { body: 'OrgUnitView' },
    errors: [400, 403, 404, 409],
  })
  renameUnit(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string, @Body() dto: RenameUnitDto): Promise<OrgUnitView> {
    return this.unitsAdmin.rename(actor, id, dto);
  }

  @Post('units/:id/succession')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Ghi nhận sắp xếp tổ chức', en: 'Record a reorganisation' },
    description: {
      vi: 'Quản trị ghi nhận đơn vị chấm dứt và đơn vị kế thừa; mọi hồ sơ đang đi qua đơn vị đó, và mọi vụ việc thu hồi đơn vị đó phải quyết định, được chuyển cho đơn vị kế thừa, có ghi nhật ký. Gửi lại cùng lệnh chuyển nốt phần còn lại.',
      en: 'An administrator records that a unit ceased and its successor; every open nomination routed through it, and every open revocation case it had to decide, passes to the successor, audited. The same order again moves what was left.',
    },
    ok: { body: 'SuccessionResult' },
    errors: [403, 404, 409],
  })
  async succession(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string, @Body() dto: SuccessionDto): Promise<SuccessionResult> {
    if (!actor.roles.includes('ADMIN')) throw forbidden('ROLE_REQUIRED', 'Chỉ quản trị hệ thống mới ghi nhận sắp xếp tổ chức.', 'Only an administrator records a reorganisation.');
    const units = new Map((await orgUnitRows(this.ds.manager)).map((u) => [u.id, u]));
    const unit = units.get(id);
    const successor = units.get(dto.successorId);
    if (!unit) throw notFound('UNIT_NOT_FOUND', 'Không có đơn vị này.', 'No such unit.');
    if (!successor) throw invalid('UNKNOWN_SUCCESSOR', 'Không có đơn vị kế thừa này.', 'No such successor unit.', 'successorId');
    if (successor.id === unit.id) throw invalid('SELF_SUCCESSION', 'Đơn vị không thể kế thừa chính nó.', 'A unit cannot succeed itself.', 'successorId');
    if (successor.kind !== unit.kind || successor.level !== unit.level) {
      throw invalid('SUCCESSOR_MISMATCH', `Đơn vị kế thừa phải cùng loại và cấp (${unit.kind}, ${unit.level}).`, `The successor must be of the same kind and level (${unit.kind}, ${unit.level}).`, 'successorId');
    }
    if (successor.validTo) throw invalid('SUCCESSOR_CEASED', 'Đơn vị kế thừa đã chấm dứt hoạt động.', 'The successor has itself ceased.', 'successorId');
    // Repeating the same order re-routes whatever was left (a workflow that could not be reached).
    const repeat = unit.validTo !== null && unit.successorId === successor.id;
    if (unit.validTo && !repeat) throw conflict('ALREADY_CEASED', `Đơn vị đã chấm dứt hoạt động từ ${unit.validTo}.`, `The unit already ceased on ${unit.validTo}.`);
    const { today } = await vietnamToday(this.ds.manager);
    if (dto.lastDay >= today) throw invalid('SUCCESSION_NOT_YET', 'Chỉ ghi nhận khi đơn vị đã chấm dứt (ngày cuối phải trước hôm nay).', 'Record it once the unit has ceased (the last day must be before today).', 'lastDay');
    const reason = `${dto.reasonVi} / ${dto.reasonEn}`;
    if (!repeat) await this.ds.transaction((tx) => recordSuccession(tx, { unitId: id, successorId: successor.id, lastDay: dto.lastDay, reason, actorId: actor.userId }));

    // The ceased body's council passes to the successor's, where there is one.
    const councils: Record<string, string> = {};
    for (const councilId of await councilIdsOf(this.ds.manager, id)) {
      const next = councilIdFor(successor.level as Level, successor.id);
      if ((await councilIdsOf(this.ds.manager, successor.id)).includes(next)) councils[councilId] = next;
    }
    const results: SuccessionResult['rerouted'] = [];
    for (const n of await openNominationsRoutedThrough(this.ds.manager, [id])) {
      try {
        const args = { actor: { userId: actor.userId, fullName: actor.fullName, unitId: actor.unitId, roles: actor.roles }, units: { [id]: successor.id }, councils, reasonVi: dto.reasonVi, reasonEn: dto.reasonEn };
        const { changed } = await this.engine.update(n.workflowId, rerouteUpdate, args);
        results.push({ nominationId: n.id, ok: true, changed });
      } catch (err) {
        const error = asDomainError(err);
        if (!error) throw err;
        results.push({ nominationId: n.id, ok: false, error });
      }
    }
    // Open revocation cases the ceased unit had to decide pass to its successor too.
    const cases: SuccessionResult['reroutedCases'] = [];
    for (const c of await openCasesDecidedBy(this.ds.manager, id)) {
      try {
        const args = { actor: { userId: actor.userId, fullName: actor.fullName, unitId: actor.unitId, roles: actor.roles }, successorUnitId: successor.id, reasonVi: dto.reasonVi, reasonEn: dto.reasonEn };
        await this.engine.update(c.workflowId, rerouteRevocationUpdate, args);
        cases.push({ caseId: c.id, ok: true });
      } catch (err) {
        const error = asDomainError(err);
        if (!error) throw err;
        cases.push({ caseId: c.id, ok: false, error });
      }
    }
    return { unitId: id, successorId: successor.id, lastDay: dto.lastDay, rerouted: results, reroutedCases: cases };
  }
}
