import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
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
import { CurrentActor, Public, type AuthenticatedActor } from '../auth/public.decorator';
import { PeriodDto } from '../nominations/dto';
import { resolveNominee } from '../nominees/nominee-identity';
import { nomineeUnit } from '@vinhdanh/persistence/read-model/identity';

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
@ApiBearerAuth()
@Controller()
export class EligibilityController {
  constructor(private readonly ds: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The award catalogue, every version, with criteria and citations. */
  @Public()
  @Get('catalogue')
  catalogue() {
    return catalogueVersions();
  }

  /** Emulation movements (phong trào thi đua) nominations may refer to, from the seed plan. */
  @Public()
  @Get('movements')
  movements() {
    return seedMovements();
  }

  /** Evaluates a nomination before it is submitted, against the nominee's record in the caller's unit. */
  @Post('eligibility/evaluate')
  @HttpCode(200)
  async evaluate(@CurrentActor() actor: AuthenticatedActor, @Body() dto: EvaluateDto) {
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
