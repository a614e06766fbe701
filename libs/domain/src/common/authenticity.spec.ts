import { refusal } from '../../../../test/support/refusal';
import { checkMessageAuth, isUnauthenticated, MESSAGE_FRESHNESS_MS, UNAUTHENTICATED, unauthenticatedError } from './authenticity';

const NOW = Date.parse('2025-12-01T08:00:00.000Z');
const auth = (offsetMs = 0, nonce = 'n'.repeat(16)) => ({ issuedAt: new Date(NOW + offsetMs).toISOString(), nonce });

describe('message authenticity', () => {
  it('accepts a fresh message once', () => {
    expect(refusal(() => checkMessageAuth(auth(), NOW, new Set()))).toBe('ACCEPTED');
    expect(refusal(() => checkMessageAuth(auth(), NOW, new Set(['n'.repeat(16)])))).toBe('REPLAYED_MESSAGE');
  });

  it('refuses a message without authentication, with a short nonce, or with no date', () => {
    expect(refusal(() => checkMessageAuth(undefined, NOW, new Set()))).toBe('UNAUTHENTICATED_MESSAGE');
    expect(refusal(() => checkMessageAuth(auth(0, 'short'), NOW, new Set()))).toBe('UNAUTHENTICATED_MESSAGE');
    expect(refusal(() => checkMessageAuth({ issuedAt: 'yesterday', nonce: 'n'.repeat(16) }, NOW, new Set()))).toBe('UNAUTHENTICATED_MESSAGE');
  });

  it('refuses a message older or newer than the freshness window (a replay, or a clock far off)', () => {
    expect(refusal(() => checkMessageAuth(auth(-MESSAGE_FRESHNESS_MS), NOW, new Set()))).toBe('ACCEPTED');
    expect(refusal(() => checkMessageAuth(auth(-MESSAGE_FRESHNESS_MS - 1), NOW, new Set()))).toBe('STALE_MESSAGE');
    expect(refusal(() => checkMessageAuth(auth(MESSAGE_FRESHNESS_MS + 1), NOW, new Set()))).toBe('STALE_MESSAGE');
  });

  it('recognises the codec’s marker and says why in both languages', () => {
    const marker = { [UNAUTHENTICATED]: 'WRONG_WORKFLOW' as const };
    expect(isUnauthenticated(marker)).toBe(true);
    expect(isUnauthenticated({ actor: 'x' })).toBe(false);
    expect(isUnauthenticated(null)).toBe(false);
    const err = unauthenticatedError(marker);
    expect(err.toBody()).toEqual({
      code: 'UNAUTHENTICATED_MESSAGE',
      kind: 'FORBIDDEN',
      messageVi: 'Thông điệp không do hệ thống tạo ra (WRONG_WORKFLOW); đã bị từ chối.',
      messageEn: 'The message was not made by the product (WRONG_WORKFLOW); refused.',
    });
  });
});
