import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { generateWebhookSecret, isWebhookSecret } from '@rapport/channels';
import {
  ShopSourceRepository,
  ShopWebhookRepository,
  secretHint,
  type Clock,
  type ReceivedWebhook,
  type ShopScheme,
  type ShopSecretSummary,
  type ShopSource,
} from '@rapport/persistence';
import { ShopWebhookError } from './shop-change';

/** Each active secret costs one HMAC per request; rotation needs two, a few more is plenty. */
export const MAX_SECRETS_PER_SOURCE = 5;

export type ShopSourceView = {
  id: string;
  name: string;
  scheme: ShopScheme;
  /** The path segment of the webhook URL. */
  key: string;
  webhookUrl: string;
  secrets: ShopSecretSummary[];
  createdAt: Date;
};

/** A secret just added; `secret` only when Rapport generated it (shown once, to paste into the sender). */
export type AddedSecret = ShopSecretSummary & { secret?: string };

const SHOPIFY_SECRET = /^\S{8,500}$/;

/** The management side of shop webhooks: sources, their rotatable secrets, recent deliveries. */
export class ShopSourcesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    /** `PUBLIC_URL`: the base of the webhook URL a shop is given. */
    private readonly publicUrl: string,
  ) {}

  private async view(source: ShopSource): Promise<ShopSourceView> {
    return {
      id: source.id,
      name: source.name,
      scheme: source.scheme,
      key: source.key,
      webhookUrl: `${this.publicUrl}/webhooks/shop/${source.key}`,
      secrets: await new ShopSourceRepository(this.db.manager).secretSummaries(source),
      createdAt: source.createdAt,
    };
  }

  private async sourceOrThrow(workspaceId: string, id: string): Promise<ShopSource> {
    const source = await new ShopSourceRepository(this.db.manager).find(workspaceId, id);
    if (!source) throw new ShopWebhookError('unknown-source', 'Shop webhook source was not found.');
    return source;
  }

  async create(workspaceId: string, input: { name: string; scheme: ShopScheme }): Promise<ShopSourceView> {
    const source = await new ShopSourceRepository(this.db.manager).create(workspaceId, input, await this.clock.now());
    return this.view(source);
  }

  async list(workspaceId: string): Promise<ShopSourceView[]> {
    const sources = await new ShopSourceRepository(this.db.manager).list(workspaceId);
    return Promise.all(sources.map((source) => this.view(source)));
  }

  async get(workspaceId: string, id: string): Promise<ShopSourceView> {
    return this.view(await this.sourceOrThrow(workspaceId, id));
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    if (!(await new ShopSourceRepository(this.db.manager).remove(workspaceId, id))) {
      throw new ShopWebhookError('unknown-source', 'Shop webhook source was not found.');
    }
  }

  /**
   * Adds a secret: the one given (Shopify's app secret, or a `whsec_` secret the sender made), or a new random
   * one of the source's scheme. Old secrets stay valid until removed, so senders can switch without a gap.
   */
  async addSecret(workspaceId: string, sourceId: string, given?: string): Promise<AddedSecret> {
    const source = await this.sourceOrThrow(workspaceId, sourceId);
    if (given !== undefined) {
      const valid = source.scheme === 'shopify' ? SHOPIFY_SECRET.test(given) : isWebhookSecret(given);
      if (!valid) {
        throw new ShopWebhookError(
          'invalid-secret',
          source.scheme === 'shopify'
            ? 'secret: a Shopify secret is 8 to 500 characters without spaces.'
            : 'secret: a Standard Webhooks secret is "whsec_" followed by base64.',
          { scheme: source.scheme },
        );
      }
    }
    const secret = given ?? (source.scheme === 'shopify' ? randomBytes(32).toString('hex') : generateWebhookSecret());
    const now = await this.clock.now();
    const added = await this.db.transaction((manager) =>
      new ShopSourceRepository(manager).addSecret(source, secret, MAX_SECRETS_PER_SOURCE, now),
    );
    if (!added) {
      throw new ShopWebhookError(
        'secret-limit',
        `This source already has ${MAX_SECRETS_PER_SOURCE} secrets: remove one it no longer uses first.`,
        { limit: MAX_SECRETS_PER_SOURCE },
      );
    }
    return given === undefined ? { ...added, secret } : { ...added, hint: secretHint(secret) };
  }

  async removeSecret(workspaceId: string, sourceId: string, secretId: string): Promise<void> {
    const source = await this.sourceOrThrow(workspaceId, sourceId);
    if (!(await new ShopSourceRepository(this.db.manager).removeSecret(source, secretId))) {
      throw new ShopWebhookError('unknown-secret', 'This secret was not found on this source.');
    }
  }

  /** The latest deliveries of a source (id, topic, what was done), newest first. */
  async recent(workspaceId: string, sourceId: string, limit = 50): Promise<ReceivedWebhook[]> {
    const source = await this.sourceOrThrow(workspaceId, sourceId);
    return new ShopWebhookRepository(this.db.manager).recent(workspaceId, source.id, limit);
  }
}
