import { Controller, Get, Inject, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { DOCX, proposalDocx } from '@vinhdanh/platform/documents/docx';
import { proposalPdf } from '@vinhdanh/platform/documents/pdf';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { Operation } from '../contract/operation';
import { sendFile } from '../documents/files';
import { ProposalQueryDto } from './dto';
import { ProposalsService } from './proposals.service';

const DESCRIPTION = {
  vi: 'Tờ trình và danh sách đề nghị khen thưởng theo thể thức Nghị định 30/2020/NĐ-CP, cho các hồ sơ một cấp đã trình lên trên: cơ quan trình, nơi nhận, căn cứ, danh sách theo từng hình thức. Số văn bản để trống cho văn thư ghi, chữ ký để thủ trưởng ký.',
  en: 'The proposal letter (tờ trình) and list (danh sách) in the layout of Decree 30/2020, for nominations a level forwarded upward: proposer, addressee, legal bases, the list by award. The number is left for the clerk, the signature for the head.',
};

@ApiTags('proposals')
@Controller('proposals')
export class ProposalsController {
  constructor(private readonly service: ProposalsService, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('letter.pdf')
  @Operation({ summary: { vi: 'Tờ trình và danh sách (PDF)', en: 'Proposal letter and list (PDF)' }, description: DESCRIPTION, ok: { file: ['application/pdf'] }, errors: [404, 409, 422] })
  async pdf(@CurrentActor() actor: AuthenticatedActor, @Query() q: ProposalQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const text = await this.service.text(actor, q.nominationIds, q.level);
    return sendFile(res, await proposalPdf(text, this.config.signing.fontDir), 'application/pdf', `to-trinh-${q.level.toLowerCase()}.pdf`);
  }

  @Get('letter.docx')
  @Operation({ summary: { vi: 'Tờ trình và danh sách (Word)', en: 'Proposal letter and list (Word)' }, description: DESCRIPTION, ok: { file: [DOCX] }, errors: [404, 409] })
  async docx(@CurrentActor() actor: AuthenticatedActor, @Query() q: ProposalQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const text = await this.service.text(actor, q.nominationIds, q.level);
    return sendFile(res, await proposalDocx(text, this.config.signing.fontDir), DOCX, `to-trinh-${q.level.toLowerCase()}.docx`);
  }
}
