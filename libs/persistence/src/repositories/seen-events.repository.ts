import type { EntityManager } from 'typeorm';

export type SeenPropertyType = 'string' | 'number' | 'boolean' | 'date' | 'list';
export type SeenEvent = {
  name: string;
  count: number;
  lastSeenAt: Date;
  properties: { path: string; type: SeenPropertyType }[];
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

const typeOf = (value: unknown): SeenPropertyType | null => {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return ISO_DATE.test(value) ? 'date' : 'string';
  if (Array.isArray(value)) return 'list';
  return null;
};

/**
 * The property paths of one event's properties: top-level values, one level into objects (`context.page`),
 * and the fields of objects in lists as `products.category` (how conditions address line items).
 */
export const propertyPaths = (properties: Record<string, unknown>): { path: string; type: SeenPropertyType }[] => {
  const found: { path: string; type: SeenPropertyType }[] = [];
  for (const [key, value] of Object.entries(properties)) {
    const items = Array.isArray(value) ? value.filter((item) => item && typeof item === 'object') : [];
    if (items.length > 0) {
      const fields = new Map<string, SeenPropertyType>();
      for (const item of items.slice(0, 20) as Record<string, unknown>[]) {
        for (const [field, inner] of Object.entries(item)) {
          const type = typeOf(inner);
          if (type && !fields.has(field)) fields.set(field, type);
        }
      }
      found.push(...[...fields].map(([field, type]) => ({ path: `${key}.${field}`, type })));
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [field, inner] of Object.entries(value as Record<string, unknown>)) {
        const type = typeOf(inner);
        if (type) found.push({ path: `${key}.${field}`, type });
      }
    } else {
      const type = typeOf(value);
      if (type) found.push({ path: key, type });
    }
  }
  return found;
};

/** Event names the workspace has received lately, with the properties seen on a sample of each. */
export class SeenEventsRepository {
  constructor(private readonly db: EntityManager) {}

  async recent(workspaceId: string, since: Date, limit = 100): Promise<SeenEvent[]> {
    const names: { name: string; count: number; last_seen_at: Date }[] = await this.db.query(
      `SELECT name, count(*)::int AS count, max(occurred_at) AS last_seen_at FROM events
        WHERE workspace_id = $1 AND type = 'track' AND name IS NOT NULL AND received_at >= $2
        GROUP BY name ORDER BY count(*) DESC, name LIMIT $3`,
      [workspaceId, since, limit],
    );
    if (names.length === 0) return [];
    // The latest 20 of each name tell its properties (and their types) well enough for a picker.
    const samples: { name: string; properties: Record<string, unknown> }[] = await this.db.query(
      `SELECT s.name, s.properties FROM unnest($2::text[]) AS n(name)
         CROSS JOIN LATERAL (SELECT name, properties FROM events
                              WHERE workspace_id = $1 AND type = 'track' AND name = n.name
                              ORDER BY occurred_at DESC LIMIT 20) s`,
      [workspaceId, names.map((row) => row.name)],
    );
    return names.map((row) => {
      const paths = new Map<string, SeenPropertyType>();
      for (const sample of samples.filter((s) => s.name === row.name)) {
        for (const { path, type } of propertyPaths(sample.properties ?? {}))
          if (!paths.has(path)) paths.set(path, type);
      }
      return {
        name: row.name,
        count: row.count,
        lastSeenAt: new Date(row.last_seen_at),
        properties: [...paths].map(([path, type]) => ({ path, type })).sort((a, b) => a.path.localeCompare(b.path)),
      };
    });
  }
}
