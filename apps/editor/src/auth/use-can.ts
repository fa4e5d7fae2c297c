import { hasRole, requiredRole, type Role } from '@rapport/journey';
import { useSession } from './session-context';

/**
 * The API path as the server's role table keys it. Accepts the editor's request paths (`/members`, as passed to
 * `request()`) and full ones (`/api/members`), so a caller cannot silently miss the table by leaving out `/api`.
 */
const apiPathOf = (path: string): string => (path === '/api' || path.startsWith('/api/') ? path : `/api${path}`);

/**
 * Whether `role` may call `method` on `path`, by the same table the API enforces (`requiredRole` in
 * libs/journey): the editor hides what the server would refuse, and never needs a second list of rules.
 * No role (signed out) may do nothing.
 */
export const canRole = (role: Role | null, method: string, path: string): boolean =>
  role !== null && hasRole(role, requiredRole(method, apiPathOf(path)));

/** The weakest role that may call `method` on `path`: screens name it when they refuse. */
export const roleNeeded = (method: string, path: string): Role => requiredRole(method, apiPathOf(path));

/**
 * Whether the signed-in member may call `method` on `path` (e.g. `useCan('PUT', '/journeys/j1')`): a viewer gets
 * false for every change, a marketer for the admin areas (`/settings/...`, `/members`).
 */
export const useCan = (method: string, path: string): boolean => canRole(useSession()?.role ?? null, method, path);
