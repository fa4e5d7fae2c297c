import { randomBytes } from 'node:crypto';
import { WorkspaceRepository } from '@rapport/persistence';
import { inChinese } from '../support/in-chinese';
import { startStack, type Stack } from '../support/stack';

const repeatBuyers = {
  key: 'repeat-buyers',
  name: 'Bought twice in 90 days',
  definition: {
    all: [
      { attribute: { path: 'email', operator: 'exists' } },
      { history: { event: 'Order Completed', comparison: 'at-least', count: 2, withinDays: 90 } },
    ],
  },
};

const thankYouJourney = (audience: string) => ({
  name: 'Thank repeat buyers',
  nodes: [
    { id: 'joined', kind: 'audience-trigger', config: { audience } },
    { id: 'thanks', kind: 'send-email', config: { template: 'repeat-thanks' } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { from: 'joined', output: 'next', to: 'thanks' },
    { from: 'thanks', output: 'next', to: 'done' },
  ],
});

describe('saved audiences', () => {
  let stack: Stack;
  let audienceId: string;
  const otherApiKey = `sk_${randomBytes(16).toString('hex')}`;
  const mailsTo = (email: string) => stack.mail.messages().filter((mail) => mail.to.includes(email));
  const order = (userId: string, messageId: string) =>
    stack.track('/v1/track', { userId, messageId, event: 'Order Completed', properties: { total: 42 } });
  const asOther = async (method: string, path: string) => {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${otherApiKey}` },
    });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    stack = await startStack({
      label: 'audiences',
      clockStart: '2026-06-01T09:00:00Z',
      env: { AUDIENCE_RECOMPUTE_INTERVAL_MS: String(86_400_000) },
    });
    await new WorkspaceRepository(stack.db.dataSource).create({
      name: 'Other shop',
      writeKey: `wk_${randomBytes(12).toString('hex')}`,
      apiKey: otherApiKey,
      emailFrom: 'other@example.com',
      now: new Date('2026-06-01T09:00:00Z'),
    });
    await stack.request('PUT', '/api/templates/repeat-thanks', {
      name: 'Thanks',
      subject: 'Thank you for coming back',
      html: '<p>Thanks</p>',
    });
    for (const userId of ['ada', 'bob']) {
      await stack.track('/v1/identify', {
        userId,
        messageId: `id-${userId}`,
        traits: { email: `${userId}@example.com` },
      });
    }
  });

  afterAll(() => stack?.stop());

  it('should refuse a definition with a bad field, naming it, and save nothing', async () => {
    const bad = structuredClone(repeatBuyers);
    (bad.definition.all[1] as { history: { withinDays: number } }).history.withinDays = 0;

    const answer = await stack.request('POST', '/api/audiences', bad);

    expect(answer.status).toBe(400);
    expect(answer.body.error.issues).toEqual([
      { path: ['definition', 'all', 1, 'history', 'withinDays'], message: 'look back at least 1 day' },
    ]);
    expect((await stack.request('GET', '/api/audiences')).body.audiences).toEqual([]);
  });

  it('should refuse to publish a journey whose audience trigger names an audience that does not exist', async () => {
    const journey = await stack.request('POST', '/api/journeys', thankYouJourney('repeat-buyers'));

    const published = await stack.request('POST', `/api/journeys/${journey.body.id}/publish`);

    expect(published.status).toBe(422);
    expect(published.body.error.problems).toEqual([
      expect.objectContaining({ code: 'audience.unknown', nodeId: 'joined', path: ['config', 'audience'] }),
    ]);
  });

  it('should enroll a customer whose second order puts them in the audience, then drop them after 90 days', async () => {
    const created = await stack.request('POST', '/api/audiences', repeatBuyers);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'repeat-buyers', size: 0, sample: [] });
    audienceId = created.body.id;
    const journey = await stack.request('POST', '/api/journeys', thankYouJourney('repeat-buyers'));
    expect((await stack.request('POST', `/api/journeys/${journey.body.id}/publish`)).status).toBe(201);

    await order('ada', 'ada-1');
    await order('bob', 'bob-1');
    await stack.advanceClock('P1D');
    expect(mailsTo('ada@example.com')).toHaveLength(0);
    await order('ada', 'ada-2');
    await stack.advanceClock('PT1M');

    expect(mailsTo('ada@example.com')).toHaveLength(1);
    expect(mailsTo('bob@example.com')).toHaveLength(0);
    const audience = await stack.request('GET', `/api/audiences/${audienceId}`);
    expect(audience.body).toMatchObject({ size: 1, sample: [expect.objectContaining({ externalId: 'ada' })] });
    const preview = await stack.request('POST', '/api/audiences/preview', {
      definition: { history: { event: 'Order Completed', comparison: 'at-least', count: 1, withinDays: 30 } },
    });
    expect(preview.body).toMatchObject({
      size: 2,
      description: 'has done Order Completed at least once in the last 30 days',
    });
    expect((await inChinese(stack, 'GET', `/api/audiences/${audienceId}`)).body.description).toBe(
      '以下全部满足（email 已设置；并且 在最近 90 天内做过 Order Completed 至少 2 次）',
    );
    expect((await stack.request('GET', '/api/audiences')).body.audiences[0].description).toBe(
      'all of (email is set; has done Order Completed at least 2 times in the last 90 days)',
    );

    await stack.advanceClock('P91D');
    const recomputed = await stack.request('POST', `/api/audiences/${audienceId}/recompute`);
    // The workers' scheduled pass may have dropped her first (the interval is one day here), hence no `left` count.
    expect(recomputed.body).toMatchObject({ size: 0, entered: 0 });
    const after = await stack.request('GET', `/api/audiences/${audienceId}`);
    expect(after.body).toMatchObject({ size: 0, sample: [] });
    expect((await stack.request('GET', '/api/audiences')).body.audiences).toEqual([
      expect.objectContaining({ key: 'repeat-buyers', size: 0 }),
    ]);
  });

  it("should drop members whose orders grew old on the workers' schedule, without being asked", async () => {
    await order('bob', 'bob-2');
    await order('bob', 'bob-3');
    await stack.advanceClock('PT1M');
    expect(mailsTo('bob@example.com')).toHaveLength(1);
    expect((await stack.request('GET', `/api/audiences/${audienceId}`)).body.size).toBe(1);

    // AUDIENCE_RECOMPUTE_INTERVAL_MS is one day of engine time here; workers look each second (SWEEPER_INTERVAL_MS).
    await stack.advanceClock('P91D');
    const deadline = Date.now() + 15_000;
    let size = 1;
    while (size !== 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      size = (await stack.request('GET', `/api/audiences/${audienceId}`)).body.size;
    }
    expect(size).toBe(0);
  });

  it('should refuse to delete an audience a live journey enters customers from', async () => {
    const answer = await stack.request('DELETE', `/api/audiences/${audienceId}`);

    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toContain('Thank repeat buyers');
  });

  it("should hide one workspace's audiences from another", async () => {
    expect(await asOther('GET', '/api/audiences')).toEqual({ status: 200, body: { audiences: [] } });
    expect((await asOther('GET', `/api/audiences/${audienceId}`)).status).toBe(404);
    expect((await asOther('POST', `/api/audiences/${audienceId}/recompute`)).status).toBe(404);
  });
});
