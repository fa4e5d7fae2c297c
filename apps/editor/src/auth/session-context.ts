import { createContext, useContext } from 'react';
import type { Session } from './auth-api';

export const SessionContext = createContext<Session | null>(null);

/** The signed-in member (null outside the gate): screens read the role to offer only what it allows. */
export const useSession = (): Session | null => useContext(SessionContext);
