import type { EntityManager } from 'typeorm';
import { TemplateEntity } from '../entities';

export type TemplateFields = {
  key: string;
  name: string;
  subject: string;
  html: string;
  text?: string | null;
  layout?: string | null;
};

export class TemplateRepository {
  constructor(private readonly db: EntityManager) {}

  list(workspaceId: string): Promise<TemplateEntity[]> {
    return this.db.getRepository(TemplateEntity).find({ where: { workspaceId }, order: { key: 'ASC' } });
  }

  findByKey(workspaceId: string, key: string): Promise<TemplateEntity | null> {
    return this.db.getRepository(TemplateEntity).findOneBy({ workspaceId, key });
  }

  findById(workspaceId: string, id: string): Promise<TemplateEntity | null> {
    return this.db.getRepository(TemplateEntity).findOneBy({ workspaceId, id });
  }

  async keys(workspaceId: string): Promise<Set<string>> {
    const rows: { key: string }[] = await this.db.query('SELECT key FROM templates WHERE workspace_id = $1', [
      workspaceId,
    ]);
    return new Set(rows.map((row) => row.key));
  }

  /** Creates or replaces the template with this key (a PUT by key is idempotent). */
  async save(workspaceId: string, fields: TemplateFields, now: Date): Promise<TemplateEntity> {
    await this.db.query(
      `INSERT INTO templates (workspace_id, key, name, subject, html, text, layout, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $8, $7, $7)
       ON CONFLICT (workspace_id, key) DO UPDATE SET name = EXCLUDED.name, subject = EXCLUDED.subject,
         html = EXCLUDED.html, text = EXCLUDED.text, layout = EXCLUDED.layout, updated_at = EXCLUDED.updated_at`,
      [
        workspaceId,
        fields.key,
        fields.name,
        fields.subject,
        fields.html,
        fields.text ?? null,
        now,
        fields.layout ?? null,
      ],
    );
    return (await this.findByKey(workspaceId, fields.key))!;
  }

  async remove(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db.getRepository(TemplateEntity).delete({ workspaceId, id });
    return (result.affected ?? 0) > 0;
  }
}
