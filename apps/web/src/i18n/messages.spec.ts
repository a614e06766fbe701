import { DEMO_USERS } from '../../../../libs/persistence/src/seed/demo-org';
import { MESSAGES } from './messages';

describe('the texts people read', () => {
  it('the sign-in hint names demo accounts that exist', () => {
    for (const text of MESSAGES['login.demoHint']) {
      const named = text.match(/[a-z0-9]+(?:\.[a-z0-9-]+)?(?=[,)])/g) ?? [];
      expect(named.length).toBeGreaterThanOrEqual(3);
      for (const username of named) expect(DEMO_USERS.map((u) => u.username)).toContain(username);
    }
  });

  it('every text has both languages', () => {
    for (const [key, [vi, en]] of Object.entries(MESSAGES)) {
      expect({ key, vi: vi.length > 0, en: en.length > 0 }).toEqual({ key, vi: true, en: true });
    }
  });
});
