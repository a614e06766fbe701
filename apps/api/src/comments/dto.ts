import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { ProofOfWork } from '@vinhdanh/platform/proof-of-work/comment-proof';

export class PublicCommentDto {
  @ApiProperty({ minLength: 10, maxLength: 2000, example: 'Tôi xác nhận ông A đã cứu người trong trận lũ tháng 9.' })
  @IsString() @MinLength(10) @MaxLength(2000) text!: string;
  @ApiPropertyOptional({ maxLength: 100, description: 'How the author wishes to be named; optional. No contact details are collected.' })
  @IsOptional() @IsString() @MaxLength(100) authorName?: string;
  @ApiPropertyOptional({ description: 'Leave empty. A field people do not see and robots fill in.' })
  @IsOptional() @IsString() @MaxLength(200) website?: string;
  @ApiProperty({
    type: 'object',
    required: ['challenge', 'solution'],
    properties: { challenge: { type: 'object', additionalProperties: true }, solution: { type: 'object', properties: { counter: { type: 'integer' }, derivedKey: { type: 'string' } } } },
    description: 'The challenge from GET /public/nominations/{id}/comment-challenge and its solution (ALTCHA PoW v2; altcha-lib solveChallenge).',
  })
  @IsObject() proof!: ProofOfWork;
}

export class AnswerCommentDto {
  @ApiProperty({ minLength: 5, maxLength: 5000 }) @IsString() @MinLength(5) @MaxLength(5000) answer!: string;
}
