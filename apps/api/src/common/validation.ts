import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

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
 * constraint), e.g. { field: 'nominee.name', messageVi: 'nominee.name phải là chuỗi ký tự', … }.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const names = fields.map((f) => f.field).join(', ');
      return new BadRequestException({
        code: 'VALIDATION_FAILED',
        kind: 'INVALID',
        messageVi: `Dữ liệu không hợp lệ ở: ${names}`,
        messageEn: `Invalid input in: ${names}`,
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
          messageVi: (VI[constraint] ?? ((f: string) => `${f} không hợp lệ`))(field),
          messageEn: messageEn.replace(e.property, field),
        }))
      : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
