import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiHeader, ApiBody, ApiTags } from '@nestjs/swagger';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { IsArray, IsObject } from 'class-validator';
import { DataSource } from 'typeorm';
import { forbidden, invalid } from '@vinhdanh/domain/common/errors';
import { unitWithin, workflowOwnerUnit } from '@vinhdanh/persistence/read-model/org';
import { APP_CONFIG, VinhDanhCodec, type AppConfig } from '@vinhdanh/platform';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { PAYLOAD_CODEC } from '../temporal/temporal.module';
import { councilSessionWorkflowId } from '@vinhdanh/workflows/council/messages';
import { Operation } from '../contract/operation';

/** Temporal's codec-server JSON: metadata values and data as base64 (proto3 JSON of Payloads). */
export interface JsonPayload {
  metadata?: Record<string, string> | null;
  data?: string | null;
}

export interface CodecPayloads {
  payloads: JsonPayload[];
}

class PayloadsDto {
  @IsArray() @IsObject({ each: true }) payloads!: JsonPayload[];
}

/**
 * A payload as Temporal's codec-server protocol has it: metadata absent or a map of base64 strings,
 * data absent or a base64 string. Anything else is refused, not echoed (a fuzz run once got its own
 * `"metadata": false` back under a 200).
 */
function requireWellFormed(payloads: JsonPayload[]): void {
  payloads.forEach((p, i) => {
    const { metadata, data } = p as { metadata?: unknown; data?: unknown };
    const metadataOk = metadata === undefined || metadata === null || (typeof metadata === 'object' && !Array.isArray(metadata) && Object.values(metadata).every((v) => typeof v === 'string'));
    if (!metadataOk || !(data === undefined || data === null || typeof data === 'string')) {
      throw invalid('MALFORMED_PAYLOAD', `Dữ liệu thứ ${i + 1} không đúng dạng của Temporal (metadata là bảng chuỗi base64, data là chuỗi base64).`, `Payload ${i + 1} is not in Temporal's form (metadata a map of base64 strings, data a base64 string).`, `body.payloads[${i}]`);
    }
  });
}

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(String(v), 'base64')])),
  data: p.data ? Buffer.from(p.data, 'base64') : undefined,
});
const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v as Uint8Array).toString('base64')])),
  data: p.data ? Buffer.from(p.data).toString('base64') : undefined,
});

/**
 * The codec endpoint for the Temporal Web UI and CLI (`temporal workflow show --codec-endpoint
 * …/codec --codec-auth "Bearer <token>"`): it decodes, for a signed-in auditor, the payloads of the
 * workflows within the auditor's scope, and hands every other payload back still encrypted. There
 * is deliberately no /codec/encode: nothing outside the API and the worker may make a payload the
 * worker accepts (docs/security.md).
 */
const COUNCIL_SESSION_PREFIX = councilSessionWorkflowId('');

@ApiTags('audit')
@Controller('codec')
export class CodecController {
  constructor(
    private readonly ds: DataSource,
    @Inject(PAYLOAD_CODEC) private readonly codec: PayloadCodec,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('decode')
  @HttpCode(200)
  @ApiHeader({ name: 'x-namespace', required: false, description: 'Namespace Temporal gửi kèm; chỉ giải mã dữ liệu của namespace này. *The namespace Temporal sends; only its payloads are decoded.*' })
  @ApiBody({ schema: { type: 'object', properties: { payloads: { type: 'array', items: { type: 'object', properties: { metadata: { type: 'object', additionalProperties: { type: 'string' } }, data: { type: 'string' } } } } }, required: ['payloads'] } })
  @Operation({
    summary: { vi: 'Giải mã dữ liệu lịch sử (codec server)', en: 'Decode history payloads (codec server)' },
    description: {
      vi: 'Cho Temporal Web UI và CLI của thanh tra: giải mã dữ liệu của quy trình trong phạm vi; dữ liệu ngoài phạm vi, của phiên họp Hội đồng (phiếu kín) hoặc không xác thực được trả nguyên trạng.',
      en: 'For the auditors’ Temporal Web UI and CLI: decodes payloads of workflows in scope; anything out of scope, of a council session (secret ballots) or not authentic comes back as stored.',
    },
    ok: { body: 'CodecPayloads' },
    errors: [403],
  })
  async decode(@CurrentActor() actor: AuthenticatedActor, @Body() body: PayloadsDto, @Headers('x-namespace') namespace?: string): Promise<CodecPayloads> {
    if (!actor.roles.includes('AUDITOR') && !actor.roles.includes('ADMIN')) {
      throw forbidden('AUDITOR_ONLY', 'Chỉ thanh tra, kiểm tra mới giải mã được lịch sử quy trình.', 'Only auditors may decode workflow histories.');
    }
    requireWellFormed(body.payloads);
    const scope = new Map<string, Promise<boolean>>();
    const payloads = await Promise.all(
      body.payloads.map(async (json) => {
        const payload = fromJson(json);
        const binding = VinhDanhCodec.bindingIn(payload);
        const [ns, ...rest] = (binding ?? '').split('/');
        const workflowId = rest.join('/');
        if (!binding || ns !== this.config.temporalNamespace || (namespace && namespace !== ns)) return json;
        // A council session's payloads are never decoded here, for anyone: its takes name members and
        // its ballots carry choices. The tally record and the audit chain are what auditors read of it.
        if (workflowId.startsWith(COUNCIL_SESSION_PREFIX)) return json;
        if (!scope.has(workflowId)) scope.set(workflowId, this.inScope(actor, workflowId));
        if (!(await scope.get(workflowId))) return json;
        try {
          const [plain] = await this.codec.decode([payload], { type: 'workflow', namespace: ns, workflowId });
          return toJson(plain);
        } catch {
          return json; // not authentic: shown as it is stored
        }
      }),
    );
    return { payloads };
  }

  /** A nomination's or council session's workflow, within the auditor's scope; anything else for unscoped auditors only. */
  private async inScope(actor: AuthenticatedActor, workflowId: string): Promise<boolean> {
    if (!actor.scopeUnitId) return true;
    const unit = await workflowOwnerUnit(this.ds.manager, workflowId);
    return !!unit && unitWithin(this.ds.manager, unit, actor.scopeUnitId);
  }
}
