import type { Role } from '@rapport/journey';
import { request } from '../../api/api-client';

export type Member = { id: string; email: string; name: string; role: Role; memberSince: string };
export type NewMember = { email: string; role: Role; name?: string; password?: string };

const member = (id: string) => `/members/${encodeURIComponent(id)}`;

/** The members API (admins only; docs/api.md "Members"). */
export const membersApi = {
  list: () => request<{ members: Member[] }>('GET', '/members').then((body) => body.members),
  add: (input: NewMember) => request<{ member: Member; accountCreated: boolean }>('POST', '/members', input),
  changeRole: (id: string, role: Role) => request<Member>('PUT', member(id), { role }),
  remove: (id: string) => request<null>('DELETE', member(id)),
};
