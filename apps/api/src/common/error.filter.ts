import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError, WorkflowNotFoundError, ServiceError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, type DomainErrorBody } from '@vinhdanh/domain/common/errors';

const STATUS: Record<string, number> = { INVALID: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, UNPROCESSABLE: 422, RATE_LIMITED: 429, UNAVAILABLE: 503 };

/**
 * One error shape for every failure: { code, kind, messageVi, messageEn, field?, fields? }.
 * Domain errors raised in Update validators arrive wrapped by Temporal and are unwrapped here, so
 * the caller reads the same reason the workflow gave.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse();
    const { status, body } = this.toBody(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (typeof body.retryAfterSeconds === 'number') response.setHeader('retry-after', String(body.retryAfterSeconds));
    response.status(status).json(body);
  }

  private toBody(exception: unknown): { status: number; body: Record<string, unknown> } {
    const domain = asDomainError(exception);
    if (domain) return { status: STATUS[domain.kind] ?? 400, body: { ...domain } };
    const parser = exception as { type?: unknown; cause?: { type?: unknown } };
    if (parser?.type === 'json.too.deep' || parser?.cause?.type === 'json.too.deep') {
      return { status: 400, body: { code: 'JSON_TOO_DEEP', kind: 'INVALID', messageVi: 'Dữ liệu JSON lồng nhau quá sâu.', messageEn: 'The JSON body is nested too deep.' } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      if (typeof res === 'object' && res !== null && 'messageVi' in res) return { status, body: res as Record<string, unknown> };
      // No route matched: Nest's own 404 says "Cannot GET /x" in English only.
      if (status === 404) return { status, body: { code: 'ROUTE_NOT_FOUND', kind: 'NOT_FOUND', messageVi: 'Không có địa chỉ API này.', messageEn: 'No such API route.' } };
      // Nest turns the JSON parser's SyntaxError into a plain BadRequestException.
      if (status === 400 && (exception.cause instanceof SyntaxError || /JSON/.test(exception.message))) return { status, body: bodyParserError(400) };
      return { status, body: httpBody(status, typeof res === 'string' ? res : (res as { message?: unknown }).message) };
    }
    const parserStatus = (exception as { status?: unknown; type?: unknown })?.status;
    if (typeof parserStatus === 'number' && parserStatus >= 400 && parserStatus < 500) return { status: parserStatus, body: bodyParserError(parserStatus) };
    if (exception instanceof WorkflowNotFoundError || isGrpcNotFound(exception)) {
      return { status: 404, body: { code: 'NOT_FOUND', kind: 'NOT_FOUND', messageVi: 'Không tìm thấy hồ sơ.', messageEn: 'Nomination not found.' } };
    }
    if (isBusy(exception)) {
      // Temporal bounds the Updates in flight on one workflow (10 by default): a council whose
      // members all vote at the same moment meets it. It is a "retry shortly", not a failure.
      return {
        status: 503,
        body: { code: 'BUSY', kind: 'UNAVAILABLE', retryAfterSeconds: 1, messageVi: 'Hệ thống đang xử lý nhiều yêu cầu cho hồ sơ này; vui lòng gửi lại sau giây lát.', messageEn: 'Many requests for this item are being processed; please send again in a moment.' },
      };
    }
    if (isUnavailable(exception)) {
      return {
        status: 503,
        body: { code: 'UNAVAILABLE', kind: 'UNAVAILABLE', messageVi: 'Hệ thống tạm thời không sẵn sàng (máy chủ quy trình hoặc cơ sở dữ liệu); vui lòng thử lại sau.', messageEn: 'Temporarily unavailable (workflow server or database); please retry later.' },
      };
    }
    return { status: 500, body: { code: 'INTERNAL', kind: 'INTERNAL', messageVi: 'Lỗi hệ thống.', messageEn: 'Internal error.' } };
  }
}

export function asDomainError(exception: unknown): DomainErrorBody | undefined {
  if (exception instanceof DomainError) return exception.toBody();
  if (exception instanceof WorkflowUpdateFailedError && exception.cause instanceof ApplicationFailure) {
    const [details] = exception.cause.details ?? [];
    if (details && typeof details === 'object' && 'messageVi' in details) return details as DomainErrorBody;
  }
  return undefined;
}

const GRPC_NOT_FOUND = 5;
const GRPC_UNAVAILABLE = 14;

/** A history or workflow the server does not hold (fetchHistory reports it as a bare gRPC NOT_FOUND). */
export function isGrpcNotFound(e: unknown): boolean {
  return e instanceof ServiceError && (e.cause as { code?: number } | undefined)?.code === GRPC_NOT_FOUND;
}
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_RESOURCE_EXHAUSTED = 8;

function isBusy(e: unknown): boolean {
  return e instanceof ServiceError && (e.cause as { code?: number } | undefined)?.code === GRPC_RESOURCE_EXHAUSTED;
}

function isUnavailable(e: unknown): boolean {
  // The update's RPC ran out of its deadline: the server (or every worker) is unreachable.
  if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  if (e instanceof ServiceError) {
    const code = (e.cause as { code?: number } | undefined)?.code;
    return code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED || /UNAVAILABLE|DEADLINE_EXCEEDED|connect/i.test(e.message);
  }
  const code = (e as { code?: unknown })?.code;
  const message = e instanceof Error ? e.message : '';
  return ['ECONNREFUSED', 'ETIMEDOUT', 'ECONNRESET', '57P01', '57P03'].includes(String(code)) || /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(message);
}

/** Errors raised by the JSON body parser before any controller runs (size, syntax, encoding). */
function bodyParserError(status: number): Record<string, unknown> {
  if (status === 413) {
    return { code: 'PAYLOAD_TOO_LARGE', kind: 'INVALID', messageVi: 'Dữ liệu gửi lên quá lớn (tối đa 256 KB; tệp đính kèm chỉ gửi siêu dữ liệu và mã băm).', messageEn: 'Request body too large (256 KB at most; attach documents by metadata and hash).' };
  }
  return { code: 'MALFORMED_REQUEST', kind: 'INVALID', messageVi: 'Dữ liệu gửi lên không phải JSON hợp lệ.', messageEn: 'The request body is not valid JSON.' };
}

function httpBody(status: number, message: unknown): Record<string, unknown> {
  const text = Array.isArray(message) ? message.join('; ') : String(message ?? '');
  const kind = Object.entries(STATUS).find(([, s]) => s === status)?.[0] ?? 'INVALID';
  return { code: `HTTP_${status}`, kind, messageVi: text, messageEn: text };
}
