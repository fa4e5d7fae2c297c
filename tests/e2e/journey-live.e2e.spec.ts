import { randomBytes } from 'node:crypto';
import { WorkspaceRepository } from '@rapport/persistence';
import { startStack, type Stack } from '../support/stack';
import { inChinese } from '../support/in-chinese';

type Counts = {
  nodes: Record<string, { now: number; passed: number }>;
  edges: Record<string, { passed: number; share: number | null }>;
};

/** `Signed Up` -> VIP? yes: wait 2 days, welcome email; no: exit at once. */
const welcomeJourney = {
  name: 'Welcome VIPs',
  nodes: [
    { id: 'signed-up', kind: 'event-trigger', config: { event: 'Signed Up' } },
    { id: 'vip', kind: 'attribute-condition', config: { source: 'profile', path: 'vip', operator: 'eq', value: true } },
    { id: 'wait', kind: 'wait-delay', config: { amount: 2, unit: 'days' } },
    { id: 'welcome', kind: 'send-email', config: { template: 'welcome' } },
    { id: 'done', kind: 'exit', config: {} },
    { id: 'not-vip', kind: 'exit', config: {} },
  ],
  edges: [
    { from: 'signed-up', output: 'next', to: 'vip' },
    { from: 'vip', output: 'yes', to: 'wait' },
    { from: 'vip', output: 'no', to: 'not-vip' },
    { from: 'wait', output: 'next', to: 'welcome' },
    { from: 'welcome', output: 'next', to: 'done' },
  ],
};

/** A server-sent-events reader over fetch, as a browser's EventSource reads the stream. */
const openStream = async (url: string, headers: Record<string, string>) => {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const nextCounts = async (): Promise<Counts> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n');
        if (lines.includes('event: counts')) {
          const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6));
          return JSON.parse(data.join('\n')) as Counts;
        }
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
  /** Reads counts until one passes `check`, within `timeoutMs`. */
  const until = async (check: (counts: Counts) => boolean, timeoutMs = 20_000): Promise<Counts> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error('no matching counts in time');
      const counts = await Promise.race([
        nextCounts(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no counts in time')), remaining)),
      ]);
      if (check(counts)) return counts;
    }
  };
  return { response, nextCounts, until, close: () => abort.abort() };
};

