import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES } from './errors';
import { IDEMPOTENT_EXTENSION } from './operation';
import { SCHEMAS, asComponents, schemaRef } from './schema';

/**
 * The API contract's version: `MAJOR.MINOR.PATCH` of the OpenAPI document, not of the product.
 * A breaking change (a path, operation, field or status taken away) raises MAJOR; the check in
 * `contract.spec.ts` compares the document with the last release in `docs/api/releases/`.
 */
export const API_VERSION = '1.5.0';

const TAGS: [string, string, string][] = [
  ['auth', 'Đăng nhập', 'Sign-in and the caller’s account'],
  ['nominations', 'Hồ sơ đề nghị khen thưởng', 'Nominations up the ladder unit → province → central: submit, review, decide'],
  ['nominees', 'Người, tập thể được đề nghị', 'Nominees and their record: ratings, titles, initiatives, discipline'],
  ['documents', 'Tệp hồ sơ', 'Dossier files, stored by their SHA-256'],
  ['eligibility', 'Điều kiện, tiêu chuẩn', 'The award catalogue and the eligibility engine, with the law’s citations'],
  ['councils', 'Hội đồng thi đua – khen thưởng', 'Council sessions: blind-signed secret ballots, quorum, recusal, tally'],
  ['conflicts', 'Xung đột lợi ích', 'The unit’s register of relatives (conflicts of interest)'],
  ['decisions', 'Quyết định khen thưởng', 'Decisions and their recipients'],
  ['revocations', 'Hủy bỏ quyết định khen thưởng', 'Revocation cases and the award register'],
  ['comments', 'Ý kiến nhân dân', 'Public comments during public posting, and their answers'],
  ['public', 'Công khai', 'What the law makes public: nominees under posting and decisions issued'],
  ['audit', 'Thanh tra, kiểm tra', 'Auditors’ reads: verified audit chain, timelines, histories, replay, export'],
  ['feed', 'Luồng thay đổi', 'The signed change feed other systems pull'],
  ['dashboard', 'Thống kê', 'Figures for the movement and the inbox'],
  ['org', 'Tổ chức', 'Units, their levels and their successions (2025 reorganisation)'],
  ['health', 'Tình trạng hệ thống', 'Liveness and readiness'],
];

/** The OpenAPI document of the running application, generated from its controllers' decorators. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Vinh Danh API')
    .setDescription(
      [
        'Quy trình xét tặng danh hiệu thi đua, hình thức khen thưởng theo Luật Thi đua, khen thưởng 06/2022/QH15: hồ sơ đi từ đơn vị lên tỉnh, lên Trung ương.',
        '*Award nominations up the ladder unit → province → central, under the Law on Emulation and Commendation (06/2022/QH15).*',
        'Every failure answers the same `ApiError` body, with its reason in Vietnamese and in English. Actions that change a nomination accept an `Idempotency-Key`; a `503` or `429` may carry `Retry-After`. See `docs/integration.md` in the repository for sign-in, paging and the change feed.',
      ].join('\n\n'),
    )
    .setVersion(API_VERSION)
    .addServer('/', 'Máy chủ này — this server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Token from `POST /auth/login`, or from the configured OIDC provider.' }, 'bearer')
    .addSecurityRequirements('bearer');
  for (const [name, vi, en] of TAGS) builder.addTag(name, `${vi} — ${en}`);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (controller, method) => `${lowerFirst(controller.replace(/Controller$/, ''))}${upperFirst(method)}`,
  });
  return finishDocument(document);
}

/** Shared components, described once: the error body, Idempotency-Key, paging, Retry-After. */
function finishDocument(document: OpenAPIObject): OpenAPIObject {
  // The request DTOs' schemas (from their decorators) and the generated ones of every body.
  const schemas: Record<string, any> = { ...(document.components?.schemas ?? {}), ...asComponents(SCHEMAS) };
  // The codes are data (scanned from the source), not a TypeScript union: the enum is set here.
  schemas.ApiError.properties.code = { ...schemas.ApiError.properties.code, anyOf: [{ enum: [...ERROR_CODES] }, { pattern: '^HTTP_[0-9]{3}$' }] };
  const parameters = {
    IdempotencyKey: {
      name: 'Idempotency-Key', in: 'header', required: false,
      description: 'Khóa chống gửi trùng: gửi lại cùng yêu cầu với cùng khóa chỉ có một tác dụng. *One effect for a repeated request: 8–100 characters of letters, digits, `. _ : -`; bound to the caller, the route and the body (another body with the same key: 422 IDEMPOTENCY_KEY_REUSED).*',
      schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,100}$' },
    },
    Page: { name: 'page', in: 'query', required: false, description: 'Trang, từ 1. *Page number, from 1.*', schema: { type: 'integer', minimum: 1, maximum: 100000, default: 1 } },
    PageSize: { name: 'pageSize', in: 'query', required: false, description: 'Số mục mỗi trang. *Items per page.*', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
  };
  const headers = {
    RetryAfter: { description: 'Số giây nên chờ trước khi gửi lại. *Seconds to wait before sending again.*', schema: { type: 'integer', minimum: 0 } },
  };
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item) as Record<string, any>[]) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      const idempotent = op[IDEMPOTENT_EXTENSION] === true;
      delete op[IDEMPOTENT_EXTENSION];
      // Header names are case-insensitive: `@Headers('idempotency-key')` and the documented
      // `Idempotency-Key` are one parameter, described once.
      const params = (op.parameters ?? []).filter((p: { name?: string; in?: string }) => !(p.in === 'header' && p.name?.toLowerCase() === 'idempotency-key'));
      if (idempotent) params.push({ in: 'header', name: 'Idempotency-Key' });
      op.parameters = params.map((p: { name?: string; in?: string }) => {
        if (p.in === 'header' && p.name === 'Idempotency-Key') return { $ref: '#/components/parameters/IdempotencyKey' };
        if (p.in === 'query' && p.name === 'page') return { $ref: '#/components/parameters/Page' };
        if (p.in === 'query' && p.name === 'pageSize') return { $ref: '#/components/parameters/PageSize' };
        return p;
      });
      if (idempotent && !op.responses['422']) op.responses['422'] = errorResponse('Idempotency-Key đã dùng cho yêu cầu khác. *The Idempotency-Key was used for another request.*');
      if (!op.parameters.length) delete op.parameters;
      for (const [status, response] of Object.entries(op.responses) as [string, Record<string, any>][]) {
        if (status === '429' || status === '503') response.headers = { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } };
      }
    }
  }
  // The package is UNLICENSED (private): no SPDX licence applies, so the identifier is a LicenseRef.
  document.info.license = { name: 'Proprietary', identifier: 'LicenseRef-VinhDanh-Proprietary' } as never;
  document.components = { ...document.components, schemas: sortKeys(schemas) as never, parameters: parameters as never, headers: headers as never };
  return document;
}

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: schemaRef('ApiError') } } };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const sortKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
