import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { LEVELS, RECIPIENT_KINDS, type RecipientKind } from '@vinhdanh/domain/common/levels';
import { NOMINATION_STATUSES, TASK_KINDS } from '@vinhdanh/domain/ladder/nomination';
import { INBOX_SORTS } from '@vinhdanh/persistence/read-model/nominations';

export class NomineeDto {
  @ApiProperty({ enum: RECIPIENT_KINDS }) @IsIn(RECIPIENT_KINDS) kind!: RecipientKind;
  @ApiProperty({ example: 'Nguyễn Thị Hoa' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1900) @Max(2100) birthYear?: number;
  @ApiPropertyOptional({ example: 'Giáo viên' }) @IsOptional() @IsString() @MaxLength(200) position?: string;
  @ApiPropertyOptional({ example: '001085012345', description: 'Số định danh cá nhân (12 digits, on the citizen identity card). Required for individuals; hashed on arrival, never stored in clear. It links the nominee to their account, if any (conflicts of interest).' })
  @IsOptional() @IsString() @MaxLength(20) personalId?: string;
  @ApiPropertyOptional({ description: 'Front-line worker or small collective (priority of the seed plan).' })
  @IsOptional() @IsBoolean() frontLine?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100000) memberCount?: number;
}

export class PeriodDto {
  @ApiProperty({ example: '2025-01-01' }) @IsISO8601({ strict: true }) from!: string;
  @ApiProperty({ example: '2025-12-31' }) @IsISO8601({ strict: true }) to!: string;
}

export class DocumentDto {
  @ApiProperty({ example: 'bao-cao-thanh-tich.pdf' }) @IsString() @MinLength(1) @MaxLength(255) name!: string;
  @ApiProperty({ description: 'SHA-256 of the file content, hex' }) @Matches(/^[a-f0-9]{64}$/) sha256!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(50 * 1024 * 1024) sizeBytes?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) mimeType?: string;
  @ApiPropertyOptional({ example: 'BAO_CAO_THANH_TICH', description: 'Thành phần hồ sơ (mã trong danh mục). Hồ sơ đã ghi thành phần thì phải có đủ mọi thành phần bắt buộc của hình thức. *The dossier component it is (catalogue code). A dossier that files its documents under components must hold every required one.*' })
  @IsOptional() @IsString() @Matches(/^[A-Z_]{2,40}$/) component?: string;
}

export class SubmitNominationDto {
  @ApiProperty({ type: NomineeDto }) @ValidateNested() @Type(() => NomineeDto) nominee!: NomineeDto;
  @ApiProperty({ example: 'BK_TINH' }) @IsString() @MaxLength(40) awardCode!: string;
  @ApiProperty({ example: 2025 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ type: PeriodDto }) @ValidateNested() @Type(() => PeriodDto) achievementPeriod!: PeriodDto;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(20000) achievements!: string;
  @ApiProperty({ type: [DocumentDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => DocumentDto) documents!: DocumentDto[];
  @ApiPropertyOptional({ description: 'Defaults to the clerk’s unit; another unit is refused.' }) @IsOptional() @IsString() unitId?: string;
  @ApiPropertyOptional({ example: 'ke-hoach-823-kh-ubnd-2022' }) @IsOptional() @IsString() @MaxLength(100) movementId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @IsInt() @Min(1) @Max(5) simplifiedProcedureCase?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) achievementRef?: string;
  @ApiPropertyOptional({ description: 'Truy tặng: the nominee has died; only awards that allow it (docs/law.md).' }) @IsOptional() @IsBoolean() posthumous?: boolean;
  @ApiPropertyOptional({ description: 'Khen thưởng tại đợt sơ kết, tổng kết: the phase review the unit proposes this at; the unit must be asked to report to it.' }) @IsOptional() @IsUUID() phaseReviewId?: string;
}

export class ReviewDto {
  @ApiProperty({ enum: ['APPROVE', 'REJECT', 'REQUEST_SUPPLEMENTS'] }) @IsIn(['APPROVE', 'REJECT', 'REQUEST_SUPPLEMENTS']) action!: 'APPROVE' | 'REJECT' | 'REQUEST_SUPPLEMENTS';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) reason?: string;
  @ApiPropertyOptional({ description: 'Required to approve against a negative eligibility result.' }) @IsOptional() @IsString() @MaxLength(5000) justification?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(500, { each: true }) items?: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(90) deadlineDays?: number;
}

