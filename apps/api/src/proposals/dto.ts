import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, Matches } from 'class-validator';
import { LEVELS, type Level } from '@vinhdanh/domain/common/levels';

export class ProposalQueryDto {
  @ApiProperty({ enum: LEVELS, description: 'Cấp trình đề nghị lên trên. *The level that forwarded the proposals upward.*', example: 'UNIT' })
  @IsIn(LEVELS)
  level!: Level;

  @ApiProperty({ type: String, description: 'Các hồ sơ, cách nhau bởi dấu phẩy (tối đa 500). *Nomination ids, comma-separated (at most 500).*', example: '5f633e60-94dc-4c3d-a95c-966f9191c84c' })
  @Transform(({ value }) => (typeof value === 'string' ? [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))] : value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { each: true })
  nominationIds!: string[];
}
