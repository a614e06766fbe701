import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { invalid } from '@vinhdanh/domain/common/errors';
import { firstBadText, type TextProblem } from '@vinhdanh/domain/common/text';

const WHAT: Record<TextProblem, { vi: string; en: string }> = {
  LONE_SURROGATE: { vi: 'một nửa cặp thay thế UTF-16 đứng riêng (không phải văn bản Unicode chuẩn)', en: 'a lone UTF-16 surrogate (not well-formed Unicode text)' },
  NUL: { vi: 'ký tự NUL (U+0000)', en: 'the NUL character (U+0000)' },
};

function refuse(where: string, found: { path: string; problem: TextProblem }) {
  const field = found.path ? `${where}.${found.path}` : where;
  return invalid('MALFORMED_TEXT', `${field} chứa ${WHAT[found.problem].vi}; hãy gõ lại nội dung này.`, `${field} contains ${WHAT[found.problem].en}; retype this text.`, field);
}

/**
 * Every body, query and path parameter a route receives, multipart fields included (they are parsed
 * by the route's own interceptor), is refused with 400 if any text in it cannot be stored: nothing
 * that PostgreSQL would refuse ever reaches a workflow, where its projection could only fail again.
 */
export class WellFormedTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const found = firstBadText(value);
    if (found) throw refuse(metadata.data ?? metadata.type, found);
    return value;
  }
}

/**
 * The same check before any guard runs (sign-in, rate limits and the token guard read the body and
 * the query too): the JSON body, the query string and the path as decoded.
 */
export function wellFormedRequest(req: Request, _res: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return next(invalid('MALFORMED_PATH', 'Địa chỉ có mã %XX không phải UTF-8 hợp lệ.', 'The address holds a %XX escape that is not valid UTF-8.'));
  }
  for (const [where, value] of [['path', path], ['query', req.query], ['body', req.body]] as const) {
    const found = firstBadText(value);
    if (found) return next(refuse(where, found));
  }
  next();
}
