import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { DocumentDto } from '../nominations/dto';

/** A multipart form sends text: a JSON list of documents arrives as a string. */
const jsonDocuments = ({ value }: { value: unknown }) => {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return value;
    }
  }
  return Array.isArray(parsed) ? plainToInstance(DocumentDto, parsed) : parsed;
};

/** The settings shared by every row of an uploaded list (multipart fields beside the file). */
export class ImportUploadDto {
  @ApiProperty({ example: 'GK_DONVI' }) @IsString() @MaxLength(40) awardCode!: string;
  @ApiProperty({ example: 2025 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ description: 'The summary of achievements for rows that carry none of their own (sixth column).' })
  @IsString() @MinLength(1) @MaxLength(20000) achievements!: string;
  @ApiPropertyOptional({ enum: ['INDIVIDUAL', 'COLLECTIVE'], description: 'Who the rows are (INDIVIDUAL by default).' })
  @IsOptional() @IsIn(['INDIVIDUAL', 'COLLECTIVE']) nomineeKind?: 'INDIVIDUAL' | 'COLLECTIVE';
  @ApiPropertyOptional({ example: '2025-01-01', description: 'Start of the achievement period (1 January of the year by default).' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2025-12-31', description: 'End of the achievement period (31 December of the year by default).' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ type: [DocumentDto], description: 'Documents every dossier of the list carries (JSON in a multipart field), uploaded first with POST /documents.' })
  @IsOptional() @Transform(jsonDocuments) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => DocumentDto) documents?: DocumentDto[];
  @ApiPropertyOptional({ example: 'ke-hoach-823-kh-ubnd-2022' }) @IsOptional() @IsString() @MaxLength(100) movementId?: string;
}

export class ImportRowsQueryDto {
  @ApiPropertyOptional({ enum: ['INVALID', 'READY', 'SUBMITTED', 'ALREADY', 'FAILED'] }) @IsOptional() @IsIn(['INVALID', 'READY', 'SUBMITTED', 'ALREADY', 'FAILED']) state?: 'INVALID' | 'READY' | 'SUBMITTED' | 'ALREADY' | 'FAILED';
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}

export class TemplateQueryDto {
  @ApiPropertyOptional({ enum: ['INDIVIDUAL', 'COLLECTIVE'], description: 'A list of individuals (default) or of collectives.' })
  @IsOptional() @IsIn(['INDIVIDUAL', 'COLLECTIVE']) kind?: 'INDIVIDUAL' | 'COLLECTIVE';
}
