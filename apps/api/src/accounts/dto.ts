import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class NewAccountDto {
  @ApiProperty({ example: 'vanthu2.so-gddt', description: 'Lower-case letters without diacritics, digits, dot, hyphen, underscore; the account id for ever.' })
  @IsString() @MaxLength(63) username!: string;
  @ApiProperty({ example: 'Lê Thị Văn Thư' }) @IsString() @MinLength(2) @MaxLength(200) fullName!: string;
  @ApiPropertyOptional({ example: 'vanthu2@sogddt.gov.vn' }) @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @ApiProperty({ example: 'so-gddt' }) @IsString() @MaxLength(100) unitId!: string;
  @ApiProperty({ example: ['CLERK'], type: [String] }) @IsArray() @ArrayMaxSize(9) @IsString({ each: true }) roles!: string[];
  @ApiPropertyOptional({ description: 'Auditors and inspectors: the unit whose subtree they may read; absent for the whole country.' })
  @IsOptional() @IsString() @MaxLength(100) scopeUnitId?: string;
  @ApiPropertyOptional({ example: '001085012345', description: 'Số định danh cá nhân (12 digits), hashed on arrival: links the account to the person as a nominee, for conflicts of interest.' })
  @IsOptional() @IsString() @MaxLength(20) personalId?: string;
  @ApiPropertyOptional({ description: 'Why this person must both propose and decide for their unit (separation of duties), if they must; audited.' })
  @IsOptional() @IsString() @MaxLength(1000) dutiesException?: string;
}

export class AccountChangeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) fullName?: string;
  @ApiPropertyOptional({ description: 'null removes the address.' }) @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) unitId?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(9) @IsString({ each: true }) roles?: string[];
  @ApiPropertyOptional({ description: 'An empty string removes the scope.' }) @IsOptional() @IsString() @MaxLength(100) scopeUnitId?: string;
  @ApiPropertyOptional({ description: 'An empty string removes the exception.' }) @IsOptional() @IsString() @MaxLength(1000) dutiesException?: string;
  @ApiProperty({ example: 'Điều động sang Phòng Tổ chức cán bộ theo Quyết định 12/QĐ-SGDĐT' }) @IsString() @MinLength(5) @MaxLength(1000) reason!: string;
}

export class AccountReasonDto {
  @ApiProperty({ example: 'Nghỉ hưu từ 01/12/2026' }) @IsString() @MinLength(5) @MaxLength(1000) reason!: string;
}
