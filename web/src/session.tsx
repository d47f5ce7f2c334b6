// Who is signed in. The shell loads GET /auth/me once; the login page fills the session from the
// login answer, so a successful login does not cost a second round trip.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { User } from './api.ts';

interface Session {
  user: User | null;
  setUser: (user: User | null) => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const value = useMemo(() => ({ user, setUser }), [user]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** For pages inside the shell, which renders them only once the user is known. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser before the session is loaded');
  return user;
}
