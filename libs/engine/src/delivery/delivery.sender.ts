import type { DataSource } from 'typeorm';
import { effectiveZone, type CustomerFacts } from '@rapport/journey';
import {
  ConsentRepository,
  DeliveryRepository,
  toCustomerFacts,
  type AttemptRecord,
  type ClaimedDelivery,
  type Clock,
  type DeliveryChannel,
  type DeliveryToSend,
} from '@rapport/persistence';
import type { JobPayload } from '../queue/job-catalog';
import { ChannelError, type DeliveryChannelSender } from './channels/channel';
import { afterQuietHours, deliveryRulesOf, type DeliveryRules } from './delivery-rules';

export type SendOutcome = 'sent' | 'skipped' | 'failed' | 'suppressed' | 'deferred' | 'unknown' | 'retry';

const DAY = 86_400_000;

/** Attempts, all rounds together, before a delivery is given up as failed (the dead letter shown in timelines). */
export const MAX_ATTEMPTS = 10;

/**
 * Why a rule said no: `why` stays English for operators (deliveries.reason, attempt details); `rule` and its raw
 * values go to the timeline, which words them in the reader's language (outcome.delivery.* in @rapport/messages).
 */
type RuleCode = 'quiet-hours' | 'frequency-cap' | 'consent-withdrawn' | 'no-consent' | 'no-recipient';
type RuleParams = { rule: RuleCode } & Record<string, unknown>;
type Verdict =
  | { send: true }
  | { send: false; suppress: string; rule: RuleParams }
  | { send: false; deferUntil: Date; because: string; rule: RuleParams };

/**
 * The one delivery pipeline every channel goes through: claim the outbox row (a compare-and-set only one attempt
 * wins), check the workspace's rules at send time (consent, quiet hours in the customer's zone, frequency caps),
 * hand it to the channel, and write the outcome with its reason to the enrollment history and the attempt table.
 */
