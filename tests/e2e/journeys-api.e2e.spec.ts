import { startStack, type Stack } from '../support/stack';
import { thankYouJourney, thankYouTemplate } from '../support/thank-you-fixture';

describe('journeys API', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ label: 'journeys' });
  });

  afterAll(() => stack?.stop());

  it('should create the documented thank-you journey as a draft when posted as is', async () => {
    const sut = await stack.request('POST', '/api/journeys', thankYouJourney());

    expect(sut.status).toBe(201);
    expect(sut.body).toMatchObject({ name: 'Thank you for a big order', status: 'draft', latestVersion: null });
    expect(sut.body.draft.nodes).toHaveLength(6);
  });

  it('should refuse to publish with 422 listing each problem with its node when the journey is invalid', async () => {
    const broken = thankYouJourney();
    broken.edges = broken.edges.filter((edge: { output: string }) => edge.output !== 'no');
    broken.nodes[1].config = { amount: 0, unit: 'days' };
    const created = await stack.request('POST', '/api/journeys', broken);

    const sut = await stack.request('POST', `/api/journeys/${created.body.id}/publish`);

    expect(sut.status).toBe(422);
    expect(sut.body.error.code).toBe('journey.invalid');
    const problems = sut.body.error.problems.map((p: { code: string; nodeId: string; message: string }) => [
      p.code,
      p.nodeId,
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['node.invalid-config', 'wait-2-days'],
        ['template.unknown', 'thank-you'],
        ['output.dangling', 'big-order'],
        ['node.unreachable', 'small-order'],
      ]),
    );
    expect(sut.body.error.problems.every((p: { message: string }) => p.message.length > 10)).toBe(true);
    expect((await stack.request('GET', `/api/journeys/${created.body.id}/versions`)).body.versions).toEqual([]);
  });

  it('should publish immutable versions when the draft changes after publishing', async () => {
    await stack.request('PUT', '/api/templates/thank-you', thankYouTemplate());
    const created = await stack.request('POST', '/api/journeys', thankYouJourney());
    const id = created.body.id;

    const published = await stack.request('POST', `/api/journeys/${id}/publish`);
    expect(published.status).toBe(201);
    const edited = thankYouJourney();
    edited.nodes[1].config = { amount: 5, unit: 'days' };
    expect((await stack.request('PUT', `/api/journeys/${id}`, edited)).status).toBe(200);

    const v1 = await stack.request('GET', `/api/journeys/${id}/versions/1`);
    expect(v1.body.document.nodes[1].config).toEqual({ amount: 2, unit: 'days' });
    const change = await stack.request('PUT', `/api/journeys/${id}/versions/1`, edited);
    expect(change.status).toBe(405);
    expect(change.body.error.code).toBe('version.immutable');

    const republished = await stack.request('POST', `/api/journeys/${id}/publish`);
    expect(republished.body.version.version).toBe(2);
    const versions = await stack.request('GET', `/api/journeys/${id}/versions`);
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('should pause, resume and archive when asked in a valid order', async () => {
    const created = await stack.request('POST', '/api/journeys', thankYouJourney());
    const id = created.body.id;
    expect((await stack.request('POST', `/api/journeys/${id}/pause`)).status).toBe(409);
    await stack.request('POST', `/api/journeys/${id}/publish`);

    expect((await stack.request('POST', `/api/journeys/${id}/pause`)).body.status).toBe('paused');
    expect((await stack.request('POST', `/api/journeys/${id}/resume`)).body.status).toBe('live');
    expect((await stack.request('POST', `/api/journeys/${id}/archive`)).body.status).toBe('archived');
    expect((await stack.request('PUT', `/api/journeys/${id}`, thankYouJourney())).status).toBe(409);
  });

  it('should answer 400 naming the field when the journey document is malformed', async () => {
    const sut = await stack.request('POST', '/api/journeys', { name: 'x', nodes: [{ id: 'bad id!', kind: 'exit' }] });

    expect(sut.status).toBe(400);
    expect(sut.body.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['nodes', 0, 'id'] }),
        expect.objectContaining({ path: ['edges'] }),
      ]),
    );
  });

  it('should keep workspaces apart when a key from elsewhere asks', async () => {
    const created = await stack.request('POST', '/api/journeys', thankYouJourney());
    const stranger = await fetch(`${stack.apiUrl}/api/journeys/${created.body.id}`, {
      headers: { authorization: 'Bearer sk_not_a_key' },
    });
    expect(stranger.status).toBe(401);
    expect((await stack.request('GET', '/api/journeys/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    for (const path of ['/api/journeys/nope', '/api/journeys/nope/versions/1', '/api/customers/nope/timeline']) {
      expect((await stack.request('GET', path)).status).toBe(404);
    }
    expect((await stack.request('POST', '/api/journeys/nope/publish')).status).toBe(404);
  });
});
