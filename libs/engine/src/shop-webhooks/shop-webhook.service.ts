import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import {
  SHOPIFY_HEADERS,
  headerValue,
  parseJsonKeepingBigIntegers,
  verifyShopifyWebhook,
  verifyWebhook,
  type IncomingHeaders,
} from '@rapport/channels';
import {
  ProductRepository,
  ShopSourceRepository,
  ShopWebhookRepository,
  type Clock,
  type ShopSource,
} from '@rapport/persistence';
import type { TrackingService } from '../tracking/tracking.service';
import { parsePayload } from './payload-schema';
import { envelopeSchema, mapRapportWebhook } from './rapport-topics';
import { ShopWebhookError, type ShopChange } from './shop-change';
import { customerMessages, orderMessages } from './shop-messages';
import { mapShopifyWebhook } from './shopify-topics';

/** Received webhook ids are kept at least this long: longer than any sender retries or our staleness windows. */
export const MIN_RETENTION_DAYS = 7;
export const DEFAULT_RETENTION_DAYS = 30;
/** `shop:<source uuid>:<webhook id>:customer` must fit the events' 200-character messageId. */
const MAX_WEBHOOK_ID_LENGTH = 150;

export type ShopWebhookDelivery = { sourceKey: string; headers: IncomingHeaders; body: Buffer };

export type ShopWebhookReceipt = {
  webhookId: string;
  topic: string;
  /** A delivery of a webhook id already handled: acknowledged, nothing done. */
  duplicate: boolean;
  status: 'processed' | 'ignored';
  outcome: string;
};

type Verified = { webhookId: string; topic: string; change: ShopChange };

const refusal: Record<'missing-headers' | 'bad-signature', string> = {
  'missing-headers': 'A signature header is missing or unreadable',
  'bad-signature': "The signature does not match this body with any of the source's secrets.",
};

/**
 * Receives a shop's signed webhooks: verifies the signature over the raw body, stores each webhook id once,
 * and turns orders and customers into tracking messages (through `TrackingService.ingest`, so triggers, goals,
 * waits and computed attributes react exactly as for the Segment API) and products into the catalog.
 */
