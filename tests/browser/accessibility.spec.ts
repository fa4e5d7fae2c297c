import type { Browser, Page } from 'playwright-core';
import { runAxe } from '../support/axe';
import { launchChromium, startEditor, type EditorServer } from '../support/editor-browser';
import { startStack, type Stack } from '../support/stack';
import { thankYouJourney, thankYouTemplate } from '../support/thank-you-fixture';
import { signInThroughForm, type Login } from './editor-sign-in';

const ADMIN: Login = { email: 'ida@shop.example', password: 'ida-password-77', name: 'Ida' };

/**
 * Every main screen passes axe-core's WCAG 2.x A and AA rules (labels, names, contrast, landmarks, ...): the
 * marketers who spend their day here include keyboard and screen-reader users.
 */
describe('accessibility of the editor (axe-core, WCAG A and AA)', () => {
  let stack: Stack;
  let editor: EditorServer;
  let browser: Browser;
  let page: Page;
  let journeyId: string;
  let customerId: string;

  /** axe's violations on the page as it is, one readable line each (rule, impact, where). */
  const violations = async (): Promise<string[]> => (await runAxe(page)).violations;

  const visit = async (hash: string, ready: string) => {
    await page.goto(`${editor.url}/${hash}`);
    await page.locator(ready).first().waitFor();
    // Let data arrive and the screen settle before judging it.
    await page.waitForLoadState('networkidle');
  };

  beforeAll(async () => {
    stack = await startStack({ label: 'a11y' });
    await stack.request('PUT', '/api/templates/thank-you', thankYouTemplate());
    const created = await stack.request('POST', '/api/journeys', thankYouJourney());
    journeyId = created.body.id;
    await stack.track('/v1/identify', {
      userId: 'ada',
      traits: { email: 'ada@example.com', firstName: 'Ada', birthday: '1990-04-21', email_consent: true },
    });
    customerId = (await stack.request('GET', '/api/customers/by-external-id/ada')).body.id;
    await stack.request('POST', '/api/members', { ...ADMIN, role: 'admin' });
    editor = await startEditor(stack);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await editor?.stop();
    await stack?.stop();
  });

  it('should have no violations on the sign-in screen', async () => {
    await page.goto(editor.url);
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
        await signInThroughForm(page, editor.url, ADMIN);
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
