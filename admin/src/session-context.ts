import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Session } from './api';

/** The signed-in official or administrator, and the CSRF token every write sends. */
export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}
