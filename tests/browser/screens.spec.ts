import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startEditorSession, type EditorSession, type Login } from '../support/editor-session';
import type { Stack } from '../support/stack';

const ROOT = join(__dirname, '../..');
// Screenshots go to the docs on request only, so a test run leaves the work tree clean.
const SCREENSHOTS = join(ROOT, process.env['RAPPORT_UPDATE_SCREENSHOT'] ? 'docs/screenshots' : 'tmp/screenshots');
const ADMIN: Login = { email: 'noor@shop.example', password: 'noor-password-42', name: 'Noor' };

/** `Signed Up` -> VIP? yes: wait 2 days, welcome email; no: exit. */
const welcomeJourney = {
  name: 'Welcome VIPs',
  nodes: [
    { id: 'signed-up', kind: 'event-trigger', config: { event: 'Signed Up' }, position: { x: 0, y: 0 } },
    {
      id: 'vip',
      kind: 'attribute-condition',
      config: { source: 'profile', path: 'vip', operator: 'eq', value: true },
      position: { x: 280, y: 0 },
    },
    { id: 'wait', kind: 'wait-delay', config: { amount: 2, unit: 'days' }, position: { x: 560, y: -80 } },
    { id: 'welcome', kind: 'send-email', config: { template: 'welcome' }, position: { x: 840, y: -80 } },
    { id: 'done', kind: 'exit', config: {}, position: { x: 1120, y: -80 } },
    { id: 'not-vip', kind: 'exit', config: {}, position: { x: 560, y: 120 } },
  ],
  edges: [
    { from: 'signed-up', output: 'next', to: 'vip' },
    { from: 'vip', output: 'yes', to: 'wait' },
    { from: 'vip', output: 'no', to: 'not-vip' },
    { from: 'wait', output: 'next', to: 'welcome' },
    { from: 'welcome', output: 'next', to: 'done' },
  ],
};

