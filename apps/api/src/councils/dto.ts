import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { CHOICES, type Choice } from '@vinhdanh/domain/council';

export class OpenSessionDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID('all', { each: true }) nominationIds!: string[];
  @ApiProperty({ example: '2026-12-15T17:00:00+07:00', description: 'When voting closes' }) @IsISO8601({ strict: true }) deadline!: string;
}

export class BallotRequestDto {
  @ApiProperty() @IsUUID() nominationId!: string;
  @ApiProperty({ description: 'The blinded token (RFC 9474), 256 bytes, base64url' }) @IsString() @Matches(/^[A-Za-z0-9_-]{340,344}={0,2}$/) blindedMessage!: string;
}

export class IssueBallotsDto {
  @ApiProperty({ type: [BallotRequestDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => BallotRequestDto) requests!: BallotRequestDto[];
}

export class SecretBallotDto {
  @ApiProperty() @IsUUID() nominationId!: string;
  @ApiProperty({ description: 'The prepared token (RFC 9474), 64 bytes, base64url' }) @IsString() @Matches(/^[A-Za-z0-9_-]{85,88}={0,2}$/) token!: string;
  @ApiProperty({ description: 'The unblinded signature, 256 bytes, base64url' }) @IsString() @Matches(/^[A-Za-z0-9_-]{340,344}={0,2}$/) signature!: string;
  @ApiProperty({ enum: CHOICES }) @IsIn(CHOICES) choice!: Choice;
}

export class ConflictDto {
  @ApiProperty() @IsUUID() nominationId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) reason!: string;
}
