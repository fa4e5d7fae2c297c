import { journeyDocumentSchema, triggerKeysOf } from '@rapport/journey';
import {
  AttributeDefinitionRepository,
  CustomerRepository,
  JourneyRepository,
  type TestDatabase,
} from '@rapport/persistence';
import type { Engine } from '../engine';
import { startTestEngine } from '../testing/test-engine';
import { ProfileInputError } from './profile-patch';

const NOW = new Date('2026-09-01T08:00:00Z');

describe('profile edits through the API path', () => {
  let db: TestDatabase;
  let engine: Engine;
  let workspaceId: string;
  let journeyId: string;
  let customerId: string;
  let stop: () => Promise<void>;

  const issuesOf = async (body: unknown) => {
    const error = await engine.profiles.update(workspaceId, customerId, body).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProfileInputError);
    // Each issue names its field and why by catalog key: the API words it in the reader's language.
    return (error as ProfileInputError).issues.map((issue) => `${issue.path.join('.')}: ${issue.key}`);
  };

  beforeAll(async () => {
    ({ db, engine, workspaceId, stop } = await startTestEngine({
      label: 'profile',
      workspace: { name: 'Profile shop', now: NOW },
    }));
    const definitions = new AttributeDefinitionRepository(db.dataSource.manager);
    await definitions.save(workspaceId, { name: 'loyalty_points', type: 'number', label: 'Points' }, NOW);
    await definitions.save(workspaceId, { name: 'birthday', type: 'date', label: null }, NOW);
    const document = journeyDocumentSchema.parse({
      name: 'Loyalty 1000',
      nodes: [
        {
          id: 'crossed',
          kind: 'threshold-trigger',
          config: { attribute: 'loyalty_points', threshold: 1000, direction: 'up' },
        },
        { id: 'done', kind: 'exit', config: {} },
      ],
      edges: [{ from: 'crossed', output: 'next', to: 'done' }],
    });
    const journeys = new JourneyRepository(db.dataSource.manager);
    const journey = await journeys.create(workspaceId, document, NOW);
    await journeys.insertVersion(journey, document, triggerKeysOf(document), NOW);
    journeyId = journey.id;
    const customer = await new CustomerRepository(db.dataSource.manager).upsert(
      workspaceId,
      { userId: 'zoe' },
      { email: 'zoe@example.com', attributes: { loyalty_points: 900, tier: 'silver' } },
      NOW,
    );
    customerId = customer.id;
  });

  afterAll(() => stop?.());

  it('should refuse every wrong field at once and write nothing when the input is bad', async () => {
    expect(
      await issuesOf({
        timeZone: 'Mars/Olympus',
        locale: 'not a locale!',
        phone: '06 12 34 56 78',
        attributes: { loyalty_points: 'lots', birthday: '1990-02-31', 'bad name': 1, orders_count: 3, tier: 'gold' },
      }),
    ).toEqual([
      'phone: field.phone.format',
      'timeZone: field.time-zone.format',
      'locale: field.locale.format',
      'attributes.loyalty_points: field.value.declared-type',
      'attributes.birthday: field.value.declared-type',
      'attributes.bad name: field.attribute.declared-name-format',
      'attributes.orders_count: field.attribute.computed-name',
    ]);
    expect(await issuesOf({ consent: { email: 'yes' } })).toEqual(['consent.email: field.invalid-type']);
    expect(await issuesOf({ nickname: 'Zo' })).toEqual([': field.profile.unknown-fields']);
    const profile = await engine.profiles.get(workspaceId, customerId);
    expect(profile).toMatchObject({
      timeZone: null,
      locale: null,
      attributes: { loyalty_points: 900, tier: 'silver' },
    });
  });

  it('should save the change, record consent from the API and enroll when a threshold is crossed', async () => {
    const profile = await engine.profiles.update(workspaceId, customerId, {
      timeZone: 'Europe/Paris',
      locale: 'fr-fr',
      attributes: { loyalty_points: 1200, birthday: '1990-04-21', tier: null },
      consent: { sms: true },
    });

    expect(profile).toMatchObject({
      timeZone: 'Europe/Paris',
      locale: 'fr-FR',
      attributes: { loyalty_points: 1200, birthday: '1990-04-21' },
      consent: { email: null, sms: { granted: true, source: 'api', changedAt: expect.any(Date) } },
    });
    expect(profile?.attributes).not.toHaveProperty('tier');
    const enrollments = await db.dataSource.query('SELECT customer_id FROM enrollments WHERE journey_id = $1', [
      journeyId,
    ]);
    expect(enrollments).toEqual([{ customer_id: customerId }]);
  });

  it('should answer null for a customer of another workspace or a malformed id', async () => {
    expect(await engine.profiles.get(workspaceId, 'not-a-uuid')).toBeNull();
    expect(await engine.profiles.update(workspaceId, '00000000-0000-4000-8000-000000000000', {})).toBeNull();
  });
});
