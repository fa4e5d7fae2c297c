import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  couponPoolsOf,
  createCouponPoolsFor,
  documentedCouponPools,
  documentedJourney,
  documentedJourneyNames,
  putDocumentedTemplate,
  templateKeysOf,
} from '../../support/shop-journeys';
import { startStack, type Stack } from '../../support/stack';

const templatesDir = join(__dirname, '../../../docs/templates');
const templateFiles = readdirSync(templatesDir).filter((file) => file.endsWith('.json'));

describe('documented journeys (docs/journeys/*.json)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ label: 'shop_docs' });
  });

  afterAll(() => stack?.stop());

  it('should name every template after its file, and every template should be accepted by the API', async () => {
    for (const file of templateFiles) {
      expect(JSON.parse(readFileSync(join(templatesDir, file), 'utf8')).key).toBe(file.replace(/\.json$/, ''));
      await putDocumentedTemplate(stack, file.replace(/\.json$/, ''));
    }
  });

  it('should document the seven shop journeys and give each a description', () => {
    expect(documentedJourneyNames()).toEqual(
      expect.arrayContaining([
        'birthday',
        'cross-sell',
        'holdout',
        'loyalty-threshold',
        'refill-reminder',
        'value-tiers',
        'win-back',
      ]),
    );
    for (const name of documentedJourneyNames())
      expect(documentedJourney(name).description).toEqual(expect.any(String));
  });

  it('should show in the README the coupon pools the tests create, one for every pool a journey uses', () => {
    const readme = readFileSync(join(__dirname, '../../../docs/journeys/README.md'), 'utf8');
    const shown = readme
      .split('\n')
      .filter((line) => /^\s*\{ "key":/.test(line))
      .map((line) => JSON.parse(line));
    const used = new Set(documentedJourneyNames().flatMap((name) => couponPoolsOf(documentedJourney(name))));

    expect(shown).toEqual(Object.entries(documentedCouponPools).map(([key, pool]) => ({ key, ...pool })));
    expect([...used].sort()).toEqual(Object.keys(documentedCouponPools).sort());
  });

  it.each(documentedJourneyNames())('should validate and publish %s with its documented templates', async (name) => {
    const journey = documentedJourney(name);
    for (const key of templateKeysOf(journey)) {
      expect(templateFiles).toContain(`${key}.json`);
      await putDocumentedTemplate(stack, key);
    }
    // Publish refuses a journey whose coupon pool does not exist: the shop creates its pools first.
    for (const pool of couponPoolsOf(journey)) expect(Object.keys(documentedCouponPools)).toContain(pool);
    await createCouponPoolsFor(stack, journey);

    const created = await stack.request('POST', '/api/journeys', journey);
    expect(created.status).toBe(201);
    expect((await stack.request('POST', `/api/journeys/${created.body.id}/validate`)).body).toEqual({ problems: [] });
    const published = await stack.request('POST', `/api/journeys/${created.body.id}/publish`);

    expect(published.status).toBe(201);
    // The published version is the document as written: settings (entry rule, goal) included.
    const version = await stack.request('GET', `/api/journeys/${created.body.id}/versions/1`);
    expect(version.body.document.nodes).toEqual(
      journey.nodes.map((node) => expect.objectContaining({ id: node.id, kind: node.kind })),
    );
    if (journey.settings?.['entry']) expect(version.body.document.settings.entry).toEqual(journey.settings['entry']);
  });
});