describe('journey screens API: duplicate, publish summary, live numbers, waiting customers', () => {
  let stack: Stack;
  let journeyId: string;
  const other = { apiKey: `sk_${randomBytes(16).toString('hex')}`, writeKey: `wk_${randomBytes(12).toString('hex')}` };
  let seq = 0;

  const signUp = async (userId: string, vip: boolean) => {
    seq += 1;
    await stack.track('/v1/identify', {
      userId,
      messageId: `id-${userId}`,
      traits: { email: `${userId}@example.com`, vip },
    });
    const tracked = await stack.track('/v1/track', {
      userId,
      event: 'Signed Up',
      messageId: `signup-${userId}-${seq}`,
    });
    expect(tracked.body).toMatchObject({ enrolled: 1 });
  };

  beforeAll(async () => {
    stack = await startStack({
      label: 'journey_live',
      env: { SMS_URL: 'twilio+http://AC0123456789:sms-token-5f1e@127.0.0.1:9?from=%2B15550001111' },
    });
    await new WorkspaceRepository(stack.db.dataSource).create({
      name: 'Other shop',
      writeKey: other.writeKey,
      apiKey: other.apiKey,
      emailFrom: 'other@example.com',
      now: new Date('2026-06-01T09:00:00Z'),
    });
    const template = await stack.request('PUT', '/api/templates/welcome', {
      name: 'Welcome',
      subject: 'Welcome {{firstName}}',
      html: '<p>Welcome</p>',
    });
    expect(template.status).toBe(200);
    const created = await stack.request('POST', '/api/journeys', welcomeJourney);
    journeyId = created.body.id;
    expect((await stack.request('POST', `/api/journeys/${journeyId}/publish`)).status).toBe(201);
  });

  afterAll(() => stack?.stop());

  it('should stream a new count on the wait step when a tracking event enrolls a customer', async () => {
    const sut = await openStream(`${stack.apiUrl}/api/journeys/${journeyId}/live`, {
      authorization: `Bearer ${stack.apiKey}`,
    });
    try {
      expect(sut.response.status).toBe(200);
      expect(sut.response.headers.get('content-type')).toContain('text/event-stream');
      expect(await sut.nextCounts()).toEqual({
        nodes: {},
        edges: { 'vip:yes->wait': { passed: 0, share: null }, 'vip:no->not-vip': { passed: 0, share: null } },
      });

      await signUp('ada', true);
      const counts = await sut.until((next) => next.nodes['wait']?.now === 1);

      expect(counts.nodes).toEqual({
        'signed-up': { now: 0, passed: 1 },
        vip: { now: 0, passed: 1 },
        wait: { now: 1, passed: 0 },
      });
      expect(counts.edges['vip:yes->wait']).toEqual({ passed: 1, share: 1 });
    } finally {
      sut.close();
    }
  });

  it('should give each branch its share of the customers when they split', async () => {
    const sut = await openStream(`${stack.apiUrl}/api/journeys/${journeyId}/live`, {
      authorization: `Bearer ${stack.apiKey}`,
    });
    try {
      // An hour later, so Grace moves on an hour after Ada.
      await stack.advanceClock('PT1H');
      await signUp('grace', true);
      await signUp('linus', false);
      await signUp('alan', false);
      const counts = await sut.until((next) => next.nodes['wait']?.now === 2 && next.nodes['not-vip']?.passed === 2);

      expect(counts.edges).toEqual({
        'vip:yes->wait': { passed: 2, share: 0.5 },
        'vip:no->not-vip': { passed: 2, share: 0.5 },
      });
      expect(counts.nodes['signed-up']).toEqual({ now: 0, passed: 4 });
    } finally {
      sut.close();
    }
  });

  it('should list the customers waiting at a step with when they move on, the next first', async () => {
    const sut = await stack.request('GET', `/api/journeys/${journeyId}/nodes/wait/waiting?limit=1`);

    expect(sut.status).toBe(200);
    expect(sut.body.total).toBe(2);
    expect(sut.body.customers).toEqual([
      {
        enrollmentId: expect.any(String),
        customerId: expect.any(String),
        externalId: 'ada',
        email: 'ada@example.com',
        version: 1,
        status: 'waiting',
        since: '2026-06-01T09:00:00.000Z',
        wakeAt: '2026-06-03T09:00:00.000Z',
        listeningFor: null,
      },
    ]);
    const nobody = await stack.request('GET', `/api/journeys/${journeyId}/nodes/welcome/waiting`);
    expect(nobody.body).toEqual({ nodeId: 'welcome', total: 0, customers: [] });
  });

  it('should stream to a signed-in member with the session cookie, as EventSource sends it', async () => {
    const member = await stack.request('POST', '/api/members', {
      email: 'viewer@shop.example',
      role: 'viewer',
      password: 'viewer-password-1',
    });
    expect(member.status).toBe(201);
    const login = await fetch(`${stack.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'viewer@shop.example', password: 'viewer-password-1' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .find((line) => line.startsWith('rapport_session='))!
      .split(';')[0]!;

    const sut = await openStream(`${stack.apiUrl}/api/journeys/${journeyId}/live`, { cookie });
    try {
      expect(sut.response.status).toBe(200);
      expect((await sut.nextCounts()).nodes['wait']).toEqual({ now: 2, passed: 0 });
    } finally {
      sut.close();
    }
    const anonymous = await fetch(`${stack.apiUrl}/api/journeys/${journeyId}/live`);
    expect(anonymous.status).toBe(401);
  });

  it('should say what publishing changes for the customers already in the journey', async () => {
    const draft = {
      ...welcomeJourney,
      nodes: [
        ...welcomeJourney.nodes.filter((node) => node.id !== 'wait' && node.id !== 'welcome'),
        { id: 'welcome', kind: 'send-email', label: 'Say welcome', config: { template: 'welcome' } },
        { id: 'coupon', kind: 'wait-delay', config: { amount: 1, unit: 'hours' } },
      ],
      edges: [
        { from: 'signed-up', output: 'next', to: 'vip' },
        { from: 'vip', output: 'yes', to: 'coupon' },
        { from: 'coupon', output: 'next', to: 'welcome' },
        { from: 'vip', output: 'no', to: 'not-vip' },
        { from: 'welcome', output: 'next', to: 'done' },
      ],
      settings: { goal: { event: 'Order Completed', withinDays: 14 } },
    };
    expect((await stack.request('PUT', `/api/journeys/${journeyId}`, draft)).status).toBe(200);

    const sut = await stack.request('GET', `/api/journeys/${journeyId}/publish-summary`);

    expect(sut.status).toBe(200);
    expect(sut.body).toMatchObject({ liveVersion: 1, nextVersion: 2, inJourney: 2, unchanged: false, problems: [] });
    expect(sut.body.nodes.removed).toEqual([
      {
        nodeId: 'wait',
        kind: 'wait-delay',
        label: null,
        title: 'Wait for a while',
        waiting: 2,
        outcome: {
          code: 'step.removed',
          params: { waiting: 2 },
          message:
            '2 customers here now stay on the version they entered and carry on along its steps; new entrants will not reach this step.',
        },
      },
    ]);
    expect(sut.body.nodes.added).toEqual([
      { nodeId: 'coupon', kind: 'wait-delay', label: null, title: 'Wait for a while' },
    ]);
    expect(
      sut.body.nodes.changed.map((node: { nodeId: string; changes: { code: string; message: string }[] }) => [
        node.nodeId,
        node.changes,
      ]),
    ).toEqual([
      ['vip', [{ code: 'connections', message: 'where it leads' }]],
      ['welcome', [{ code: 'label', before: null, after: 'Say welcome', message: 'name (no name → "Say welcome")' }]],
    ]);
    const messages = (edges: { message: string }[]) => edges.map((edge) => edge.message);
    expect(messages(sut.body.connections.added)).toEqual([
      'If an attribute matches ("yes") → Wait for a while',
      'Wait for a while → Say welcome',
    ]);
    expect(sut.body.connections.removed[0]).toEqual({
      from: { nodeId: 'vip', kind: 'attribute-condition', label: null },
      output: 'yes',
      to: { nodeId: 'wait', kind: 'wait-delay', label: null },
      message: 'If an attribute matches ("yes") → Wait for a while',
    });
    expect(sut.body.settings).toEqual([
      {
        field: 'goal',
        before: null,
        after: { event: 'Order Completed', where: [], sameAsTrigger: [], withinDays: 14, exitOnGoal: false },
        message: 'Goal (No goal → "Order Completed" within 14 days of entry)',
        outcome: {
          code: 'setting.goal',
          params: {},
          message:
            "Customers already in the journey are measured against their version's goal; new entrants against this one.",
        },
      },
    ]);

    // A program in Shanghai: the same codes and values, every sentence and step name in Chinese.
    const chinese = (await inChinese(stack, 'GET', `/api/journeys/${journeyId}/publish-summary`)).body;
    expect(chinese.nodes.removed[0]).toMatchObject({
      nodeId: 'wait',
      title: '等待一段时间',
      outcome: {
        code: 'step.removed',
        message: '此处现有 2 位客户，他们留在进入时的版本上，沿该版本的步骤继续；新进入的客户不会到达此步骤。',
      },
    });
    expect(chinese.nodes.changed[1].changes[0].message).toBe('名称（由 无名称 改为 “Say welcome”）');
    expect(messages(chinese.connections.added)).toEqual([
      '如果属性符合条件（“yes”出口） → 等待一段时间',
      '等待一段时间 → Say welcome',
    ]);
    expect(chinese.settings[0]).toMatchObject({
      field: 'goal',
      before: null,
      message: '目标（由 无目标 改为 进入后 14 天内发生 “Order Completed”）',
      outcome: { code: 'setting.goal', message: '已在旅程中的客户按其版本的目标衡量；新进入的客户按此目标衡量。' },
    });
  });

  it('should copy a journey into a new draft and leave the original as it was', async () => {
    const sut = await stack.request('POST', `/api/journeys/${journeyId}/duplicate`);

    expect(sut.status).toBe(201);
    expect(sut.body).toMatchObject({ name: 'Copy of Welcome VIPs', status: 'draft', latestVersion: null });
    expect(sut.body.id).not.toBe(journeyId);
    const original = await stack.request('GET', `/api/journeys/${journeyId}`);
    expect(sut.body.draft.nodes).toEqual(original.body.draft.nodes);
    expect(original.body).toMatchObject({ name: 'Welcome VIPs', status: 'live', latestVersion: 1 });
    const copySummary = await stack.request('GET', `/api/journeys/${sut.body.id}/publish-summary`);
    expect(copySummary.body).toMatchObject({ liveVersion: null, nextVersion: 1, inJourney: 0 });
    // A Chinese marketer's copy is named the Chinese way.
    const chinese = await inChinese(stack, 'POST', `/api/journeys/${journeyId}/duplicate`);
    expect(chinese.body.name).toBe('Welcome VIPs（副本）');
  });

  it('should name the email and SMS providers for channel settings without any credential', async () => {
    const sut = await stack.request('GET', '/api/settings/channels');

    expect(sut.status).toBe(200);
    expect(sut.body).toEqual({
      email: {
        provider: 'SMTP',
        server: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
        secure: false,
        from: 'Test Shop <shop@example.com>',
      },
      sms: { provider: 'Twilio', server: '127.0.0.1:9', from: '+15550001111' },
    });
    expect(JSON.stringify(sut.body)).not.toMatch(/sms-token-5f1e|AC0123456789/);
  });

  it("should answer 404 to another workspace's key on every new route, without opening a stream", async () => {
    const asOther = (method: string, path: string) =>
      fetch(`${stack.apiUrl}${path}`, { method, headers: { authorization: `Bearer ${other.apiKey}` } });

    const answers = await Promise.all([
      asOther('GET', `/api/journeys/${journeyId}/live`),
      asOther('GET', `/api/journeys/${journeyId}/nodes/wait/waiting`),
      asOther('GET', `/api/journeys/${journeyId}/publish-summary`),
      asOther('POST', `/api/journeys/${journeyId}/duplicate`),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
    expect(answers[0]!.headers.get('content-type')).toContain('application/json');
    // The original and the two copies made above: the other workspace's duplicate made none.
    const journeys = await stack.request('GET', '/api/journeys');
    expect(journeys.body.journeys).toHaveLength(3);
  });
});
