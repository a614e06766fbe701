import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { BeforeSecondFactor, Public } from '../common/actor';
import { ERROR_STATUS } from './errors';
import { schemaRef, type SchemaName } from './schema';

export type Bilingual = { vi: string; en: string };

/** A success answer: a named JSON body, or a file of the given media types; and its headers. */
export type Answer = { status?: number; description?: Bilingual; headers?: Record<string, { description: string; schema: object }> } & ({ body: SchemaName } | { file: string[] } | { redirect: true });

export interface OperationContract {
  summary: Bilingual;
  description?: Bilingual;
  ok: Answer;
  /** Other answers that are not failures (a duplicate submission's 200, readiness's 503). */
  also?: (Answer & { status: number })[];
  /** Failure statuses this operation can answer besides those every operation can (400, 401, 503; and 403 SECOND_FACTOR_REQUIRED when signed in). */
  errors?: number[];
  /** Honours an Idempotency-Key header: a repeated request has one effect. */
  idempotent?: boolean;
  /** Needs no sign-in (the public record, sign-in itself, health, anonymous ballots). */
  public?: boolean;
  /** Answers a person whose roles need a second factor before they gave one (who am I, enrolment, password change). */
  beforeSecondFactor?: boolean;
}

/** Marks the operations whose Idempotency-Key `document.ts` replaces by the shared parameter. */
export const IDEMPOTENT_EXTENSION = 'x-vinhdanh-idempotent';

const bilingual = (t: Bilingual) => `${t.vi}\n\n*${t.en}*`;

function answer(a: Answer, status: number) {
  const description = a.description ? bilingual(a.description) : 'OK';
  const headers = a.headers ? { headers: a.headers } : {};
  if ('body' in a) return ApiResponse({ status, description, schema: schemaRef(a.body), ...headers });
  if ('redirect' in a) return ApiResponse({ status, description, headers: { Location: { description: 'Where the browser goes next.', schema: { type: 'string' } }, ...a.headers } });
  return ApiResponse({ status, description, content: Object.fromEntries(a.file.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])), ...headers });
}

/**
 * One decorator describes an operation in full: bilingual summary and description, the success
 * body, every failure status with the shared error body, and whether a token is needed. The OpenAPI
 * document is generated from these, next to the code they describe.
 */
export function Operation(contract: OperationContract): MethodDecorator {
  const also = contract.also ?? [];
  // Signed in without the second factor one's roles need, everything else answers 403 SECOND_FACTOR_REQUIRED.
  const signedIn = contract.public ? [] : contract.beforeSecondFactor ? [401] : [401, 403];
  const failures = [400, ...signedIn, ...(contract.errors ?? []), 503].filter((s) => !also.some((a) => a.status === s));
  return applyDecorators(
    ApiOperation({
      summary: `${contract.summary.vi} — ${contract.summary.en}`,
      ...(contract.description ? { description: bilingual(contract.description) } : {}),
      ...(contract.public ? { security: [] } : {}),
    }),
    answer(contract.ok, contract.ok.status ?? 200),
    ...also.map((a) => answer(a, a.status)),
    ...[...new Set(failures)].sort().map((status) => ApiResponse({ status, description: bilingual(ERROR_STATUS[status]), schema: schemaRef('ApiError') })),
    ...(contract.idempotent ? [ApiExtension(IDEMPOTENT_EXTENSION, true)] : []),
    ...(contract.public ? [Public()] : []),
    ...(contract.beforeSecondFactor ? [BeforeSecondFactor()] : []),
  );
}
