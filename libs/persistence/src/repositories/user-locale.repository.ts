import type { EntityManager } from 'typeorm';

/** The language a marketer reads Rapport in (`users.locale`), kept with their account so every browser opens in it. */
export class UserLocaleRepository {
  constructor(private readonly db: EntityManager) {}

  /** Answers false when the user no longer exists. */
  async set(userId: string, locale: string): Promise<boolean> {
    const [, updated]: [unknown[], number] = await this.db.query('UPDATE users SET locale = $2 WHERE id = $1', [
      userId,
      locale,
    ]);
    return updated > 0;
  }
}
