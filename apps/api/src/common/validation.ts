import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** 400 with every field's reason, e.g. { field: 'nominee.name', messageEn: 'nominee.name must be a string' }. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException({
        code: 'VALIDATION_FAILED',
        kind: 'INVALID',
        messageVi: `Dữ liệu không hợp lệ: ${fields.map((f) => f.field).join(', ')}`,
        messageEn: `Invalid input: ${fields.map((f) => f.field).join(', ')}`,
        fields,
      });
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; messageEn: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((messageEn) => ({ field, messageEn: messageEn.replace(e.property, field) }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
