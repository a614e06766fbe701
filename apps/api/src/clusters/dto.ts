import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsObject, Max, Min } from 'class-validator';

export class OpenRoundDto {
  @ApiProperty({ example: 2025 }) @IsInt() @Min(2020) @Max(2100) year!: number;
}

export class ScoresDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'number' } }, description: 'For each member unit (itself included), a score per criterion code: { "so-yte": { "NHIEM_VU": 45, … }, … }.' })
  @IsObject() sheet!: Record<string, Record<string, number>>;
}