export class ShopWebhookService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly tracking: TrackingService,
    private readonly logger: Logger,
  ) {}

  async receive(delivery: ShopWebhookDelivery): Promise<ShopWebhookReceipt> {
    const sources = new ShopSourceRepository(this.db.manager);
    const source = await sources.findByKey(delivery.sourceKey);
    if (!source) throw new ShopWebhookError('unknown-source', 'No shop webhook source has this key.');
    const now = await this.clock.now();
    const verified = this.verify(source, delivery, await sources.secrets(source), now);

    const received = new ShopWebhookRepository(this.db.manager);
    const claim = await received.claim(
      { sourceId: source.id, workspaceId: source.workspaceId, webhookId: verified.webhookId, topic: verified.topic },
      now,
    );
    const log = { source: source.id, webhookId: verified.webhookId, topic: verified.topic };
    if (claim === 'done') {
      this.logger.info({ ...log, duplicate: true }, 'shop webhook repeated; ignored');
      return {
        webhookId: verified.webhookId,
        topic: verified.topic,
        duplicate: true,
        status: 'processed',
        outcome: 'already received',
      };
    }
    // A failure below leaves the row 'received': the sender's retry handles it again (every step is idempotent).
    const { status, outcome } = await this.apply(source, verified);
    await received.finish(
      { sourceId: source.id, webhookId: verified.webhookId, status, outcome },
      await this.clock.now(),
    );
    this.logger.info({ ...log, status, outcome }, 'shop webhook received');
    return { webhookId: verified.webhookId, topic: verified.topic, duplicate: false, status, outcome };
  }

  /** Signature first (over the raw bytes), then the payload: an unsigned request is never parsed. */
  private verify(source: ShopSource, delivery: ShopWebhookDelivery, secrets: string[], now: Date): Verified {
    const { headers, body } = delivery;
    const refuse = (reason: 'missing-headers' | 'bad-signature' | 'stale', message: string, header?: string) => {
      this.logger.warn({ source: source.id, reason, header }, 'shop webhook refused');
      return new ShopWebhookError(reason, message, header ? { reason, header } : { reason });
    };
    if (source.scheme === 'shopify') {
      const result = verifyShopifyWebhook({ headers, body, secrets, now });
      if (!result.ok) {
        throw result.reason === 'stale'
          ? refuse('stale', 'X-Shopify-Triggered-At is more than 48 hours old or in the future: refused as a replay.')
          : refuse(
              result.reason,
              result.header ? `The ${result.header} header is missing or unreadable.` : refusal[result.reason],
              result.header,
            );
      }
      const topic = headerValue(headers, SHOPIFY_HEADERS.topic);
      if (!topic) throw refuse('missing-headers', 'The x-shopify-topic header is missing.', SHOPIFY_HEADERS.topic);
      const webhookId = this.webhookId(headerValue(headers, SHOPIFY_HEADERS.webhookId) as string);
      const payload = this.parseJson(body);
      const shopDomain = headerValue(headers, SHOPIFY_HEADERS.shopDomain) ?? null;
      return { webhookId, topic, change: mapShopifyWebhook(topic, payload, { shopDomain, receivedAt: now }) };
    }
    const result = verifyWebhook({ headers, body, secrets, now });
    if (!result.ok) {
      throw result.reason === 'stale'
        ? refuse('stale', 'webhook-timestamp is more than 5 minutes away from our clock: refused as a replay.')
        : refuse(
            result.reason,
            result.reason === 'missing-headers'
              ? 'webhook-id, webhook-timestamp and webhook-signature are all required (Standard Webhooks).'
              : refusal[result.reason],
          );
    }
    const webhookId = this.webhookId(headerValue(headers, 'webhook-id') as string);
    const envelope = parsePayload(envelopeSchema, this.parseJson(body), 'webhook body');
    return {
      webhookId,
      topic: envelope.type,
      change: mapRapportWebhook(envelope.type, envelope.timestamp, envelope.data),
    };
  }

  private webhookId(id: string): string {
    if (id.length > MAX_WEBHOOK_ID_LENGTH) {
      throw new ShopWebhookError(
        'invalid-payload',
        `The webhook id is longer than ${MAX_WEBHOOK_ID_LENGTH} characters.`,
      );
    }
    return id;
  }

  private parseJson(body: Buffer): unknown {
    try {
      return parseJsonKeepingBigIntegers(body.toString('utf8'));
    } catch (error) {
      throw new ShopWebhookError('invalid-payload', `The body is not valid JSON: ${(error as Error).message}`);
    }
  }

  private async apply(
    source: ShopSource,
    { webhookId, change }: Verified,
  ): Promise<{ status: 'processed' | 'ignored'; outcome: string }> {
    const workspaceId = source.workspaceId;
    // Derived from the webhook id, so the tracking store dedupes a redelivery too.
    const messageIdBase = `shop:${source.id}:${webhookId}`;
    switch (change.kind) {
      case 'ignored':
        return { status: 'ignored', outcome: change.why };
      case 'product': {
        const written = await new ProductRepository(this.db.manager).upsert(workspaceId, change.product);
        return {
          status: 'processed',
          outcome: written
            ? `product ${change.product.productId} synced`
            : `product ${change.product.productId} unchanged: the catalog holds a newer version`,
        };
      }
      case 'customer': {
        const result = await this.tracking.ingest(workspaceId, customerMessages(change.customer, messageIdBase));
        return {
          status: 'processed',
          outcome: result.stored > 0 ? 'profile updated' : 'profile update already stored',
        };
      }
      case 'order': {
        const productIds = change.order.lines.flatMap((line) => (line.productId ? [line.productId] : []));
        const catalog = await new ProductRepository(this.db.manager).findMany(workspaceId, productIds);
        const messages = orderMessages(change.order, catalog, messageIdBase);
        if (messages.length === 0) {
          return { status: 'ignored', outcome: `order ${change.order.orderId} has no customer id or email` };
        }
        const result = await this.tracking.ingest(workspaceId, messages);
        const stored = messages.length - result.duplicates;
        return {
          status: 'processed',
          outcome:
            stored > 0
              ? `order ${change.order.orderId}: Order Completed stored, ${result.enrolled} enrolled`
              : `order ${change.order.orderId}: already stored`,
        };
      }
    }
  }

  /** See `purgeReceivedShopWebhooks`. */
  purgeReceived(retentionDays = DEFAULT_RETENTION_DAYS): Promise<number> {
    return purgeReceivedShopWebhooks({ db: this.db, clock: this.clock }, retentionDays);
  }
}

/**
 * Deletes received-webhook rows older than `retentionDays` (at least 7: longer than Shopify's retries and both
 * staleness windows, so a replay that passes the signature and time checks always finds its id). Cheap (an
 * indexed DELETE), safe on several workers at once: for the worker's periodic sweep, or any scheduler.
 */
export const purgeReceivedShopWebhooks = async (
  engine: { db: DataSource; clock: Clock },
  retentionDays = DEFAULT_RETENTION_DAYS,
): Promise<number> => {
  if (!Number.isFinite(retentionDays) || retentionDays < MIN_RETENTION_DAYS) {
    throw new Error(`shop webhook retention must be at least ${MIN_RETENTION_DAYS} days, got ${retentionDays}`);
  }
  const cutoff = new Date((await engine.clock.now()).getTime() - retentionDays * 24 * 60 * 60 * 1000);
  return new ShopWebhookRepository(engine.db.manager).purgeReceivedBefore(cutoff);
};