describe('screens around the canvas in a browser', () => {
  let session: EditorSession;
  let stack: Stack;
  let page: Page;
  let journeyId: string;

  const signUp = async (userId: string, vip: boolean, firstName: string) => {
    await stack.track('/v1/identify', {
      userId,
      messageId: `identify-${userId}`,
      traits: { email: `${userId}@example.com`, firstName, vip },
    });
    await stack.track('/v1/track', { userId, event: 'Signed Up', messageId: `signup-${userId}` });
  };
  const open = async (hash: string) => {
    await page.goto(`${session.editor.url}${hash}`);
    await page.getByTestId('signed-in-as').waitFor();
  };
  const screenshot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    session = await startEditorSession({
      stack: { label: 'screens' },
      prepare: async (started) => {
        stack = started; // signUp reads it, here and in the tests
        const template = await stack.request('PUT', '/api/templates/welcome', {
          name: 'Welcome',
          subject: 'Welcome {{firstName}}',
          html: '<p>Hi {{firstName}}, welcome to the club.</p>',
        });
        expect(template.status).toBe(200);
        const created = await stack.request('POST', '/api/journeys', welcomeJourney);
        journeyId = created.body.id;
        expect((await stack.request('POST', `/api/journeys/${journeyId}/publish`)).status).toBe(201);
        await signUp('ada', true, 'Ada');
        await signUp('linus', false, 'Linus');
      },
      members: [{ ...ADMIN, role: 'admin' }],
      viewport: { width: 1440, height: 900 },
      signInAs: ADMIN,
    });
    page = session.page;
  }, 120_000);

  afterAll(() => session?.stop());

  it('should list the journey with its status and actions when signed in', async () => {
    await open('#/');
    const row = page.getByTestId(`journey-row-${journeyId}`);
    await row.waitFor();

    await expect(row.locator('.status-pill').textContent()).resolves.toBe('live');
    await expect(row.getByRole('button', { name: 'Pause' }).isVisible()).resolves.toBe(true);
    await screenshot('journeys');
  }, 30_000);

  it('should preview a template for a real customer and flag a variable no profile has', async () => {
    await open('#/templates/welcome');
    await page
      .getByLabel('HTML body (Handlebars)')
      .fill('<p>Hi {{firstName}}, your colour is {{favourite_colour}}.</p>');
    await page.getByLabel('Preview for customer').fill('ada');
    await page.getByRole('button', { name: 'ada@example.com (ada)' }).click();

    await page.getByTestId('preview-subject').getByText('Welcome Ada').waitFor();
    const frame = page.frameLocator('iframe[title="Email preview"]');
    await expect(frame.locator('p').textContent()).resolves.toBe('Hi Ada, your colour is .');
    const variables = page.getByTestId('template-variables');
    await expect(variables.getByText('favourite_colour').locator('..').textContent()).resolves.toContain(
      'unknown: no profile has it',
    );
    await expect(variables.getByText('firstName').locator('..').textContent()).resolves.toContain('on profiles');
    const saved = await stack.request('GET', '/api/templates/welcome');
    expect(saved.body.html).toContain('{{favourite_colour}}');
    await screenshot('template-editor');
  }, 30_000);

  it('should create a generated coupon pool and warn that it runs low', async () => {
    await open('#/coupons');
    await page.getByLabel('Key (lowercase letters, digits, - or _)').fill('spring');
    await page.getByLabel('Name', { exact: true }).fill('Spring 10%');
    await page.getByLabel('How many codes').fill('5');
    await page.getByRole('button', { name: 'Create pool' }).click();

    const row = page.getByTestId('pool-spring');
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('5 of 5');
    await expect(row.textContent()).resolves.toContain('running low');
    await screenshot('coupon-pools');
  }, 30_000);

  it('should build an audience, preview its size and save it', async () => {
    await open('#/audiences');
    await page.getByLabel('Key (lowercase letters, digits, - or _; journeys name it)').fill('vips');
    await page.getByLabel('Name', { exact: true }).fill('VIPs');
    await page.getByLabel('Attribute', { exact: true }).fill('vip');
    await page.getByLabel('Value', { exact: true }).fill('true');
    await page.getByRole('button', { name: 'Preview size' }).click();

    await page.getByTestId('audience-preview-size').getByText('1 customer matches now').waitFor();
    await page.getByRole('button', { name: 'Save audience' }).click();
    await page.getByTestId('audience-size-vips').getByText('1', { exact: true }).waitFor();
    await screenshot('audiences');
  }, 30_000);

  it('should show what publishing changes for the customers already in the journey, and what blocks it', async () => {
    const draft = {
      ...welcomeJourney,
      nodes: welcomeJourney.nodes.map((node) =>
        node.id === 'wait' ? { ...node, config: { amount: 3, unit: 'days' } } : node,
      ),
    };
    expect((await stack.request('PUT', `/api/journeys/${journeyId}`, draft)).status).toBe(200);
    await open(`#/journeys/${journeyId}/publish`);

    const changed = page.getByTestId('summary-wait');
    await changed.waitFor();
    await expect(changed.textContent()).resolves.toContain('Changed: Amount (2 → 3).');
    await expect(changed.textContent()).resolves.toContain('1 customer here now');
    // The template edited above reads a variable no customer has: publishing waits until it is fixed.
    await expect(page.getByRole('alert').textContent()).resolves.toContain('favourite_colour');
    await expect(page.getByRole('button', { name: 'Publish version 2' }).isDisabled()).resolves.toBe(true);
    await screenshot('publish-summary');
  }, 30_000);

  it("should save the journey's entry rule, goal and fallback time zone to the draft", async () => {
    await open(`#/journeys/${journeyId}/settings`);
    await page.getByLabel('Entry rule').selectOption('once');
    await page.getByLabel('Measure a goal').check();
    await page.getByLabel('Goal event').fill('Order Completed');
    await page.getByLabel('Counts within this many days of entry').fill('14');
    await page
      .getByLabel("Fallback time zone (customers without their own; empty: the workspace's)")
      .fill('Europe/Paris');
    await page.getByRole('button', { name: 'Save settings' }).click();

    await page.getByText('Settings saved to the draft.').waitFor();
    const sut = await stack.request('GET', `/api/journeys/${journeyId}`);
    expect(sut.body.draft.settings).toMatchObject({
      entry: { mode: 'once' },
      goal: { event: 'Order Completed', withinDays: 14, exitOnGoal: false },
      timeZone: 'Europe/Paris',
    });
    await screenshot('journey-settings');
  }, 30_000);

  it('should show a published version read only', async () => {
    await open(`#/journeys/${journeyId}/versions`);
    await page.getByRole('link', { name: 'View version 1' }).click();

    await page.getByRole('heading', { name: 'Version 1, read only' }).waitFor();
    await expect(page.getByTestId('step-wait').textContent()).resolves.toContain('Wait 2 days');
    await expect(page.locator('.readonly-canvas .react-flow__node').count()).resolves.toBe(6);
  }, 30_000);

  it('should show the providers without secrets and save quiet hours for SMS', async () => {
    await open('#/settings');
    await expect(page.getByTestId('providers').textContent()).resolves.toContain('SMTP via 127.0.0.1');
    await page.getByLabel('SMS: hold messages during quiet hours').check();
    await page.getByRole('button', { name: 'Save delivery rules' }).click();

    await page.getByText('Delivery rules saved').waitFor();
    const sut = await stack.request('GET', '/api/settings/delivery-rules');
    expect(sut.body.quietHours).toEqual({ sms: { from: '21:00', to: '08:00' } });
    await screenshot('channel-settings');
  }, 30_000);

  it('should count a new customer on the wait step live and list who waits there', async () => {
    await open(`#/journeys/${journeyId}/live`);
    await page.getByTestId('live-status').getByText('Live: numbers update as customers move.').waitFor();
    await expect(page.getByTestId('live-now-wait').textContent()).resolves.toContain('1');

    await signUp('grace', true, 'Grace');

    await page.getByTestId('live-now-wait').getByText('2', { exact: false }).waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('share-vip:yes->wait').textContent()).resolves.toContain('67%');
    await page.getByRole('button', { name: 'Who is at Wait for a while' }).click();
    const panel = page.getByTestId('waiting-panel');
    await panel.getByText('grace@example.com').waitFor();
    await expect(panel.getByTestId('moves-on').count()).resolves.toBe(2);
    await screenshot('live-numbers');
    expect(session.pageErrors).toEqual([]);
  }, 30_000);
});
