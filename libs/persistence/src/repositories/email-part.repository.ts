import type { EntityManager } from 'typeorm';

export type EmailPartKind = 'layout' | 'partial';
export type EmailPart = { kind: EmailPartKind; name: string; html: string; text: string | null; updatedAt: Date };

/** What one email needs besides its template: its layout (if it names one) and every partial of the workspace. */
export type EmailDesign = { layout: { html: string; text: string | null } | null; partials: Record<string, string> };

type Row = { kind: EmailPartKind; name: string; html: string; text: string | null; updated_at: Date };

const toPart = (row: Row): EmailPart => ({
  kind: row.kind,
  name: row.name,
  html: row.html,
  text: row.text,
  updatedAt: row.updated_at,
});

/** Layouts and partials, shared by every template of a workspace. */
export class EmailPartRepository {
  constructor(private readonly db: EntityManager) {}

  async list(workspaceId: string): Promise<EmailPart[]> {
    const rows: Row[] = await this.db.query(
      `SELECT kind, name, html, text, updated_at FROM email_parts WHERE workspace_id = $1 ORDER BY kind, name`,
      [workspaceId],
    );
    return rows.map(toPart);
  }

  async find(workspaceId: string, kind: EmailPartKind, name: string): Promise<EmailPart | null> {
    const rows: Row[] = await this.db.query(
      `SELECT kind, name, html, text, updated_at FROM email_parts WHERE workspace_id = $1 AND kind = $2 AND name = $3`,
      [workspaceId, kind, name],
    );
    return rows[0] ? toPart(rows[0]) : null;
  }

  async save(
    workspaceId: string,
    part: { kind: EmailPartKind; name: string; html: string; text?: string | null },
    now: Date,
  ): Promise<EmailPart> {
    const rows: Row[] = await this.db.query(
      `INSERT INTO email_parts (workspace_id, kind, name, html, text, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (workspace_id, kind, name) DO UPDATE SET html = EXCLUDED.html, text = EXCLUDED.text,
         updated_at = EXCLUDED.updated_at
       RETURNING kind, name, html, text, updated_at`,
      [workspaceId, part.kind, part.name, part.html, part.text ?? null, now],
    );
    return toPart(rows[0]!);
  }

  async remove(workspaceId: string, kind: EmailPartKind, name: string): Promise<boolean> {
    // A DELETE answers [rows, count] through TypeORM.
    const [, count]: [unknown[], number] = await this.db.query(
      `DELETE FROM email_parts WHERE workspace_id = $1 AND kind = $2 AND name = $3`,
      [workspaceId, kind, name],
    );
    return count > 0;
  }

  /** The keys of the templates that name this layout (a layout in use cannot be deleted). */
  async templatesUsingLayout(workspaceId: string, name: string): Promise<string[]> {
    const rows: { key: string }[] = await this.db.query(
      `SELECT key FROM templates WHERE workspace_id = $1 AND layout = $2 ORDER BY key`,
      [workspaceId, name],
    );
    return rows.map((row) => row.key);
  }

  /** Templates and parts that call this partial (`{{> name}}`): it cannot be deleted while they do. */
  async usersOfPartial(workspaceId: string, name: string): Promise<string[]> {
    const pattern = `\\{\\{~?>\\s*${name.replace(/[-_]/g, '\\$&')}(\\s|~|\\})`;
    const rows: { who: string }[] = await this.db.query(
      `SELECT 'template ' || key AS who FROM templates
        WHERE workspace_id = $1 AND (html ~ $2 OR coalesce(text, '') ~ $2 OR subject ~ $2)
       UNION ALL
       SELECT kind || ' ' || name FROM email_parts
        WHERE workspace_id = $1 AND NOT (kind = 'partial' AND name = $3) AND (html ~ $2 OR coalesce(text, '') ~ $2)
       ORDER BY 1`,
      [workspaceId, pattern, name],
    );
    return rows.map((row) => row.who);
  }

  /** The layout named (null: none) and all partials, for rendering one email. */
  async design(workspaceId: string, layout: string | null): Promise<EmailDesign> {
    const rows: Row[] = await this.db.query(
      `SELECT kind, name, html, text, updated_at FROM email_parts
        WHERE workspace_id = $1 AND (kind = 'partial' OR (kind = 'layout' AND name = $2))`,
      [workspaceId, layout],
    );
    const found = rows.find((row) => row.kind === 'layout');
    return {
      layout: found ? { html: found.html, text: found.text } : null,
      partials: Object.fromEntries(rows.filter((row) => row.kind === 'partial').map((row) => [row.name, row.html])),
    };
  }
}
