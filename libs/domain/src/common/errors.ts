/**
 * Typed domain errors. The same error travels from an Update validator through the
 * Temporal client to the API, which maps `kind` to an HTTP status; the body carries the code,
 * both languages and the offending field.
 */
export type DomainErrorKind = 'INVALID' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'UNPROCESSABLE' | 'UNAVAILABLE';

export interface DomainErrorBody {
  code: string;
  kind: DomainErrorKind;
  messageVi: string;
  messageEn: string;
  field?: string;
}

export class DomainError extends Error {
  readonly code: string;
  readonly kind: DomainErrorKind;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly field?: string;

  constructor(body: DomainErrorBody) {
    super(`${body.code}: ${body.messageEn}`);
    this.name = 'DomainError';
    this.code = body.code;
    this.kind = body.kind;
    this.messageVi = body.messageVi;
    this.messageEn = body.messageEn;
    this.field = body.field;
  }

  toBody(): DomainErrorBody {
    const { code, kind, messageVi, messageEn, field } = this;
    return field === undefined ? { code, kind, messageVi, messageEn } : { code, kind, messageVi, messageEn, field };
  }

  /** Errors cross the Temporal boundary as ApplicationFailure messages; this reads them back. */
  static fromJson(text: string): DomainError | undefined {
    try {
      const body = JSON.parse(text) as Partial<DomainErrorBody>;
      if (typeof body.code === 'string' && typeof body.kind === 'string' && typeof body.messageVi === 'string') {
        return new DomainError(body as DomainErrorBody);
      }
    } catch {
      /* not ours */
    }
    return undefined;
  }
}

export const invalid = (code: string, messageVi: string, messageEn: string, field?: string) =>
  new DomainError({ code, kind: 'INVALID', messageVi, messageEn, field });
export const forbidden = (code: string, messageVi: string, messageEn: string) =>
  new DomainError({ code, kind: 'FORBIDDEN', messageVi, messageEn });
export const conflict = (code: string, messageVi: string, messageEn: string) =>
  new DomainError({ code, kind: 'CONFLICT', messageVi, messageEn });
export const notFound = (code: string, messageVi: string, messageEn: string) =>
  new DomainError({ code, kind: 'NOT_FOUND', messageVi, messageEn });
/** Well-formed, but contradicts something already recorded (a reused Idempotency-Key, say). */
export const unprocessable = (code: string, messageVi: string, messageEn: string, field?: string) =>
  new DomainError({ code, kind: 'UNPROCESSABLE', messageVi, messageEn, field });
