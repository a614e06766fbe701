import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';

export class OpenRegistrationDto {
  @ApiProperty({ example: 2026, description: 'The year registered for.' }) @IsInt() @Min(2020) @Max(2100) year!: number;
}

export class RegistrationEntryDto {
  @ApiPropertyOptional({ description: 'Keep the entry now on this line as it is (its person’s number need not be typed again); the other fields are then ignored.' })
  @IsOptional() @IsInt() @Min(1) @Max(2000) keepLine?: number;
  @ApiProperty({ enum: ['INDIVIDUAL', 'COLLECTIVE'] }) @ValidateIf((e) => e.keepLine === undefined) @IsIn(['INDIVIDUAL', 'COLLECTIVE']) kind!: 'INDIVIDUAL' | 'COLLECTIVE';
  @ApiProperty({ example: 'Nguyễn Thị Hoa' }) @ValidateIf((e) => e.keepLine === undefined) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ example: 'CSTDCS', description: 'The emulation title registered (a catalogue TITLE).' }) @ValidateIf((e) => e.keepLine === undefined) @IsString() @MaxLength(40) awardCode!: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1900) @Max(2100) birthYear?: number;
  @ApiPropertyOptional({ description: 'Required for a person; hashed at once, never kept (the last four digits are).' }) @IsOptional() @IsString() @MaxLength(20) personalId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) position?: string;
}

export class SetEntriesDto {
  @ApiProperty({ type: [RegistrationEntryDto] }) @IsArray() @ArrayMaxSize(2000) @ValidateNested({ each: true }) @Type(() => RegistrationEntryDto) entries!: RegistrationEntryDto[];
  @ApiProperty({ description: 'The unit’s pledges (giao ước thi đua): its targets for the year.' }) @IsString() @MaxLength(20000) pledge!: string;
}

export class ReturnRegistrationDto {
  @ApiProperty({ description: 'Why it is returned (5 characters or more).' }) @IsString() @MinLength(1) @MaxLength(5000) reason!: string;
}

export class RegistrationListQueryDto {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2020) @Max(2100) year?: number;
}
