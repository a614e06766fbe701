import { conflict, DomainError, forbidden, invalid, notFound, unprocessable } from './errors';

describe('domain errors', () => {
  it('carry a code, a kind for the HTTP status, both languages and the field, and nothing else', () => {
    expect(invalid('BAD_YEAR', 'Năm không hợp lệ.', 'Invalid year.', 'year').toBody()).toEqual({ code: 'BAD_YEAR', kind: 'INVALID', messageVi: 'Năm không hợp lệ.', messageEn: 'Invalid year.', field: 'year' });
    expect(forbidden('F', 'vi', 'en').toBody()).toEqual({ code: 'F', kind: 'FORBIDDEN', messageVi: 'vi', messageEn: 'en' });
    expect([conflict('C', 'v', 'e'), notFound('N', 'v', 'e'), unprocessable('U', 'v', 'e')].map((e) => e.kind)).toEqual(['CONFLICT', 'NOT_FOUND', 'UNPROCESSABLE']);
    expect(invalid('X', 'v', 'Reason.').message).toBe('X: Reason.');
  });

  it('cross the Temporal boundary as JSON and are read back; anything else is not ours', () => {
    const sent = conflict('WRONG_STATE', 'Hồ sơ không ở bước này.', 'Not at this step.');
    const back = DomainError.fromJson(JSON.stringify(sent.toBody()))!;
    expect(back).toBeInstanceOf(DomainError);
    expect(back.toBody()).toEqual(sent.toBody());
    expect(DomainError.fromJson('not json')).toBeUndefined();
    expect(DomainError.fromJson(JSON.stringify({ code: 'X' }))).toBeUndefined();
  });
});
