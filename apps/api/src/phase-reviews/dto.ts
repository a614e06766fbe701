import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DocumentDto } from '../nominations/dto';

export class OpenReviewDto {
  @ApiProperty({ example: 'ke-hoach-823-kh-ubnd-2022' }) @IsString() @MaxLength(100) movementId!: string;
  @ApiProperty({ enum: ['SO_KET', 'TONG_KET'] }) @IsIn(['SO_KET', 'TONG_KET']) phase!: 'SO_KET' | 'TONG_KET';
  @ApiProperty({ example: '2025-10-31', description: 'The last day for the units’ reports.' }) @IsISO8601({ strict: true }) deadline!: string;
  @ApiPropertyOptional({ description: 'Days after the deadline a report is still taken before the review closes on its own (30 by default).' }) @IsOptional() @IsInt() @Min(0) @Max(3650) graceDays?: number;
  @ApiPropertyOptional({ type: [String], description: 'The units asked to report; every unit-level unit in the province by default.' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(2000) @IsString({ each: true }) unitIds?: string[];
}

export class FiguresDto {
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) collectivesCommended!: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) individualsCommended!: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) frontLineCommended!: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) modelsFound!: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) initiatives!: number;
}

export class UnitReportDto {
  @ApiProperty({ type: FiguresDto }) @ValidateNested() @Type(() => FiguresDto) figures!: FiguresDto;
  @ApiProperty({ description: 'The unit’s assessment of the phase: results, limits, lessons.' }) @IsString() @MaxLength(50_000) summary!: string;
  @ApiPropertyOptional({ type: [DocumentDto] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => DocumentDto) documents?: DocumentDto[];
}