export class SupplementDocumentDto extends DocumentDto {
  @ApiPropertyOptional({ description: 'Mục trong yêu cầu bổ sung mà tệp này đáp ứng (thứ tự, từ 0). *The requested item this file answers (its place, from 0).*' })
  @IsOptional() @IsInt() @Min(0) @Max(49) item?: number;
}

/** Corrections to the dossier's fields: only those given change. */
export class DossierChangesDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(20_000) achievements?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) position?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() frontLine?: boolean;
}

export class ResubmitDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000) note!: string;
  @ApiProperty({ type: [SupplementDocumentDto] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SupplementDocumentDto) documents!: SupplementDocumentDto[];
  @ApiPropertyOptional({ type: DossierChangesDto, description: 'Corrections to the dossier the request called for.' })
  @IsOptional() @ValidateNested() @Type(() => DossierChangesDto) changes?: DossierChangesDto;
}

/** Corrections before the first review: only the fields given change. */
export class AmendDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(20_000) achievements?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) position?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() frontLine?: boolean;
  @ApiPropertyOptional({ type: [DocumentDto], description: 'The dossier’s documents as they should now stand (replaces the list).' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => DocumentDto) documents?: DocumentDto[];
  @ApiPropertyOptional({ description: 'What was corrected, for the timeline.' }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class WithdrawDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000) reason!: string;
}

export class DecideDto {
  @ApiProperty({ enum: ['CONFER', 'REFUSE', 'PROPOSE'], description: 'PROPOSE: the Government’s proposal to the President, for the awards the President decides.' })
  @IsIn(['CONFER', 'REFUSE', 'PROPOSE'])
  action!: 'CONFER' | 'REFUSE' | 'PROPOSE';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) reason?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) titleVi?: string;
}

export class InboxQueryDto {
  @ApiPropertyOptional({ enum: TASK_KINDS, description: 'Loại việc. *The kind of task.*' }) @IsOptional() @IsIn(TASK_KINDS) kind?: string;
  @ApiPropertyOptional({ description: 'Đơn vị gửi hồ sơ. *The unit that submitted the dossier.*', example: 'so-gddt' }) @IsOptional() @IsString() @MaxLength(100) fromUnitId?: string;
  @ApiPropertyOptional({ example: 'GK_DONVI' }) @IsOptional() @IsString() @MaxLength(50) awardCode?: string;
  @ApiPropertyOptional({ enum: LEVELS }) @IsOptional() @IsIn(LEVELS) level?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ description: 'Chỉ việc quá hạn. *Overdue tasks only.*' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional({ format: 'date-time', description: 'Hạn xử lý trước thời điểm này. *Due before this instant.*' }) @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) dueBefore?: string;
  @ApiPropertyOptional({ description: 'Tên người hoặc tập thể được đề nghị, không phân biệt dấu, hoa thường. *Part of the nominee’s name, ignoring accents and case.*' })
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ enum: Object.keys(INBOX_SORTS), description: 'due: hạn gần nhất trước; received: mới nhận trước; nominee: theo tên; unit: theo đơn vị gửi.' })
  @IsOptional() @IsIn(Object.keys(INBOX_SORTS)) sort?: keyof typeof INBOX_SORTS;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

export class BatchReviewDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @Matches(/^[0-9a-f-]{36}$/, { each: true }) nominationIds!: string[];
  @ApiPropertyOptional({ description: 'Applied to each dossier; required for those whose eligibility check is negative.' })
  @IsOptional() @IsString() @MaxLength(5000) justification?: string;
}

export class BatchDecisionDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @Matches(/^[0-9a-f-]{36}$/, { each: true }) nominationIds!: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) titleVi?: string;
}

export class ListQueryDto {
  @ApiPropertyOptional({ description: 'Đơn vị nộp. *The submitting unit.*', example: 'so-gddt' }) @IsOptional() @IsString() unitId?: string;
  @ApiPropertyOptional({ enum: LEVELS, description: 'Cấp đang giữ hồ sơ. *The level holding it.*' }) @IsOptional() @IsIn(LEVELS) level?: string;
  @ApiPropertyOptional({ example: 'BK_TINH' }) @IsOptional() @IsString() awardCode?: string;
  @ApiPropertyOptional({ enum: NOMINATION_STATUSES }) @IsOptional() @IsString() status?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, example: 2025 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}
