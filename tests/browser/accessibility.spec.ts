import type { Page } from 'playwright-core';
import { runAxe } from '../support/axe';
import { startEditorSession, type EditorSession, type Login } from '../support/editor-session';
import { thankYouJourney, thankYouTemplate } from '../support/thank-you-fixture';

const ADMIN: Login = { email: 'ida@shop.example', password: 'ida-password-77', name: 'Ida' };

/**
 * Every main screen passes axe-core's WCAG 2.x A and AA rules (labels, names, contrast, landmarks, ...): the
 * marketers who spend their day here include keyboard and screen-reader users.
 */
describe('accessibility of the editor (axe-core, WCAG A and AA)', () => {
  let session: EditorSession;
  let page: Page;
  let journeyId: string;
  let customerId: string;

  /** axe's violations on the page as it is, one readable line each (rule, impact, where). */
  const violations = async (): Promise<string[]> => (await runAxe(page)).violations;

  const visit = async (hash: string, ready: string) => {
    await page.goto(`${session.editor.url}/${hash}`);
    await page.locator(ready).first().waitFor();
    // Let data arrive and the screen settle before judging it.
    await page.waitForLoadState('networkidle');
  };

  beforeAll(async () => {
    session = await startEditorSession({
      stack: { label: 'a11y' },
      prepare: async (stack) => {
        await stack.request('PUT', '/api/templates/thank-you', thankYouTemplate());
        const created = await stack.request('POST', '/api/journeys', thankYouJourney());
        journeyId = created.body.id;
        await stack.track('/v1/identify', {
          userId: 'ada',
          traits: { email: 'ada@example.com', firstName: 'Ada', birthday: '1990-04-21', email_consent: true },
        });
        customerId = (await stack.request('GET', '/api/customers/by-external-id/ada')).body.id;
      },
      members: [{ ...ADMIN, role: 'admin' }],
      viewport: { width: 1440, height: 900 },
    });
    page = session.page;
  }, 120_000);

  afterAll(() => session?.stop());

  it('should have no violations on the sign-in screen', async () => {
    await page.goto(session.editor.url);
    await page.getByLabel('Email').waitFor();

    expect(await violations()).toEqual([]);
  }, 60_000);

  it.each([
    ['the journey list', '#/', '[data-testid="signed-in-as"]'],
    ['the canvas', `#/journeys/:id`, '.react-flow__node'],
    ['the journey settings', '#/journeys/:id/settings', 'form, main'],
    ['the template editor', '#/templates/thank-you', 'main'],
    ['the coupon pools', '#/coupons', 'main'],
    ['the audiences', '#/audiences', 'main'],
    ['the channel settings', '#/settings', 'main'],
    ['the customers', '#/customers', 'main table'],
    ['a customer', '#/customers/:customer', 'main h1'],
    ['the imports', '#/imports', 'main'],
    ['the members', '#/members', 'main'],
  ])(
    'should have no violations on %s',
    async (_name, hash, ready) => {
      if (
        !(await page
          .getByTestId('signed-in-as')
          .isVisible()
          .catch(() => false))
      ) {
        await session.signIn(ADMIN);
      }

      await visit(
        hash.replace(':id', encodeURIComponent(journeyId)).replace(':customer', encodeURIComponent(customerId)),
        ready,
      );

      expect(await violations()).toEqual([]);
    },
    60_000,
  );
});
