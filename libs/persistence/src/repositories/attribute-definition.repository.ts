import type { EntityManager } from 'typeorm';

export type AttributeDefinition = {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'date';
  label: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** An attribute found on profiles, with a sample of its values (to infer a type nobody declared). */
export type SeenAttribute = { name: string; customers: number; samples: unknown[] };

/** How many recent profiles are read to list the attributes in use: enough to see them, bounded on big workspaces. */
const SEEN_SAMPLE = 5000;

/** Declared attribute types per workspace. */
export class AttributeDefinitionRepository {
  constructor(private readonly db: EntityManager) {}

  async list(workspaceId: string): Promise<AttributeDefinition[]> {
    const rows: {
      name: string;
      type: AttributeDefinition['type'];
      label: string | null;
      created_at: Date;
      updated_at: Date;
    }[] = await this.db.query(
      'SELECT name, type, label, created_at, updated_at FROM attribute_definitions WHERE workspace_id = $1 ORDER BY name',
      [workspaceId],
    );
    return rows.map((row) => ({
      name: row.name,
      type: row.type,
      label: row.label,
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
    }));
  }

  /** The declared type of each attribute, by name. */
  async types(workspaceId: string): Promise<Map<string, AttributeDefinition['type']>> {
    return new Map((await this.list(workspaceId)).map((definition) => [definition.name, definition.type]));
  }

  async save(
    workspaceId: string,
    input: { name: string; type: AttributeDefinition['type']; label: string | null },
    now: Date,
  ): Promise<AttributeDefinition> {
    const rows: {
      name: string;
      type: AttributeDefinition['type'];
      label: string | null;
      created_at: Date;
      updated_at: Date;
    }[] = await this.db.query(
      `INSERT INTO attribute_definitions (workspace_id, name, type, label, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (workspace_id, name) DO UPDATE SET type = EXCLUDED.type, label = EXCLUDED.label,
           updated_at = EXCLUDED.updated_at
         RETURNING name, type, label, created_at, updated_at`,
      [workspaceId, input.name, input.type, input.label, now],
    );
    const row = rows[0] as (typeof rows)[number];
    return {
      name: row.name,
      type: row.type,
      label: row.label,
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
    };
  }

  async remove(workspaceId: string, name: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.db.query(
      'DELETE FROM attribute_definitions WHERE workspace_id = $1 AND name = $2',
      [workspaceId, name],
    );
    return count > 0;
  }

  /** Top-level attributes on the most recently updated profiles, with up to 20 sample values each. */
  async seen(workspaceId: string): Promise<SeenAttribute[]> {
    const rows: { name: string; customers: string; samples: unknown[] }[] = await this.db.query(
      `SELECT kv.key AS name, count(*) AS customers, jsonb_agg(kv.value) AS samples
         FROM (SELECT attributes FROM customers WHERE workspace_id = $1 ORDER BY updated_at DESC LIMIT ${SEEN_SAMPLE}) c,
              jsonb_each(c.attributes) kv
        GROUP BY kv.key ORDER BY kv.key`,
      [workspaceId],
    );
    return rows.map((row) => ({
      name: row.name,
      customers: Number(row.customers),
      samples: (row.samples ?? []).slice(0, 20),
    }));
  }
}
