import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';
import { catalogueVersions, isAwardCode } from '@vinhdanh/domain/catalogue';
import { seedMovements } from '@vinhdanh/domain/movement';
import { invalid } from '@vinhdanh/domain/common/errors';
import { RECIPIENT_KINDS } from '@vinhdanh/domain/common/levels';
import { evaluateEligibility, type EligibilityPolicy } from '@vinhdanh/domain/eligibility';
import { loadNomineeRecord } from '@vinhdanh/persistence';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { CurrentActor, Public, type AuthenticatedActor } from '../common/actor';
import { PeriodDto } from '../nominations/dto';
import { resolveNominee } from '../nominees/nominee-identity';
import { nomineeUnit } from '@vinhdanh/persistence/read-model/identity';
import { Operation } from '../contract/operation';
import type { CatalogueVersion } from '@vinhdanh/domain/catalogue';
import type { EmulationMovement } from '@vinhdanh/domain/movement';
import type { EligibilityResult } from '@vinhdanh/domain/eligibility';

class HypotheticalNomineeDto {
  @ApiProperty({ enum: RECIPIENT_KINDS }) @IsIn(RECIPIENT_KINDS) kind!: (typeof RECIPIENT_KINDS)[number];
  @ApiProperty() @IsString() @MaxLength(200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1900) @Max(2100) birthYear?: number;
  @ApiPropertyOptional({ description: 'Số định danh cá nhân, required for individuals' }) @IsOptional() @IsString() @MaxLength(20) personalId?: string;
}

class EvaluateDto {
  @ApiProperty({ example: 'BK_TINH' }) @IsString() @MaxLength(40) awardCode!: string;
  @ApiProperty({ type: HypotheticalNomineeDto }) @ValidateNested() @Type(() => HypotheticalNomineeDto) nominee!: HypotheticalNomineeDto;
  @ApiProperty({ example: 2025 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ type: PeriodDto }) @ValidateNested() @Type(() => PeriodDto) achievementPeriod!: PeriodDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) achievementRef?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(5) simplifiedProcedureCase?: number;
}

@ApiTags('eligibility')
@Controller()
export class EligibilityController {
  constructor(private readonly ds: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('catalogue')
  @Operation({
    summary: { vi: 'Danh mục danh hiệu, hình thức khen thưởng', en: 'The award catalogue' },
    description: {
      vi: 'Mọi phiên bản theo thời gian hiệu lực: tiêu chuẩn, thẩm quyền, tuyến trình, hồ sơ cần có, mức thưởng, kèm căn cứ pháp lý.',
      en: 'Every version by its period in force: criteria, deciding authority, route, required documents, bonus, each with its legal citation.',
    },
    ok: { body: 'CatalogueVersions' },
    public: true,
  })
  catalogue(): CatalogueVersion[] {
    return catalogueVersions();
  }

  @Get('movements')
  @Operation({
    summary: { vi: 'Phong trào thi đua', en: 'Emulation movements' },
    description: { vi: 'Các phong trào mà hồ sơ có thể gắn với, theo kế hoạch của tỉnh.', en: 'The movements a nomination may refer to, from the provincial plan.' },
    ok: { body: 'EmulationMovements' },
    public: true,
  })
  movements(): EmulationMovement[] {
    return seedMovements();
  }

  @Post('eligibility/evaluate')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Kiểm tra điều kiện trước khi nộp', en: 'Check eligibility before submitting' },
    description: {
      vi: 'Đối chiếu với quá trình của người được đề nghị do đơn vị mình quản lý; mỗi tiêu chí có kết quả và căn cứ.',
      en: 'Against the nominee’s record kept by the caller’s unit; each criterion with its outcome and citation.',
    },
    ok: { body: 'EligibilityResult' },
  })
  async evaluate(@CurrentActor() actor: AuthenticatedActor, @Body() dto: EvaluateDto): Promise<EligibilityResult> {
    if (!isAwardCode(dto.awardCode)) throw invalid('UNKNOWN_AWARD', `Không có hình thức khen thưởng ${dto.awardCode}.`, `Unknown award code ${dto.awardCode}.`, 'awardCode');
    const { nomineeKey } = await resolveNominee(this.ds.manager, this.config.identityKey, { unitId: actor.unitId, ...dto.nominee });
    // Only the unit that keeps a nominee's record reads it; for anyone else the record is empty.
    const keeper = await nomineeUnit(this.ds.manager, nomineeKey);
    const record = keeper === undefined || keeper === actor.unitId ? await loadNomineeRecord(this.ds.manager, nomineeKey, dto.nominee.kind) : emptyRecord(dto.nominee.kind);
    return evaluateEligibility({
      award: dto.awardCode,
      record,
      proposalYear: dto.year,
      achievementPeriod: dto.achievementPeriod,
      achievementRef: dto.achievementRef,
      simplifiedProcedureCase: dto.simplifiedProcedureCase,
      asOf: new Date().toISOString().slice(0, 10),
      policy: this.config.eligibilityPolicy as Partial<EligibilityPolicy> | undefined,
    });
  }
}

function emptyRecord(kind: (typeof RECIPIENT_KINDS)[number]) {
  return { kind, ratings: [], awards: [], initiatives: [], disciplines: [], ...(kind === 'INDIVIDUAL' ? {} : { collective: [] }) };
}
