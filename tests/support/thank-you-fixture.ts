import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Stack } from './stack';

const docs = join(__dirname, '../../docs');

export const thankYouJourney = () => JSON.parse(readFileSync(join(docs, 'journeys/thank-you.json'), 'utf8'));

export const thankYouTemplate = () => {
  const { key: _key, ...template } = JSON.parse(readFileSync(join(docs, 'templates/thank-you.json'), 'utf8'));
  return template;
};

/** Creates the template and publishes the thank-you journey through the API, as a shop would. */
export const publishThankYou = async (stack: Stack): Promise<string> => {
  const template = await stack.request('PUT', '/api/templates/thank-you', thankYouTemplate());
  if (template.status !== 200) throw new Error(JSON.stringify(template.body));
  const created = await stack.request('POST', '/api/journeys', thankYouJourney());
  const published = await stack.request('POST', `/api/journeys/${created.body.id}/publish`);
  if (published.status !== 201) throw new Error(JSON.stringify(published.body));
  return created.body.id;
};

export const identify = (stack: Stack, userId: string, firstName: string) =>
  stack.track('/v1/identify', {
    userId,
    messageId: `identify-${userId}`,
    traits: { email: `${userId}@example.com`, firstName },
  });

export const order = (stack: Stack, userId: string, total: number, messageId: string) =>
  stack.track('/v1/track', { userId, event: 'Order Completed', messageId, properties: { total } });
