import type { DataSource } from 'typeorm';
import { WorkspaceEntity } from '../entities';
import { digestKey } from './keys';

export type NewWorkspace = {
  name: string;
  writeKey: string;
  apiKey: string;
  timeZone?: string;
  emailFrom: string;
  now: Date;
};

export class WorkspaceRepository {
  constructor(private readonly db: DataSource) {}

  async create(input: NewWorkspace): Promise<WorkspaceEntity> {
    return this.db.getRepository(WorkspaceEntity).save({
      name: input.name,
      writeKeyHash: digestKey(input.writeKey),
      apiKeyHash: digestKey(input.apiKey),
      timeZone: input.timeZone ?? 'UTC',
      emailFrom: input.emailFrom,
      createdAt: input.now,
    });
  }

  findByWriteKey(writeKey: string): Promise<WorkspaceEntity | null> {
    return this.db.getRepository(WorkspaceEntity).findOneBy({ writeKeyHash: digestKey(writeKey) });
  }

  findByApiKey(apiKey: string): Promise<WorkspaceEntity | null> {
    return this.db.getRepository(WorkspaceEntity).findOneBy({ apiKeyHash: digestKey(apiKey) });
  }

  findById(id: string): Promise<WorkspaceEntity | null> {
    return this.db.getRepository(WorkspaceEntity).findOneBy({ id });
  }

  findByName(name: string): Promise<WorkspaceEntity | null> {
    return this.db.getRepository(WorkspaceEntity).findOneBy({ name });
  }

  /** Sets both keys (the demo seed honours RAPPORT_DEMO_* on every start). */
  async setKeys(id: string, keys: { writeKey: string; apiKey: string }): Promise<void> {
    await this.db
      .getRepository(WorkspaceEntity)
      .update({ id }, { writeKeyHash: digestKey(keys.writeKey), apiKeyHash: digestKey(keys.apiKey) });
  }
}
