import type { EntityManager } from 'typeorm';

/** Reads an installation secret once per process (they never change while running). */
export class InstallationSecretRepository {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(private readonly db: EntityManager) {}

  get(name: 'unsubscribe'): Promise<string> {
    let value = this.cache.get(name);
    if (!value) {
      value = this.db
        .query('SELECT value FROM installation_secrets WHERE name = $1', [name])
        .then((rows: { value: string }[]) => {
          if (!rows[0]) throw new Error(`installation secret "${name}" is missing: run the migrations`);
          return rows[0].value;
        });
      value.catch(() => this.cache.delete(name));
      this.cache.set(name, value);
    }
    return value;
  }
}
