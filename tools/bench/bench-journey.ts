import { journeyDocumentSchema, type JourneyDocument } from '@rapport/journey';
import type { TemplateFields } from '@rapport/persistence';

export const BENCH_EVENT = 'Bench Purchase';

/** The shortest journey that exercises the whole pipeline: enroll on an event, send one email, leave. */
export const benchJourney: JourneyDocument = journeyDocumentSchema.parse({
  name: 'Bench: event -> email',
  nodes: [
    { id: 'purchase', kind: 'event-trigger', config: { event: BENCH_EVENT } },
    { id: 'receipt', kind: 'send-email', config: { template: 'bench' } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { from: 'purchase', output: 'next', to: 'receipt' },
    { from: 'receipt', output: 'next', to: 'done' },
  ],
});

// Uses a customer trait and an event property, so rendering does the work a real receipt does.
export const benchTemplate: TemplateFields = {
  key: 'bench',
  name: 'Bench receipt',
  subject: 'Thanks for order {{event.properties.orderId}}, {{firstName}}',
  html: '<h1>Thank you, {{firstName}}!</h1><p>Order <b>{{event.properties.orderId}}</b> came to {{event.properties.total}} EUR.</p><p>See you soon.</p>',
  text: 'Thank you, {{firstName}}! Order {{event.properties.orderId}} came to {{event.properties.total}} EUR. See you soon.',
};

/** What the baseline sends: the same size as a rendered bench mail, without rendering. */
export const baselineMail = (n: number) => ({
  from: 'Bench Shop <shop@bench.test>',
  to: `customer-${n}@bench.test`,
  subject: `Thanks for order B-${n}, Ada`,
  html: `<h1>Thank you, Ada!</h1><p>Order <b>B-${n}</b> came to 42 EUR.</p><p>See you soon.</p>`,
  text: `Thank you, Ada! Order B-${n} came to 42 EUR. See you soon.`,
  messageId: `<baseline-${n}@rapport.local>`,
});

export const MIXED_EVENT = 'Bench Mixed';

// One GSM-7 segment once rendered, with a trait and an event property like the email.
const BENCH_SMS_TEXT =
  'Thanks {{firstName}}! Order {{event.properties.orderId}} ({{event.properties.total}} EUR) is on its way.';

/** One message on every channel per customer: the email of the main journey, then an SMS, then a webhook call. */
export const mixedJourney = (webhookUrl: string): JourneyDocument =>
  journeyDocumentSchema.parse({
    name: 'Bench: event -> email -> SMS -> webhook',
    nodes: [
      { id: 'purchase', kind: 'event-trigger', config: { event: MIXED_EVENT } },
      { id: 'receipt', kind: 'send-email', config: { template: 'bench' } },
      { id: 'text', kind: 'send-sms', config: { text: BENCH_SMS_TEXT } },
      { id: 'alert', kind: 'call-webhook', config: { url: webhookUrl, topic: 'bench.purchase' } },
      { id: 'done', kind: 'exit', config: {} },
    ],
    edges: [
      { from: 'purchase', output: 'next', to: 'receipt' },
      { from: 'receipt', output: 'next', to: 'text' },
      { from: 'text', output: 'next', to: 'alert' },
      { from: 'alert', output: 'next', to: 'done' },
    ],
  });

export const BENCH_SMS_FROM = '+15550001111';
export const benchPhone = (n: number): string => `+1555${String(n).padStart(7, '0')}`;

/** What the bare SMS loop sends: the rendered bench SMS, keyed like a delivery. */
export const baselineSms = (n: number) => ({
  to: benchPhone(n),
  from: BENCH_SMS_FROM,
  body: `Thanks Ada! Order B-${n} (42 EUR) is on its way.`,
  idempotencyKey: `baseline-sms-${n}`,
});

/** What the bare webhook loop posts: the shape and size of the engine's `call-webhook` body. */
export const baselineWebhookBody = (n: number, now: Date) => ({
  type: 'bench.purchase',
  timestamp: now.toISOString(),
  data: {
    deliveryId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    enrollmentId: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
    nodeId: 'alert',
    customer: {
      id: `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`,
      externalId: `bench-${n}`,
      email: `customer-${n}@bench.test`,
      phone: benchPhone(n),
      attributes: { firstName: 'Ada', plan: 'gold' },
    },
    event: {
      id: `00000000-0000-4000-b000-${String(n).padStart(12, '0')}`,
      name: MIXED_EVENT,
      properties: { orderId: `B-${n}`, total: 42 },
      occurredAt: now.toISOString(),
    },
    coupon: null,
  },
});
