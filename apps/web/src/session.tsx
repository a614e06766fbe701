import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setUnauthorizedHandler, tokenStore } from './api';
import { navigate } from './router';

export type Role = 'CLERK' | 'REVIEWER' | 'DECISION_MAKER' | 'UNIT_HEAD' | 'COUNCIL_MEMBER' | 'COUNCIL_SECRETARY' | 'AUDITOR' | 'INSPECTOR' | 'ADMIN';

export interface Actor {
  userId: string;
  username?: string;
  fullName: string;
  unitId: string;
  roles: Role[];
  scopeUnitId?: string | null;
}

export interface Membership { id: string; nameVi: string; nameEn: string; level: string; role: 'CHAIR' | 'VICE_CHAIR' | 'SECRETARY' | 'MEMBER' }

interface Session {
  actor: Actor | null;
  /** Councils the person sits on today: membership, not an account role, decides who votes. */
  councils: Membership[];
  loading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): void;
  has(...roles: Role[]): boolean;
}

const SessionContext = createContext<Session | null>(null);

/** The token lives in sessionStorage: closing the tab signs out, which suits shared office machines. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [actor, setActor] = useState<Actor | null>(null);
  const [councils, setCouncils] = useState<Membership[]>([]);
  const [loading, setLoading] = useState(() => tokenStore.get() !== null);

  const signOut = useCallback(() => {
    tokenStore.set(null);
    setActor(null);
    setCouncils([]);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      signOut();
      navigate('/login?expired=1', true);
    });
    if (!tokenStore.get()) return;
    loadActor().then(({ me, mine }) => (setActor(me), setCouncils(mine)), signOut).finally(() => setLoading(false));
  }, [signOut]);

  const signIn = useCallback(async (username: string, password: string) => {
    const { accessToken } = await api.post<{ accessToken: string }>('/auth/login', { username, password });
    tokenStore.set(accessToken);
    const { me, mine } = await loadActor();
    setCouncils(mine);
    setActor(me);
  }, []);

  const has = useCallback((...roles: Role[]) => !!actor && roles.some((r) => actor.roles.includes(r)), [actor]);
  return <SessionContext.Provider value={{ actor, councils, loading, signIn, signOut, has }}>{children}</SessionContext.Provider>;
}

async function loadActor(): Promise<{ me: Actor; mine: Membership[] }> {
  const [me, mine] = await Promise.all([api.get<Actor>('/auth/me'), api.get<{ councils: Membership[] }>('/councils/mine')]);
  return { me, mine: mine.councils };
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
