import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsObject, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class OpenSessionDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @Matches(/^[0-9a-f-]{36}$/, { each: true }) nominationIds!: string[];
  @ApiProperty({ example: '2026-12-15T17:00:00+07:00', description: 'When voting closes' }) @IsISO8601({ strict: true }) deadline!: string;
}

export class BallotDto {
  @ApiProperty({ example: { '<nominationId>': 'AGREE' }, description: 'One choice (AGREE, DISAGREE, ABSTAIN) per nomination you are not recused from' })
  @IsObject() choices!: Record<string, string>;
}

export class ConflictDto {
  @ApiProperty() @Matches(/^[0-9a-f-]{36}$/) nominationId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) reason!: string;
}
