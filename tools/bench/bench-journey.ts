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
