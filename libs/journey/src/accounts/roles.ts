/** A member's role in one workspace, weakest first. */
export const ROLES = ['viewer', 'marketer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK = { viewer: 0, marketer: 1, admin: 2 } satisfies Record<Role, number>;

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/** Whether `role` may do what needs at least `needed`. */
export const hasRole = (role: Role, needed: Role): boolean => RANK[role] >= RANK[needed];

/** Reads change nothing; every other method is a write (a POST that only previews is still a write: viewers look). */
export const isReadMethod = (method: string): boolean => ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());

export type AreaRule = { prefix: string; read: Role; write: Role };

/**
 * Who may read and who may change each area of the management API, the most specific prefix first. The one table
 * every management route goes through: a route not listed falls under its parent (anything under /api/settings is
 * admin-only, secrets included) or under the default (everyone reads, marketers and admins write).
 */
export const AREA_RULES: readonly AreaRule[] = [
  // What marketers need to see to build journeys; changing it stays with admins.
  { prefix: '/api/settings/delivery-rules', read: 'viewer', write: 'admin' },
  { prefix: '/api/settings/value-tiers', read: 'viewer', write: 'admin' },
  // Keys, channels, webhook secrets, shop sources (their keys name the webhook URL), and whatever comes next.
  { prefix: '/api/settings', read: 'admin', write: 'admin' },
  { prefix: '/api/members', read: 'admin', write: 'admin' },
  { prefix: '/api/api-keys', read: 'admin', write: 'admin' },
  // Moving the engine's clock moves every customer's journey.
  { prefix: '/api/test-clock', read: 'admin', write: 'admin' },
];

const DEFAULT_RULE: Omit<AreaRule, 'prefix'> = { read: 'viewer', write: 'marketer' };

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The weakest role allowed `method` on `path` (a route pattern such as `/api/members/:userId`). */
export const requiredRole = (method: string, path: string): Role => {
  // Express matches routes case-insensitively, so the rule must too.
  const normalized = path.toLowerCase();
  const rule = AREA_RULES.find((candidate) => isUnder(normalized, candidate.prefix)) ?? DEFAULT_RULE;
  return isReadMethod(method) ? rule.read : rule.write;
};
