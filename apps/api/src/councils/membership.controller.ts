import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { Operation } from '../contract/operation';
import { MembershipService } from './membership.service';
import type { CouncilInfo } from '@vinhdanh/persistence/council/membership';
import type { CouncilList, CouncilMembers } from './responses';

class AppointDto {
  @ApiProperty({ example: 'thamdinh2.so-noi-vu', description: 'The account appointed.' }) @IsString() @MaxLength(100) userId!: string;
  @ApiProperty({ enum: ['CHAIR', 'VICE_CHAIR', 'SECRETARY', 'MEMBER'] }) @IsIn(['CHAIR', 'VICE_CHAIR', 'SECRETARY', 'MEMBER']) role!: string;
  @ApiPropertyOptional({ example: '2027-01-01', description: 'The first day the person sits (today if absent; never before today).' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a day, YYYY-MM-DD' }) @IsISO8601({ strict: true }) fromDate?: string;
  @ApiProperty({ example: 'Quyết định 25/QĐ-UBND kiện toàn Hội đồng Thi đua – Khen thưởng tỉnh' }) @IsString() @MinLength(5) @MaxLength(1000) reason!: string;
}

class FormCouncilDto {
  @ApiProperty({ example: 'so-tai-chinh', description: 'The unit whose council it is; the council’s id follows from the unit and its level.' }) @IsString() @MaxLength(100) unitId!: string;
  @ApiProperty({ example: 'Hội đồng Thi đua – Khen thưởng Sở Tài chính' }) @IsString() @MinLength(5) @MaxLength(300) nameVi!: string;
  @ApiProperty({ example: 'Department of Finance Emulation and Commendation Council' }) @IsString() @MinLength(5) @MaxLength(300) nameEn!: string;
  @ApiProperty({ example: 'Quyết định 12/QĐ-STC thành lập Hội đồng Thi đua – Khen thưởng' }) @IsString() @MinLength(5) @MaxLength(1000) reason!: string;
}

class EndTermDto {
  @ApiProperty({ example: '2026-12-31', description: 'The last day the person sits (yesterday at the earliest).' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a day, YYYY-MM-DD' }) @IsISO8601({ strict: true }) lastDay!: string;
  @ApiProperty({ example: 'Nghỉ hưu; Quyết định 26/QĐ-UBND' }) @IsString() @MinLength(5) @MaxLength(1000) reason!: string;
}

/** Who sits on each council and when (docs/council-voting.md, "Membership"). */
@ApiTags('councils')
@Controller('councils')
export class MembershipController {
  constructor(private readonly membership: MembershipService) {}

  @Get()
  @Operation({
    summary: { vi: 'Các Hội đồng Thi đua – Khen thưởng', en: 'Emulation and commendation councils' },
    description: { vi: 'Mọi Hội đồng (thanh tra có phạm vi: trong phạm vi). Cho quản trị, kiểm soát viên và thanh tra.', en: 'Every council (a scoped auditor: those in scope). For administrators, auditors and inspectors.' },
    ok: { body: 'CouncilList' },
  })
  list(@CurrentActor() actor: AuthenticatedActor): Promise<CouncilList> {
    return this.membership.councils(actor);
  }

  @Post()
  @Operation({
    summary: { vi: 'Thành lập Hội đồng', en: 'Form a council' },
    description: {
      vi: 'Quản trị ghi nhận Hội đồng Thi đua – Khen thưởng của một đơn vị theo quyết định thành lập; mã Hội đồng theo đơn vị và cấp (hồ sơ đi qua cấp đó tìm đến Hội đồng này). Sau đó bổ nhiệm thành viên. Ghi nhật ký.',
      en: 'An administrator records a unit’s emulation and commendation council as its founding decision says; the council’s id follows from the unit and its level (nominations at that level find it). Members are appointed next. Audited.',
    },
    ok: { status: 201, body: 'CouncilInfo' },
    errors: [403, 409],
  })
  form(@CurrentActor() actor: AuthenticatedActor, @Body() dto: FormCouncilDto): Promise<CouncilInfo> {
    return this.membership.form(actor, dto);
  }

  @Get(':councilId/members')
  @Operation({
    summary: { vi: 'Thành viên Hội đồng theo nhiệm kỳ', en: 'A council’s members, term by term' },
    description: {
      vi: 'Mọi nhiệm kỳ đã qua, hiện tại và sắp tới: ai, vai trò, từ ngày, đến ngày. Phiên họp lấy thành viên của ngày mở phiên. Cho quản trị, thành viên Hội đồng và thanh tra trong phạm vi; người khác nhận 404.',
      en: 'Every term past, current and to come: who, role, from, to. A session takes the members of the day it opens. For administrators, the council’s members and auditors in scope; anyone else gets 404.',
    },
    ok: { body: 'CouncilMembers' },
    errors: [404],
  })
  members(@CurrentActor() actor: AuthenticatedActor, @Param('councilId') councilId: string): Promise<CouncilMembers> {
    return this.membership.members(actor, councilId);
  }

  @Post(':councilId/members')
  @Operation({
    summary: { vi: 'Bổ nhiệm thành viên Hội đồng', en: 'Appoint a council member' },
    description: {
      vi: 'Quản trị bổ nhiệm một người vào Hội đồng từ một ngày (không trước hôm nay), kèm căn cứ; một Chủ tịch và một Thư ký tại một thời điểm. Phiên mở từ ngày đó có người này. Ghi nhật ký.',
      en: 'An administrator appoints a person to the council from a day (not before today), with the basis; one chair and one secretary at a time. Sessions opened from that day include them. Audited.',
    },
    ok: { status: 201, body: 'CouncilMembers' },
    errors: [403, 404, 409],
  })
  appoint(@CurrentActor() actor: AuthenticatedActor, @Param('councilId') councilId: string, @Body() dto: AppointDto): Promise<CouncilMembers> {
    return this.membership.appoint(actor, councilId, dto);
  }

  @Post(':councilId/members/:userId/end')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Kết thúc nhiệm kỳ thành viên', en: 'End a member’s term' },
    description: {
      vi: 'Ngày cuối người đó ngồi trong Hội đồng (sớm nhất là hôm qua), kèm căn cứ; các phiên đã họp giữ nguyên thành phần. Ghi nhật ký.',
      en: 'The last day the person sits (yesterday at the earliest), with the basis; sessions already held keep who sat in them. Audited.',
    },
    ok: { body: 'CouncilMembers' },
    errors: [403, 404, 409],
  })
  end(@CurrentActor() actor: AuthenticatedActor, @Param('councilId') councilId: string, @Param('userId') userId: string, @Body() dto: EndTermDto): Promise<CouncilMembers> {
    return this.membership.end(actor, councilId, userId, dto);
  }
}
