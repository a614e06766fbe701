import { BadRequestException, ParseUUIDPipe, ValidationPipe, type ValidationError } from '@nestjs/common';
import { invalid } from '@vinhdanh/domain/common/errors';
import { fieldName } from './field-names';

export interface FieldProblem {
  field: string;
  constraint: string;
  messageVi: string;
  messageEn: string;
}

/** Vietnamese for the class-validator constraints the DTOs use; English comes from class-validator. */
const VI: Record<string, (field: string) => string> = {
  isString: (f) => `${f} phải là chuỗi ký tự`,
  isInt: (f) => `${f} phải là số nguyên`,
  isBoolean: (f) => `${f} phải là true hoặc false`,
  isIn: (f) => `${f} không thuộc các giá trị cho phép`,
  isArray: (f) => `${f} phải là danh sách`,
  isIso8601: (f) => `${f} phải là ngày theo dạng YYYY-MM-DD`,
  min: (f) => `${f} nhỏ hơn giá trị tối thiểu`,
  max: (f) => `${f} lớn hơn giá trị tối đa`,
  minLength: (f) => `${f} quá ngắn hoặc bị bỏ trống`,
  maxLength: (f) => `${f} quá dài`,
  arrayMinSize: (f) => `${f} cần ít nhất một phần tử`,
  arrayMaxSize: (f) => `${f} có quá nhiều phần tử`,
  matches: (f) => `${f} không đúng định dạng`,
  whitelistValidation: (f) => `Trường ${f} không được phép`,
  nestedValidation: (f) => `${f} phải là một đối tượng hợp lệ`,
};

/**
 * 400 with every field's reason in both languages, one entry per field (its first failed
 * constraint), named as people know the field: { field: 'nominee.name', messageVi: 'Họ và tên phải
 * là chuỗi ký tự', … }; `field` keeps the path for programs.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const names = (lang: 'vi' | 'en') => [...new Set(fields.map((f) => fieldName(f.field, lang)))].join(', ');
      return new BadRequestException({
        code: 'VALIDATION_FAILED',
        kind: 'INVALID',
        messageVi: `Dữ liệu chưa hợp lệ: ${names('vi')}`,
        messageEn: `Invalid input: ${names('en')}`,
        field: fields[0]?.field,
        fields,
      });
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    // class-validator reports constraints innermost-last; the last is the most basic (e.g. "must be a string").
    const entries = Object.entries(e.constraints ?? {});
    const own = entries.length
      ? [entries[entries.length - 1]].map(([constraint, messageEn]) => ({
          field,
          constraint,
          messageVi: (VI[constraint] ?? ((f: string) => `${f} không hợp lệ`))(fieldName(field, 'vi')),
          messageEn: messageEn.replace(e.property, fieldName(field, 'en')),
        }))
      : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * A real calendar date (2025-02-31 is not one) within the years the product deals with. Query
 * strings are validated here, once, so a bad date is a 400 naming the field, never a database error.
 */
export function calendarDate(value: string | undefined, field: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  const real = m && d && d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  if (!real || Number(m![1]) < 1900 || Number(m![1]) > 2100) {
    throw invalid('BAD_DATE', `${field}: ${value} không phải một ngày có thật (YYYY-MM-DD, năm 1900–2100).`, `${field}: ${value} is not a real date (YYYY-MM-DD, years 1900–2100).`, field);
  }
  return value;
}

/** The deepest a JSON body may nest: a dossier needs four or five levels; thousands is an attack on the parser. */
export const MAX_JSON_DEPTH = 32;

/** Depth of a JSON text, counted over brackets outside strings, without parsing it. */
export function jsonDepth(buf: Buffer): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** A path id that must be a UUID: a malformed one is a 400 naming the parameter, in both languages. */
export const uuidParam = (name = 'id') =>
  new ParseUUIDPipe({ exceptionFactory: () => invalid('BAD_ID', `Mã ${name} không hợp lệ (cần dạng UUID).`, `Invalid ${name}: a UUID is expected.`, name) });

/** A whole-number query parameter within bounds (the fallback when absent), or 400 BAD_NUMBER naming it. */
export function wholeNumber(raw: string | undefined, field: string, min: number, max: number, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw invalid('BAD_NUMBER', `${field} phải là số nguyên từ ${min} đến ${max}.`, `${field} must be a whole number from ${min} to ${max}.`, field);
  return n;
}
