import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runAxe } from '../support/axe';
import { startEditorSession, type EditorSession, type Login } from '../support/editor-session';
import type { Stack } from '../support/stack';
import { identify, order, publishThankYou } from '../support/thank-you-fixture';

const ROOT = join(__dirname, '../..');
// Screenshots go to the docs on request only, so a test run leaves the work tree clean.
const SCREENSHOTS = join(ROOT, process.env['RAPPORT_UPDATE_SCREENSHOT'] ? 'docs/screenshots' : 'tmp/screenshots');
// A viewer: the customers' pages are for every role, the weakest included.
const VIEWER: Login = { email: 'vera@shop.example', password: 'vera-password-31', name: 'Vera' };

type Step = { code: string; message: string };

/** The customer's timeline lines as the API keeps them (English, the API key's default). */
const stepsOf = async (stack: Stack, externalId: string): Promise<Step[]> => {
  const timeline = await stack.request('GET', `/api/customers/by-external-id/${externalId}/timeline`);
  return timeline.body?.enrollments?.[0]?.steps ?? [];
};

/** The worker sends after the clock moved: wait until the timeline has the line, or fail saying what it has. */
const waitForStep = async (stack: Stack, externalId: string, code: string): Promise<void> => {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if ((await stepsOf(stack, externalId)).some((step) => step.code === code)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no ${code} for ${externalId}: ${JSON.stringify(await stepsOf(stack, externalId))}`);
};

/**
 * "See why each customer went where": a marketer finds a customer who went through the published thank-you journey,
 * reads their profile and every step with its reason (in English, then in Chinese), and reaches a waiting customer's
 * page from the canvas.
 */
describe('the customers screens in a browser', () => {
  let session: EditorSession;
  let page: Page;
  let journeyId: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    session = await startEditorSession({
      stack: { label: 'customers' },
      prepare: async (stack) => {
        journeyId = await publishThankYou(stack);
        // Grace orders for 80: two days later the condition holds and the thank-you email goes out.
        await identify(stack, 'grace', 'Grace');
        await stack.track('/v1/identify', {
          userId: 'grace',
          messageId: 'identify-grace-more',
          traits: { phone: '+8613800138000', timezone: 'Asia/Shanghai', birthday: '1990-04-21', sms_consent: false },
        });
        await order(stack, 'grace', 80, 'order-grace-1');
        await stack.advanceClock('PT1M');
        await stack.advanceClock('P2D');
        await waitForStep(stack, 'grace', 'email.sent');
        // Lin orders afterwards and is still waiting out the two days.
        await identify(stack, 'lin', 'Lin');
        await order(stack, 'lin', 30, 'order-lin-1');
        await stack.advanceClock('PT1M');
        await waitForStep(stack, 'lin', 'wait.scheduled');
      },
      members: [{ ...VIEWER, role: 'viewer' }],
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
      signInAs: VIEWER,
    });
    page = session.page;
  }, 180_000);

  afterAll(() => session?.stop());

  it('should find a customer by email and show their profile and why they went where', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByLabel('Search by email or customer id').fill('grace');
    await page.getByTestId('customer-search-status').getByText('1 customer matches "grace".').waitFor();
    await page.getByRole('link', { name: 'grace@example.com' }).click();

    await page.getByRole('heading', { name: 'grace@example.com', level: 1 }).waitFor();
    const steps = page.getByRole('list', { name: 'What happened, and why' });
    await steps.getByText('Event total is 80, so "is at least 50" holds: yes.').waitFor();
    await expect(steps.locator('li[data-code="email.sent"]').textContent()).resolves.toContain(
      'Email "thank-you" sent to grace@example.com.',
    );
    await expect(steps.locator('li[data-code="enrollment.entered"] time').textContent()).resolves.toBe(
      'Jun 1, 2026, 9:00 AM UTC',
    );
    const passage = page.getByRole('article', { name: /Thank you for a big order/ });
    await expect(passage.getByRole('heading').textContent()).resolves.toBe(
      'Thank you for a big order Version 1 Completed',
    );
    await expect(passage.getByRole('table', { name: 'Messages' }).textContent()).resolves.toContain('Sent');
    await expect(page.getByTestId('customer-profile').textContent()).resolves.toContain('Asia/Shanghai');
    const consent = page.getByTestId('customer-consent');
    await expect(consent.getByRole('row', { name: /^Email/ }).textContent()).resolves.toBe(
      "EmailNever said: the workspace's default applies",
    );
    await expect(consent.getByRole('row', { name: /^SMS/ }).textContent()).resolves.toBe(
      'SMSWithdrawnan identify callJun 1, 2026, 9:00 AM UTC',
    );
    const birthday = page.getByTestId('customer-attributes').getByRole('row', { name: /birthday/ });
    await expect(birthday.textContent()).resolves.toBe('birthdayApr 21, 1990');
    const spent = page.getByTestId('customer-computed').getByRole('row', { name: /total_spent/ });
    await expect(spent.textContent()).resolves.toBe('Total spent total_spent80');
    // The app shell scrolls inside the window: a taller window shows the whole page in the shot.
    const height = await page.evaluate(() => document.querySelector('.app-shell__main')?.scrollHeight ?? 900);
    await page.setViewportSize({ width: 1440, height: Math.min(height + 40, 2400) });
    await page.screenshot({ path: join(SCREENSHOTS, 'customer.png'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(session.pageErrors).toEqual([]);
  }, 60_000);

  it('should pass axe-core (WCAG A and AA) on a page with journeys, steps and messages', async () => {
    await page.getByRole('table', { name: 'Messages' }).waitFor();

    const sut = await runAxe(page);

    expect(sut.violations).toEqual([]);
    expect(sut.passed).toEqual(expect.arrayContaining(['th-has-data-cells', 'color-contrast']));
  }, 60_000);

  it('should word the timeline and the screen in Chinese once the marketer switches language', async () => {
    await page.getByTestId('language-switch').selectOption('zh-CN');

    await page.getByRole('heading', { name: '旅程', exact: true }).waitFor();
    const steps = page.getByRole('list', { name: '经过与原因' });
    await steps.getByText('事件的 total 为 80，因此“至少为 50”成立：是。').waitFor();
    await expect(page.getByRole('article').getByText('已完成').count()).resolves.toBe(1);

    await page.getByTestId('language-switch').selectOption('en');
    await page.getByRole('heading', { name: 'Journeys', exact: true }).waitFor();
  }, 60_000);

  it('should say when nothing matches, and find a customer by Rapport id too', async () => {
    await page.getByRole('link', { name: 'All customers' }).click();
    await page.getByLabel('Search by email or customer id').fill('nobody-here');
    await page.getByText('No customer matches "nobody-here".').waitFor();

    const lin = await session.stack.request('GET', '/api/customers/by-external-id/lin');
    await page.getByLabel('Search by email or customer id').fill(lin.body.id);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'lin@example.com' }).waitFor();
  }, 60_000);

  it("should open a waiting customer's page from the canvas waiting list", async () => {
    await page.goto(`${session.editor.url}#/journeys/${encodeURIComponent(journeyId)}`);
    await page.getByTestId('node-wait-2-days').click();
    await page.getByTestId('waiting-panel').getByRole('link', { name: 'lin@example.com' }).click();

    await page.waitForURL(/#\/customers\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'lin@example.com', level: 1 }).waitFor();
    const passage = page.getByRole('article', { name: /Thank you for a big order/ });
    await expect(passage.getByRole('heading').textContent()).resolves.toBe(
      'Thank you for a big order Version 1 Waiting',
    );
    await expect(passage.locator('li[data-code="wait.scheduled"]').textContent()).resolves.toContain(
      'Waiting 2 days, until Jun 5, 2026, 9:01 AM UTC.',
    );
    await expect(passage.getByText('still in the journey').count()).resolves.toBe(1);
    expect(session.pageErrors).toEqual([]);
  }, 60_000);
});
