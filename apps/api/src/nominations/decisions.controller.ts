import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { uuidParam } from '../common/validation';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { awardNames } from '@vinhdanh/domain/catalogue';
import { certificateTexts, decisionText } from '@vinhdanh/domain/decisions';
import { decisionBySignedHash } from '@vinhdanh/persistence/read-model/decisions';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { decisionDocx, DOCX } from '@vinhdanh/platform/documents/docx';
import { certificatesPdf } from '@vinhdanh/platform/documents/pdf';
import { verifySignedPdf } from '@vinhdanh/platform/documents/verify-signature';
import { MAX_DOCUMENT_BYTES, sendFile } from '../documents/files';
import { DataSource } from 'typeorm';
import { invalid, notFound } from '@vinhdanh/domain/common/errors';
import { awardCodesOf } from '@vinhdanh/persistence/read-model/nominations';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { perNomination } from './batch';
import { BatchDecisionDto } from './dto';
import { DecisionDocuments } from './decision-documents.service';
import { NominationsService } from './nominations.service';
import { Operation } from '../contract/operation';
import type { BatchDecisionResult, DecisionVerification, DecisionView } from './decision-responses';

@ApiTags('decisions')
@Controller('decisions')
export class DecisionsController {
  constructor(
    private readonly service: NominationsService,
    private readonly documents: DecisionDocuments,
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Confers several nominations in one decision: each nomination's workflow is asked to decide with
   * the same batch key, so they share one number; each answer (or refusal, with its reason) is
   * reported per nomination. The batch key is derived from the request, so a retry joins the same decision.
   */
  @Post()
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Quyết định khen thưởng theo danh sách', en: 'Confer awards in a batch' },
    description: {
      vi: 'Một quyết định cho mỗi hình thức khen thưởng trong danh sách; từng hồ sơ được báo kết quả hoặc lý do bị từ chối. Gửi lại cùng danh sách nhập vào cùng quyết định.',
      en: 'One decision per award form in the list; each nomination reports its result or why it was refused. The same list sent again joins the same decision.',
    },
    ok: { body: 'BatchDecisionResult' },
    errors: [403],
  })
  async confer(@CurrentActor() actor: AuthenticatedActor, @Body() dto: BatchDecisionDto): Promise<BatchDecisionResult> {
    const ids = [...new Set(dto.nominationIds)].sort();
    // Each award form gets a decision of its own, worded from the catalogue; a title supplied by
    // hand could word only one of them.
    if (dto.titleVi !== undefined && new Set(await awardCodesOf(this.ds.manager, ids)).size > 1) {
      throw invalid('TITLE_FOR_ONE_AWARD', 'Chỉ ghi trích yếu khi danh sách có một hình thức khen thưởng: mỗi hình thức có quyết định riêng, trích yếu theo danh mục.', 'A title may be given only when the list holds one award form: each form gets its own decision, titled from the catalogue.', 'titleVi');
    }
    // `batch`: the key decisions were always grouped under; a retried list joins the same decision.
    const result = (await perNomination('batch', actor.userId, ids, async (id, batchKey, key) => {
      const view = await this.service.decide(actor, id, { action: 'CONFER', titleVi: dto.titleVi, batchKey }, key);
      return { status: view.status, decision: view.decision };
    })) as BatchDecisionResult;
    // Each decision of the batch is signed once all its nominations have joined it.
    for (const decisionId of new Set(result.results.map((r) => (r.ok ? r.decision?.decisionId : undefined)))) this.documents.signSoon(decisionId);
    return result;
  }

  @Get(':id')
  @Operation({
    summary: { vi: 'Xem một quyết định', en: 'Read a decision' },
    description: { vi: 'Cơ quan ban hành, địa danh, căn cứ, người được khen thưởng và tiền thưởng, việc hủy bỏ (nếu có).', en: 'The issuer, place, legal bases, recipients and their bonus, and any revocation.' },
    ok: { body: 'DecisionView' },
    errors: [404],
  })
  get(@Param('id', uuidParam('id')) id: string): Promise<DecisionView> {
    return this.documents.view(id);
  }

  @Get(':id/document.pdf')
  @Operation({
    summary: { vi: 'Bản quyết định có chữ ký số', en: 'The digitally signed decision' },
    description: {
      vi: 'Quyết định theo thể thức Nghị định 30/2020/NĐ-CP, PDF có chữ ký số (PAdES) của cơ quan ban hành. Ký một lần; mã băm SHA-256 của tệp được ghi vào nhật ký kiểm toán và sổ khen thưởng. Công khai: quyết định khen thưởng được công bố.',
      en: 'The decision in the layout of Decree 30/2020, as a PDF digitally signed (PAdES) by its issuer. Signed once; the file’s SHA-256 goes into the audit chain and the award register. Public: decisions are published (Law Art 8).',
    },
    ok: { file: ['application/pdf'] },
    errors: [404, 409, 422, 503],
    public: true,
  })
  async document(@Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const doc = await this.documents.signed(id);
    return sendFile(res, doc.pdf, 'application/pdf', `quyet-dinh-${doc.view.number.replace(/\//g, '-')}.pdf`);
  }

  @Get(':id/document.docx')
  @Operation({
    summary: { vi: 'Bản Word của quyết định', en: 'The decision as a Word file' },
    description: {
      vi: 'Cùng văn bản với bản PDF, để cơ quan lưu và biên tập trong hệ thống văn bản của mình. Không có chữ ký số: bản PDF đã ký mới là văn bản có giá trị.',
      en: 'The same text as the PDF, for the office to file and edit in its own document system. Not signed: the signed PDF is the act.',
    },
    ok: { file: [DOCX] },
    errors: [404],
  })
  async docx(@Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const view = await this.documents.view(id);
    const docx = await decisionDocx(decisionText(view, (code) => awardNames(code).vi), this.config.signing.fontDir);
    return sendFile(res, docx, DOCX, `quyet-dinh-${view.number.replace(/\//g, '-')}.docx`);
  }

  @Get(':id/certificates.pdf')
  @Operation({
    summary: { vi: 'In bằng, giấy khen theo quyết định', en: 'Print the certificates of a decision' },
    description: { vi: 'Mỗi người, tập thể được khen thưởng một trang A4 khổ ngang, để in cả loạt.', en: 'One A4 landscape page per recipient, to print as a batch.' },
    ok: { file: ['application/pdf'] },
    errors: [404],
  })
  async certificates(@Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const view = await this.documents.view(id);
    if (view.kind !== 'AWARD') throw notFound('DECISION_NOT_FOUND', 'Quyết định này không có bằng, giấy khen.', 'This decision has no certificates.');
    const pdf = await certificatesPdf(certificateTexts(view, (code) => awardNames(code).vi), this.config.signing.fontDir);
    return sendFile(res, pdf, 'application/pdf', `bang-khen-${view.number.replace(/\//g, '-')}.pdf`);
  }

  @Post('verify')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: 1 } }))
  @Operation({
    summary: { vi: 'Kiểm tra một quyết định đã tải về', en: 'Verify a downloaded decision' },
    description: {
      vi: 'Ai cũng kiểm tra được: chữ ký số hợp lệ trên đúng các byte của tệp, chứng thư do CA tin cậy cấp, và tệp trùng với bản đã ghi trong sổ khen thưởng.',
      en: 'Anyone may check: the signature is valid over the file’s bytes, the certificate chains to the trusted CA, and the file is the one the register holds.',
    },
    ok: { body: 'DecisionVerification' },
    errors: [413],
    public: true,
  })
  async verify(@UploadedFile() file?: { buffer: Buffer }): Promise<DecisionVerification> {
    if (!file?.buffer?.length) throw invalid('FILE_REQUIRED', 'Chưa chọn tệp (trường "file").', 'No file was sent (field "file").', 'file');
    const report = verifySignedPdf(file.buffer, this.documents.authorities.caCertificatePem());
    const kept = await decisionBySignedHash(this.ds.manager, report.sha256);
    return { ...report, register: kept ? { decisionId: kept.decisionId, number: kept.number, issuerNameVi: kept.issuerNameVi } : null };
  }
}
