import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { Operation } from '../contract/operation';
import { uuidParam, wholeNumber } from '../common/validation';
import type { Checkpoint, CheckpointLog, ConsistencyProof, InclusionProof } from './responses';
import { TransparencyService } from './transparency.service';


/**
 * The audit log as a transparency log (RFC 9162): its signed checkpoints, public so that anyone —
 * a witness in another province, the Ministry, a journalist — can keep them; consistency proofs
 * between any two; and the inclusion proof of every decision, beside its signed PDF.
 */
@ApiTags('transparency')
@Controller()
export class TransparencyController {
  constructor(private readonly log: TransparencyService) {}

  @Get('public/checkpoints')
  @ApiQuery({ name: 'limit', required: false, description: 'Số điểm kiểm (mặc định 100, tối đa 1000). *How many, newest first.*' })
  @Operation({
    summary: { vi: 'Các điểm kiểm đã ký của nhật ký kiểm toán', en: 'The audit log’s signed checkpoints' },
    description: {
      vi: 'Mỗi điểm kiểm ký (Ed25519) kích thước và gốc cây Merkle (RFC 9162) của nhật ký tại một thời điểm, kèm khóa công khai để ghim. Ai giữ một điểm kiểm đều phát hiện được việc viết lại nhật ký về sau.',
      en: 'Each checkpoint signs (Ed25519) the size and Merkle root (RFC 9162) of the log at a moment, with the public key to pin. Whoever keeps one detects any later rewrite of the log.',
    },
    ok: { body: 'CheckpointLog' },
    public: true,
  })
  async checkpoints(@Query('limit') limit?: string): Promise<CheckpointLog> {
    return this.log.log(Math.min(wholeNumber(limit, 'limit', 1, Number.MAX_SAFE_INTEGER, 100), 1000));
  }

  @Get('public/checkpoints/latest')
  @Operation({ summary: { vi: 'Điểm kiểm mới nhất', en: 'The newest checkpoint' }, ok: { body: 'Checkpoint' }, errors: [404], public: true })
  latest(): Promise<Checkpoint> {
    return this.log.latest();
  }

  @Get('public/checkpoints/consistency')
  @ApiQuery({ name: 'from', required: true, description: 'Kích thước cây của điểm kiểm cũ. *The older checkpoint’s tree size.*' })
  @ApiQuery({ name: 'to', required: true, description: 'Kích thước cây của điểm kiểm mới. *The newer checkpoint’s tree size.*' })
  @Operation({
    summary: { vi: 'Chứng minh nhất quán giữa hai điểm kiểm', en: 'Consistency proof between two checkpoints' },
    description: { vi: 'Chứng minh (RFC 9162 §2.1.4) rằng nhật ký tại điểm kiểm mới chỉ ghi thêm vào nhật ký tại điểm kiểm cũ.', en: 'Proves (RFC 9162 §2.1.4) that the log at the newer checkpoint only appended to the log at the older one.' },
    ok: { body: 'ConsistencyProof' },
    errors: [404],
    public: true,
  })
  consistency(@Query('from') from?: string, @Query('to') to?: string): Promise<ConsistencyProof> {
    return this.log.consistency(wholeNumber(from, 'from', 1, Number.MAX_SAFE_INTEGER, 0), wholeNumber(to, 'to', 1, Number.MAX_SAFE_INTEGER, 0));
  }

  @Get('decisions/:id/inclusion-proof')
  @Operation({
    summary: { vi: 'Chứng minh quyết định có trong nhật ký', en: 'Proof that a decision is in the log' },
    description: {
      vi: 'Mục nhật ký ghi mã băm bản PDF đã ký của quyết định, và chứng minh (RFC 9162 §2.1.3) mục đó nằm trong cây của điểm kiểm mới nhất. Kiểm ngoại tuyến: `node scripts/verify-log.js inclusion`.',
      en: 'The log entry that recorded the signed PDF’s hash, and the proof (RFC 9162 §2.1.3) that it is in the tree of the newest checkpoint. Offline: `node scripts/verify-log.js inclusion`.',
    },
    ok: { body: 'InclusionProof' },
    errors: [404],
    public: true,
  })
  inclusion(@Param('id', uuidParam('id')) id: string): Promise<InclusionProof> {
    return this.log.inclusion(id);
  }

  @Post('audit/checkpoints')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Phát hành điểm kiểm ngay', en: 'Issue a checkpoint now' },
    description: { vi: 'Ký điểm kiểm của toàn bộ nhật ký lúc này (hệ thống tự ký ít nhất mỗi ngày một lần); nếu không có mục mới, trả điểm kiểm gần nhất.', en: 'Signs a checkpoint of the whole log now (the system signs one at least daily by itself); with nothing new, answers the last one.' },
    ok: { body: 'Checkpoint' },
    errors: [403],
  })
  issue(@CurrentActor() actor: AuthenticatedActor): Promise<Checkpoint> {
    return this.log.issueFor(actor);
  }
}