export class DeliverySender {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly channels: Partial<Record<DeliveryChannel, DeliveryChannelSender>>,
  ) {}

  async run(payload: JobPayload<'send'>, options: { lastAttempt: boolean }): Promise<SendOutcome> {
    const deliveries = new DeliveryRepository(this.db.manager);
    const startedAt = await this.clock.now();
    const delivery = await deliveries.claim(payload.deliveryId, payload.round, startedAt);
    // Already done, or another attempt holds it: never risk a second copy.
    if (!delivery) return 'skipped';
    try {
      return await this.deliver(delivery, startedAt, options);
    } catch (error) {
      // Our own fault (the database went away, a bug): give the row back for the job's retry, never strand it.
      await deliveries
        .release(delivery.id, error instanceof Error ? error.message : String(error), startedAt)
        .catch(() => undefined);
      throw error;
    }
  }

  private async deliver(
    delivery: ClaimedDelivery,
    startedAt: Date,
    options: { lastAttempt: boolean },
  ): Promise<SendOutcome> {
    const deliveries = new DeliveryRepository(this.db.manager);
    // Each outcome is written with its attempt row in one statement: `[now, attempt]` for the repository's call.
    const attempt = async (outcome: AttemptRecord['outcome'], detail?: string): Promise<[Date, AttemptRecord]> => {
      const finishedAt = await this.clock.now();
      return [finishedAt, { attempt: delivery.attempts, startedAt, finishedAt, outcome, detail: detail ?? null }];
    };
    if (delivery.interrupted) {
      await deliveries.recordAttempt({
        deliveryId: delivery.id,
        attempt: delivery.attempts - 1,
        startedAt,
        finishedAt: startedAt,
        outcome: 'interrupted',
        detail: 'the worker stopped during this attempt; sent again with the same id, so the receiver can fold a copy',
      });
    }

    const loaded = await deliveries.loadForSend(delivery);
    const channel = this.channels[delivery.channel];
    if (!loaded || !channel) {
      const why = !loaded ? 'the customer no longer exists' : `the ${delivery.channel} channel is not configured`;
      const rule = !loaded ? 'customer-gone' : 'channel-not-configured';
      await this.fail(deliveries, delivery, why, await attempt('failed', why), rule);
      return 'failed';
    }
    const customer = toCustomerFacts(loaded.customer);
    const verdict = await this.judge(delivery, loaded, customer, channel, startedAt);
    if (!verdict.send && 'suppress' in verdict) {
      await deliveries.finish(
        delivery.id,
        {
          status: 'suppressed',
          reason: verdict.suppress,
          history: {
            code: 'delivery.suppressed',
            params: this.params(delivery, { why: verdict.suppress, ...verdict.rule }),
          },
        },
        ...(await attempt('suppressed', verdict.suppress)),
      );
      return 'suppressed';
    }
    if (!verdict.send) {
      await deliveries.defer(
        delivery.id,
        verdict.deferUntil,
        {
          code: 'delivery.deferred',
          params: this.params(delivery, {
            why: verdict.because,
            ...verdict.rule,
            until: verdict.deferUntil.toISOString(),
          }),
        },
        ...(await attempt('deferred', `${verdict.because} until ${verdict.deferUntil.toISOString()}`)),
      );
      return 'deferred';
    }

    try {
      const receipt = await channel.send({
        delivery,
        loaded,
        customer,
        idempotencyKey: delivery.id,
        rules: deliveryRulesOf(loaded.deliveryRules),
        now: startedAt,
      });
      await deliveries.finish(
        delivery.id,
        {
          status: 'sent',
          recipient: receipt.recipient,
          messageId: receipt.messageId,
          history: { code: `${delivery.channel}.sent`, params: this.params(delivery, { to: receipt.recipient }) },
        },
        ...(await attempt('sent')),
      );
      return 'sent';
    } catch (error) {
      const failure = error instanceof ChannelError ? error : new ChannelError('retryable', String(error));
      // Dead letter: a delivery that keeps failing stops after MAX_ATTEMPTS, across deferred rounds too.
      const exhausted = options.lastAttempt || delivery.attempts >= MAX_ATTEMPTS;
      if (failure.kind === 'permanent' || (failure.kind === 'retryable' && exhausted)) {
        await this.fail(deliveries, delivery, failure.message, await attempt('failed', failure.message));
        return 'failed';
      }
      if (failure.kind === 'unknown' && exhausted) {
        await deliveries.finish(
          delivery.id,
          {
            status: 'unknown',
            error: failure.message,
            history: { code: 'delivery.unknown', params: this.params(delivery, { error: failure.message }) },
          },
          ...(await attempt('unknown', failure.message)),
        );
        return 'unknown';
      }
      if (failure.retryAfterMs !== undefined) {
        // The receiver said when: come back then (a new round), rather than at BullMQ's next backoff.
        const until = new Date(startedAt.getTime() + Math.max(failure.retryAfterMs, 1000));
        await deliveries.defer(
          delivery.id,
          until,
          {
            code: 'delivery.deferred',
            params: this.params(delivery, { why: failure.message, rule: 'retry-after', until: until.toISOString() }),
          },
          ...(await attempt('deferred', failure.message)),
        );
        return 'deferred';
      }
      await deliveries.release(delivery.id, failure.message, ...(await attempt('retry', failure.message)));
      return 'retry';
    }
  }

  /** Consent, then quiet hours, then the frequency cap: the first rule that says no decides. */
  private async judge(
    delivery: ClaimedDelivery,
    loaded: DeliveryToSend,
    customer: CustomerFacts,
    channel: DeliveryChannelSender,
    now: Date,
  ): Promise<Verdict> {
    const rules: DeliveryRules = deliveryRulesOf(loaded.deliveryRules);
    if (!channel.recipientOf(customer, delivery))
      return {
        send: false,
        suppress: `the customer has no ${delivery.channel === 'sms' ? 'phone number' : 'email address'}`,
        rule: { rule: 'no-recipient' },
      };
    if (delivery.channel === 'webhook') return { send: true };
    const consent = await new ConsentRepository(this.db.manager).find(customer.id, delivery.channel);
    const consented = consent ? consent.granted : rules.consentDefaults[delivery.channel] === 'granted';
    if (!consented) {
      return {
        send: false,
        suppress: consent
          ? `the customer withdrew ${delivery.channel} consent (${consent.source})`
          : `no ${delivery.channel} consent`,
        // The source as a code ("unsubscribe link" -> unsubscribe-link) the catalog can pick words for.
        rule: consent
          ? { rule: 'consent-withdrawn', source: consent.source.trim().toLowerCase().replace(/\s+/g, '-') }
          : { rule: 'no-consent' },
      };
    }
    const quiet = afterQuietHours(
      rules,
      delivery.channel,
      now,
      effectiveZone(customer.timeZone, effectiveZone(loaded.workspaceTimeZone)),
    );
    if (!quiet.allowed)
      return { send: false, deferUntil: quiet.until, because: 'quiet hours', rule: { rule: 'quiet-hours' } };
    const cap = rules.frequencyCaps[delivery.channel];
    if (cap && !delivery.transactional) {
      const sent = await new DeliveryRepository(this.db.manager).countSentSince(
        customer.id,
        delivery.channel,
        new Date(now.getTime() - cap.days * DAY),
        delivery.id,
      );
      if (sent >= cap.max) {
        const why = `frequency cap: ${sent} ${delivery.channel} messages in ${cap.days} days`;
        const rule: RuleParams = { rule: 'frequency-cap', sent, max: cap.max, days: cap.days };
        // Deferred sends look again a day later, when the oldest message may have left the window.
        return cap.overCap === 'defer'
          ? { send: false, deferUntil: new Date(now.getTime() + DAY), because: why, rule }
          : { send: false, suppress: why, rule };
      }
    }
    return { send: true };
  }

  private async fail(
    deliveries: DeliveryRepository,
    delivery: ClaimedDelivery,
    why: string,
    [now, attempt]: [Date, AttemptRecord],
    // Our own reason as a code for the timeline; a channel's error stays the receiver's words (`error`).
    rule?: 'customer-gone' | 'channel-not-configured',
  ): Promise<void> {
    await deliveries.finish(
      delivery.id,
      {
        status: 'failed',
        error: why,
        history: {
          code: `${delivery.channel}.failed`,
          params: this.params(delivery, { error: why, ...(rule ? { rule } : {}) }),
        },
      },
      now,
      attempt,
    );
  }

  private params(delivery: ClaimedDelivery, extra: Record<string, unknown>): Record<string, unknown> {
    return { channel: delivery.channel, template: delivery.template_key, ...extra };
  }
}
