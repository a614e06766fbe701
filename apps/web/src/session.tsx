import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { client, data, deviceTokenStore, setUnauthorizedHandler, tokenStore, type Schemas } from './api';
import { navigate } from './router';

export type Role = Schemas['Role'];
export type Actor = Schemas['Me'];
export type Membership = Schemas['MyCouncils']['councils'][number];

interface Session {
  actor: Actor | null;
  /** Councils the person sits on today: membership, not an account role, decides who votes. */
  councils: Membership[];
  loading: boolean;
  /** Signs in; answers whether the account still has to turn on a second factor. */
  signIn(username: string, password: string, otp?: string): Promise<{ enrol: boolean }>;
  /** Signs in with the one-time code the identity provider's return handed the page. */
  signInWithProvider(code: string, otp?: string): Promise<{ enrol: boolean }>;
  /** Reads the account again (after the second factor is turned on). */
  refresh(): Promise<void>;
  signOut(): void;
  /** Keeps the session on the token a password change answered (the old one no longer works). */
  renew(accessToken: string): void;
  has(...roles: Role[]): boolean;
}

const SessionContext = createContext<Session | null>(null);

const SSO_KEY = 'vinhdanh.sso';

/** The token lives in sessionStorage: closing the tab signs out, which suits shared office machines. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [actor, setActor] = useState<Actor | null>(null);
  const [councils, setCouncils] = useState<Membership[]>([]);
  const [loading, setLoading] = useState(() => tokenStore.get() !== null);

  const signOut = useCallback(() => {
    tokenStore.set(null);
    setActor(null);
    setCouncils([]);
    // A session opened through the identity provider ends there too.
    if (sessionStorage.getItem(SSO_KEY)) {
      sessionStorage.removeItem(SSO_KEY);
      window.location.assign('/auth/oidc/logout');
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      signOut();
      navigate('/login?expired=1', true);
    });
    if (!tokenStore.get()) return;
    loadActor().then(({ me, mine }) => (setActor(me), setCouncils(mine)), signOut).finally(() => setLoading(false));
  }, [signOut]);

  const signIn = useCallback(async (username: string, password: string, otp?: string) => {
    const { accessToken, deviceToken, secondFactor } = await data(client.POST('/auth/login', { body: { username, password, deviceToken: deviceTokenStore.get(username), ...(otp ? { otp } : {}) } }));
    tokenStore.set(accessToken);
    deviceTokenStore.set(username, deviceToken);
    const { me, mine } = await loadActor();
    setCouncils(mine);
    setActor(me);
    return { enrol: secondFactor === 'ENROLMENT_REQUIRED' };
  }, []);

  const signInWithProvider = useCallback(async (code: string, otp?: string) => {
    const { accessToken, secondFactor } = await data(client.POST('/auth/oidc/exchange', { body: { code, ...(otp ? { otp } : {}) } }));
    tokenStore.set(accessToken);
    sessionStorage.setItem(SSO_KEY, '1');
    const { me, mine } = await loadActor();
    setCouncils(mine);
    setActor(me);
    return { enrol: secondFactor === 'ENROLMENT_REQUIRED' };
  }, []);

  const refresh = useCallback(async () => {
    const { me, mine } = await loadActor();
    setCouncils(mine);
    setActor(me);
  }, []);

  const renew = useCallback((accessToken: string) => tokenStore.set(accessToken), []);
  const has = useCallback((...roles: Role[]) => !!actor && roles.some((r) => actor.roles.includes(r)), [actor]);
  return <SessionContext.Provider value={{ actor, councils, loading, signIn, signInWithProvider, signOut, renew, refresh, has }}>{children}</SessionContext.Provider>;
}

async function loadActor(): Promise<{ me: Actor; mine: Membership[] }> {
  const me = await data(client.GET('/auth/me'));
  // Before the second factor its roles need, the person may only enrol: no councils yet.
  if (me.secondFactor.required && !me.secondFactor.verified) return { me, mine: [] };
  const mine = await data(client.GET('/councils/mine'));
  return { me, mine: mine.councils };
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
