import type { Role } from '@rapport/journey';
import { request } from '../api/api-client';

/** Who is signed in, in which workspace, with which role; the CSRF token goes with every change. */
export type Session = {
  user: { id: string; email: string; name: string; locale: string };
  workspace: { id: string; name: string };
  role: Role;
  csrfToken: string;
  workspaces: { id: string; name: string; role: Role }[];
};

export const authApi = {
  me: () => request<Session>('GET', '/auth/me'),
  signIn: (email: string, password: string) => request<Session>('POST', '/auth/login', { email, password }),
  signOut: () => request<null>('POST', '/auth/logout'),
};
