import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { forbidden } from '@vinhdanh/domain/common/errors';
import { wholeNumber } from '../common/validation';
import { auditLogAfter } from '@vinhdanh/persistence/read-model/audit-records';
import { streamOwnerUnit, unitWithin } from '@vinhdanh/persistence/read-model/org';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { Operation } from '../contract/operation';
import { FeedSigner } from './feed-signer';
import type { ChangeFeedPage, FeedKey } from './responses';

const MAX_PAGE = 500;

/**
 * The change feed for other systems (the national TĐKT database, document management): every
 * change the audit log records, in order, from a position the client keeps. Pulling gives
 * at-least-once delivery with retries for free — a client that fails asks again from its last
 * position — and every page is signed, so what arrives is what Vinh Danh sent.
 */
@ApiTags('feed')
@Controller('feed')
export class FeedController {
  private readonly signer: FeedSigner;

  constructor(private readonly ds: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.signer = new FeedSigner(config.feedSigningKey);
  }

  @Get('changes')
  @ApiQuery({ name: 'after', required: false, schema: { type: 'integer', minimum: 0, default: 0 }, description: 'Vị trí đã đọc tới (next của trang trước). *The position read so far (the previous page’s next).*' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 100 }, description: 'Số mục tối đa. *Entries at most.*' })
  @Operation({
    summary: { vi: 'Luồng thay đổi cho hệ thống khác', en: 'The change feed for other systems' },
    description: {
      vi: 'Các mục của nhật ký kiểm toán theo thứ tự ghi, từ vị trí `after`; mỗi trang có chữ ký Ed25519 ở tiêu đề `Vinhdanh-Signature`. Cho tài khoản thanh tra (tài khoản dịch vụ), trong phạm vi của tài khoản.',
      en: 'Audit log entries in the order they were appended, from position `after`; each page is signed with Ed25519 in the `Vinhdanh-Signature` header. For auditor accounts (service accounts), within their scope.',
    },
    ok: {
      body: 'ChangeFeedPage',
      headers: { 'Vinhdanh-Signature': { description: 'keyid="…", alg="ed25519", sig="<base64url>": chữ ký trên đúng các byte của thân trả lời. *The signature over the exact bytes of the body.*', schema: { type: 'string' } } },
    },
    errors: [403],
  })
  async changes(@CurrentActor() actor: AuthenticatedActor, @Res() res: Response, @Query('after') afterRaw?: string, @Query('limit') limitRaw?: string): Promise<void> {
    if (!actor.roles.includes('AUDITOR') && !actor.roles.includes('ADMIN')) {
      throw forbidden('AUDITOR_ONLY', 'Chỉ tài khoản thanh tra (tài khoản dịch vụ) mới đọc được luồng thay đổi.', 'Only auditor accounts (service accounts) may read the change feed.');
    }
    const after = wholeNumber(afterRaw, 'after', 0, Number.MAX_SAFE_INTEGER, 0);
    const limit = wholeNumber(limitRaw, 'limit', 1, MAX_PAGE, 100);
    const rows = await auditLogAfter(this.ds.manager, after, limit + 1);
    const read = rows.slice(0, limit);
    const inScope = await this.scopeFilter(actor);
    const items = [];
    for (const row of read) if (await inScope(row.stream)) items.push(row);
    // What was asked, by whom and when, inside the signed bytes: a page replayed for another request,
    // another client or later (an old "no more" page, say) no longer matches what the client asked.
    const page: ChangeFeedPage = { items, next: read.at(-1)?.globalSeq ?? after, more: rows.length > limit, request: { after, limit, by: actor.userId }, signedAt: new Date().toISOString() };
    const body = Buffer.from(JSON.stringify(page));
    res.status(200).type('application/json').set('vinhdanh-signature', this.signer.signature(body)).send(body);
  }

  @Get('key')
  @Operation({
    summary: { vi: 'Khóa công khai của luồng thay đổi', en: 'The change feed’s public key' },
    description: { vi: 'Ghim khóa này một lần (đối chiếu keyId qua kênh khác) rồi kiểm tra chữ ký của mọi trang.', en: 'Pin this key once (compare the keyId through another channel), then verify every page’s signature.' },
    ok: { body: 'FeedKey' },
    public: true,
  })
  key(): FeedKey {
    const jwk = this.signer.publicKey.export({ format: 'jwk' });
    return { keyId: this.signer.keyId, alg: 'ed25519', jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x as string }, pem: this.signer.publicKey.export({ format: 'pem', type: 'spki' }).toString() };
  }

  /** An unscoped auditor reads everything; a scoped one, the streams of units within the scope. */
  private async scopeFilter(actor: AuthenticatedActor): Promise<(stream: string) => Promise<boolean>> {
    const scope = actor.scopeUnitId;
    if (!scope) return async () => true;
    const known = new Map<string, Promise<boolean>>();
    return (stream) => {
      if (!known.has(stream)) {
        known.set(stream, streamOwnerUnit(this.ds.manager, stream).then((unit) => !!unit && unitWithin(this.ds.manager, unit, scope)));
      }
      return known.get(stream)!;
    };
  }
}
