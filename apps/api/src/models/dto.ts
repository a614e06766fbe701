import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class RegisterModelDto {
  @ApiProperty({ enum: ['INDIVIDUAL', 'COLLECTIVE'] }) @IsIn(['INDIVIDUAL', 'COLLECTIVE']) kind!: 'INDIVIDUAL' | 'COLLECTIVE';
  @ApiProperty({ example: 'Trường Tiểu học Krông Nô' }) @IsString() @MinLength(1) @MaxLength(200) subjectName!: string;
  @ApiProperty({ example: 'Mô hình “Trường học số”' }) @IsString() @MinLength(5) @MaxLength(300) titleVi!: string;
  @ApiProperty({ description: 'What makes it a model, as it was found.' }) @IsString() @MinLength(10) @MaxLength(20000) descriptionVi!: string;
}

export class AdvanceModelDto {
  @ApiProperty({ description: 'What was done at the stage reached (10 characters or more).' }) @IsString() @MaxLength(20000) note!: string;
}

export class LinkAwardDto {
  @ApiProperty({ description: 'An awarded nomination of the unit.' }) @IsUUID() nominationId!: string;
}
