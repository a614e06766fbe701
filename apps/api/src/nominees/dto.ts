import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { RATINGS, RECIPIENT_KINDS } from '@vinhdanh/domain/common/levels';
import { CLUSTER_ORGANISERS, type ClusterOrganiser } from '@vinhdanh/domain/eligibility';

export class RegisterNomineeDto {
  @ApiProperty({ enum: RECIPIENT_KINDS }) @IsIn(RECIPIENT_KINDS) kind!: (typeof RECIPIENT_KINDS)[number];
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1900) @Max(2100) birthYear?: number;
  @ApiPropertyOptional({ example: '001085012345', description: 'Số định danh cá nhân (12 digits); required for individuals, hashed on arrival' }) @IsOptional() @IsString() @MaxLength(20) personalId?: string;
  @ApiPropertyOptional({ description: 'Recruitment date (LĐTT excludes people recruited < 6 months, Circular 01/2024)' })
  @IsOptional() @IsISO8601({ strict: true }) recruitedOn?: string;
}

export class RatingDto {
  @ApiProperty() @IsInt() @Min(1990) @Max(2100) year!: number;
  @ApiProperty({ enum: RATINGS }) @IsIn(RATINGS) rating!: (typeof RATINGS)[number];
}

export class InitiativeDto {
  @ApiProperty() @IsInt() @Min(1990) @Max(2100) year!: number;
  @ApiProperty({ enum: ['GRASSROOTS', 'PROVINCE', 'NATIONAL'] }) @IsIn(['GRASSROOTS', 'PROVINCE', 'NATIONAL']) level!: string;
  @ApiProperty({ enum: ['INITIATIVE', 'SCIENCE_TECH', 'COMBAT_INGENUITY'] }) @IsIn(['INITIATIVE', 'SCIENCE_TECH', 'COMBAT_INGENUITY']) kind!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) title!: string;
  @ApiPropertyOptional({ description: 'Who recognised it, e.g. a decision number' }) @IsOptional() @IsString() @MaxLength(200) recognizedBy?: string;
}

export class DisciplineDto {
  @ApiProperty() @IsISO8601({ strict: true }) from!: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiProperty({ enum: ['KHIEN_TRACH', 'CANH_CAO', 'HIGHER'] }) @IsIn(['KHIEN_TRACH', 'CANH_CAO', 'HIGHER']) level!: string;
  @ApiPropertyOptional({ description: 'Under disciplinary review, inspection or verified complaint' }) @IsOptional() @IsBoolean() underReview?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class ManualAwardDto {
  @ApiProperty({ example: 'BK_TINH' }) @IsString() @MaxLength(40) awardCode!: string;
  @ApiProperty() @IsInt() @Min(1945) @Max(2100) year!: number;
  @ApiProperty({ example: '1234/QĐ-UBND' }) @Matches(/^\d{1,6}\/QĐ-[\p{L}\d]{1,20}$/u) decisionNumber!: string;
  @ApiProperty() @IsISO8601({ strict: true }) decidedOn!: string;
  @ApiPropertyOptional({ enum: ['REGULAR', 'SUDDEN', 'THEMATIC'] }) @IsOptional() @IsIn(['REGULAR', 'SUDDEN', 'THEMATIC']) basis?: 'REGULAR' | 'SUDDEN' | 'THEMATIC';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) achievementRef?: string;
}

export class CollectiveYearDto {
  @ApiProperty() @IsInt() @Min(1990) @Max(2100) year!: number;
  @ApiProperty() @IsInt() @Min(1) @Max(1_000_000) members!: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) membersCompletingTasks?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) ldttCount?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) cstdcsCount?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) membersDisciplinedWarningOrAbove?: number;
  @ApiPropertyOptional({
    enum: ['NONE', ...CLUSTER_ORGANISERS],
    description: 'Dẫn đầu cụm, khối thi đua trong năm, và cấp tổ chức cụm, khối (NONE: không dẫn đầu). *Led its emulation cluster or block that year, and who organised it (NONE: did not lead). Cờ thi đua is chosen on it.*',
  })
  @IsOptional() @IsIn(['NONE', ...CLUSTER_ORGANISERS]) clusterLedBy?: ClusterOrganiser | 'NONE';
}

export class NomineeQueryDto {
  @ApiPropertyOptional({ description: 'Một phần của tên, không phân biệt dấu, hoa thường. *Part of the name, ignoring accents and case.*' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ enum: RECIPIENT_KINDS }) @IsOptional() @IsIn(RECIPIENT_KINDS) kind?: (typeof RECIPIENT_KINDS)[number];
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}
