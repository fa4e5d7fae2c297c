import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { startEditorSession, type EditorSession, type Login } from '../support/editor-session';

const ROOT = join(__dirname, '../..');
// The docs' screenshot is refreshed on request only, so a test run leaves the work tree clean.
const SCREENSHOT = join(
  ROOT,
  process.env['RAPPORT_UPDATE_SCREENSHOT'] ? 'docs/screenshots/canvas.png' : 'tmp/canvas.png',
);
const birthday = JSON.parse(readFileSync(join(ROOT, 'docs/journeys/birthday.json'), 'utf8'));
const { key: _key, ...birthdayTemplate } = JSON.parse(readFileSync(join(ROOT, 'docs/templates/birthday.json'), 'utf8'));

// Where each step of the birthday journey is dropped, relative to the canvas's top-left corner.
const DROPS: [group: string, title: string, x: number, y: number][] = [
  ['Triggers', 'On a date from the profile', 40, 120],
  ['Actions', 'Give a unique coupon', 300, 120],
  ['Actions', 'Send an email', 560, 120],
  ['Branches', 'If an attribute matches', 820, 120],
  ['Waits', 'Wait for a while', 40, 380],
  ['Actions', 'Send an SMS', 300, 380],
  ['Exit', 'Exit the journey', 560, 380],
  ['Exit', 'Exit the journey', 820, 560],
];

const EDGES = [
  'date-trigger-1:next->issue-coupon-1',
  'issue-coupon-1:next->send-email-1',
  'send-email-1:next->attribute-condition-1',
  'attribute-condition-1:yes->wait-delay-1',
  'attribute-condition-1:no->exit-2',
  'wait-delay-1:next->send-sms-1',
  'send-sms-1:next->exit-1',
];

const MARKETER: Login = { email: 'mia@shop.example', password: 'mia-password-42', name: 'Mia' };

/**
 * Signs the marketer in when the editor asks (editors with sign-in); an editor that reaches the API through the
 * dev server's key opens the journey straight away.
 */
const signInIfAsked = async (page: Page) => {
  const signIn = page.getByRole('heading', { name: 'Sign in to Rapport' });
  const canvas = page.locator('.react-flow__pane');
  await signIn.or(canvas).first().waitFor();
  if (!(await signIn.isVisible())) return;
  await page.getByLabel('Email').fill(MARKETER.email);
  await page.getByLabel('Password').fill(MARKETER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await canvas.waitFor();
};

const summaryOf = (page: Page, nodeId: string) => page.getByTestId(`summary-${nodeId}`).textContent();

const connect = async (page: Page, edge: string) => {
  const [, from, output, to] = /^(.+):(.+)->(.+)$/.exec(edge) ?? [];
  const source = page.locator(`.react-flow__handle.source[data-nodeid="${from}"][data-handleid="${output}"]`);
  const target = page.locator(`.react-flow__handle.target[data-nodeid="${to}"]`);
  await source.dragTo(target);
  // A straight edge has no height, which Playwright counts as hidden: wait for it in the DOM.
  await page.locator(`.react-flow__edge[data-id="${edge}"]`).waitFor({ state: 'attached' });
};

const centerOf = async (page: Page, nodeId: string) => {
  const box = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox();
  if (!box) throw new Error(`${nodeId} is not on the canvas`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

describe('the marketer builds the birthday journey on the canvas', () => {
  let session: EditorSession;
  let page: Page;
  let journeyId: string;

  beforeAll(async () => {
    session = await startEditorSession({
      stack: { label: 'canvas', workers: 0 },
      prepare: async (stack) => {
        expect((await stack.request('PUT', '/api/templates/birthday', birthdayTemplate)).status).toBe(200);
        const pool = await stack.request('POST', '/api/coupon-pools', {
          key: 'birthday',
          name: 'Birthday 15%',
          source: 'generated',
          count: 20,
          validDays: 14,
        });
        expect(pool.status).toBe(201);
        const created = await stack.request('POST', '/api/journeys', { ...birthday, nodes: [], edges: [] });
        expect(created.status).toBe(201);
        journeyId = created.body.id;
      },
      members: [{ ...MARKETER, role: 'marketer' }],
      viewport: { width: 1440, height: 900 },
    });
    page = session.page;
  }, 120_000);

  afterAll(() => session?.stop());

  it('should place each step where it is dropped from the palette', async () => {
    await page.goto(`${session.editor.url}#/journeys/${journeyId}`);
    const pane = page.locator('.react-flow__pane');
    await signInIfAsked(page);
    await pane.waitFor();
    for (const [group, title, x, y] of DROPS) {
      const item = page.getByRole('group', { name: group, exact: true }).getByRole('button', { name: title });
      await item.dragTo(pane, { targetPosition: { x, y } });
    }

    await expect(page.locator('.react-flow__node').count()).resolves.toBe(8);
    const paneBox = await pane.boundingBox();
    const couponBox = await page.locator('.react-flow__node[data-id="issue-coupon-1"]').boundingBox();
    expect(Math.abs((couponBox?.x ?? 0) - (paneBox?.x ?? 0) - 280)).toBeLessThan(30);
    await expect(summaryOf(page, 'date-trigger-1')).resolves.toBe('On birthday at 10:00, every year');
    expect(session.pageErrors).toEqual([]);
  }, 60_000);

  it('should draw only the connections the outputs allow', async () => {
    for (const edge of EDGES) await connect(page, edge);

    // A trigger has no input: a connection dropped on it is not made.
    const trigger = page.locator('.react-flow__node[data-id="date-trigger-1"]');
    await page
      .locator('.react-flow__handle.source[data-nodeid="exit-1"]')
      .count()
      .then((count) => expect(count).toBe(0));
    await page.locator('.react-flow__handle.source[data-nodeid="send-email-1"][data-handleid="next"]').dragTo(trigger);
    await expect(page.locator('.react-flow__edge').count()).resolves.toBe(EDGES.length);
    await expect(
      page
        .locator('.react-flow__handle.source[data-nodeid="attribute-condition-1"]')
        .evaluateAll((handles) => handles.map((handle) => handle.getAttribute('data-handleid'))),
    ).resolves.toEqual(['yes', 'no']);
  }, 60_000);

  it('should mark the step whose coupon pool does not exist and clear it when fixed in the side panel', async () => {
    const problem = page.getByRole('button', { name: /There is no coupon pool "welcome"/ });
    await problem.waitFor();
    await expect(page.getByTestId('node-issue-coupon-1').getAttribute('class')).resolves.toContain('has-problems');
    await expect(page.getByRole('button', { name: 'Publish' }).isDisabled()).resolves.toBe(true);

    await problem.click();
    const pool = page.getByLabel('Coupon pool');
    await expect(pool.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await pool.selectOption('birthday');

    await expect(problem.count()).resolves.toBe(0);
    await expect(page.getByTestId('node-issue-coupon-1').getAttribute('class')).resolves.not.toContain('has-problems');
  }, 30_000);

  it('should become publishable once every step is set as in the birthday journey', async () => {
    await page.getByTestId('node-send-email-1').click();
    await page.getByLabel('Email template').selectOption('birthday');

    await page.getByTestId('node-date-trigger-1').click();
    await page.getByLabel('Amount').fill('-3');
    await expect(summaryOf(page, 'date-trigger-1')).resolves.toBe('3 days before birthday at 10:00, every year');

    await page.getByTestId('node-attribute-condition-1').click();
    await page.getByLabel('Attribute or property').fill('tier');
    await page.getByLabel('Test').selectOption('eq');
    await page.getByLabel('Value (optional)').fill('vip');
    await expect(summaryOf(page, 'attribute-condition-1')).resolves.toBe('If customer tier equals "vip"');

    await page.getByTestId('node-wait-delay-1').click();
    await page.waitForTimeout(600); // edits pausing this long become one undo step: the next test undoes this one
    await page.getByLabel('Amount').fill('3');
    await expect(summaryOf(page, 'wait-delay-1')).resolves.toBe('Wait 3 days');

    await page.getByRole('heading', { name: 'No problems' }).waitFor();
    await expect(page.getByRole('button', { name: 'Publish' }).isDisabled()).resolves.toBe(false);
  }, 30_000);

  it('should undo and redo a change with the keyboard', async () => {
    await page.waitForTimeout(600); // the last edit settles into its own undo step
    await page.locator('.react-flow__pane').click({ position: { x: 600, y: 700 } });

    await page.keyboard.press('Control+z');
    await expect(summaryOf(page, 'wait-delay-1')).resolves.toBe('Wait 1 day');
    await page.keyboard.press('Control+Shift+z');
    await expect(summaryOf(page, 'wait-delay-1')).resolves.toBe('Wait 3 days');
  }, 30_000);

  it('should splice a step into an edge with its + and take it out again with undo', async () => {
    await page.getByTestId('insert-send-email-1:next->attribute-condition-1').click();
    await page
      .getByRole('group', { name: 'Step to insert' })
      .getByRole('button', { name: 'Wait for an event, up to a time' })
      .click();

    await page
      .locator('.react-flow__edge[data-id="wait-for-event-1:event->attribute-condition-1"]')
      .waitFor({ state: 'attached' });
    await page
      .locator('.react-flow__edge[data-id="send-email-1:next->wait-for-event-1"]')
      .waitFor({ state: 'attached' });
    await expect(
      page.locator('.react-flow__edge[data-id="send-email-1:next->attribute-condition-1"]').count(),
    ).resolves.toBe(0);
    // Its `timeout` output is still open, so the journey cannot be published.
    await page.getByRole('button', { name: /Output "timeout" is not connected/ }).waitFor();

    await page.waitForTimeout(600);
    await page.locator('.react-flow__pane').click({ position: { x: 600, y: 700 } });
    await page.keyboard.press('Control+z');
    await page
      .locator('.react-flow__edge[data-id="send-email-1:next->attribute-condition-1"]')
      .waitFor({ state: 'attached' });
    await expect(page.locator('.react-flow__node[data-id="wait-for-event-1"]').count()).resolves.toBe(0);
  }, 30_000);

  it('should copy a step with Ctrl+C, paste it as a new step with Ctrl+V and take it back with undo', async () => {
    await page.getByTestId('node-send-sms-1').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');

    await page.getByTestId('node-send-sms-2').waitFor();
    await expect(summaryOf(page, 'send-sms-2')).resolves.toBe(await summaryOf(page, 'send-sms-1'));
    await expect(page.locator('.react-flow__node.selected').getAttribute('data-id')).resolves.toBe('send-sms-2');

    await page.waitForTimeout(600);
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('node-send-sms-2').count()).resolves.toBe(0);
  }, 30_000);

  it('should lay the journey out left to right with L and top down from the tools', async () => {
    await page.keyboard.press('l');
    await page.waitForTimeout(400);
    for (const edge of EDGES) {
      const [, from, , to] = /^(.+):(.+)->(.+)$/.exec(edge) ?? [];
      expect((await centerOf(page, to as string)).x).toBeGreaterThan((await centerOf(page, from as string)).x);
    }

    await page.getByRole('button', { name: 'Arrange top down' }).click();
    await page.waitForTimeout(400);
    for (const edge of EDGES) {
      const [, from, , to] = /^(.+):(.+)->(.+)$/.exec(edge) ?? [];
      expect((await centerOf(page, to as string)).y).toBeGreaterThan((await centerOf(page, from as string)).y);
    }
    await page.getByRole('button', { name: 'Arrange left to right' }).click();
    await page.waitForTimeout(400);
  }, 30_000);

  it('should autosave the draft, show it saved, and keep it after a reload', async () => {
    await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor({ timeout: 10_000 });
    const saved = await session.stack.request('GET', `/api/journeys/${journeyId}`);
    expect(saved.body.draft.nodes.map((node: { kind: string }) => node.kind).sort()).toEqual(
      birthday.nodes.map((node: { kind: string }) => node.kind).sort(),
    );
    expect(
      saved.body.draft.edges.map(
        (edge: { from: string; output: string; to: string }) => `${edge.from}:${edge.output}->${edge.to}`,
      ),
    ).toEqual(expect.arrayContaining(EDGES));
    expect(saved.body.draft.edges).toHaveLength(EDGES.length);

    await page.getByTestId('node-date-trigger-1').click(); // its settings form shows in the screenshot
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    await page.reload();
    await page.locator('.react-flow__node[data-id="wait-delay-1"]').waitFor();
    await expect(summaryOf(page, 'wait-delay-1')).resolves.toBe('Wait 3 days');
    await expect(page.locator('.react-flow__edge').count()).resolves.toBe(EDGES.length);
    await expect(page.getByTestId('save-state').textContent()).resolves.toBe('Saved');
  }, 30_000);

  it('should publish the journey built on the canvas', async () => {
    await page.getByRole('heading', { name: 'No problems' }).waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/Published version 1/).waitFor();

    const journey = await session.stack.request('GET', `/api/journeys/${journeyId}`);
    expect(journey.body).toMatchObject({ status: 'live', latestVersion: 1 });
    expect(session.pageErrors).toEqual([]);
  }, 30_000);

  it('should show the count on a step go up, live, when an identify enrolls a customer', async () => {
    await session.stack.startWorker();
    await page.reload();
    const waiting = page.getByTestId('live-now-wait-delay-1');
    await waiting.waitFor({ state: 'attached' });
    await expect(waiting.textContent()).resolves.toMatch(/^0/);

    // A VIP whose birthday is in four days: greeted tomorrow at 10:00, then waiting three days for the SMS.
    await session.stack.track('/v1/identify', {
      userId: 'vip-lou',
      traits: { email: 'lou@example.com', birthday: '1990-06-05', tier: 'vip', timezone: 'UTC' },
    });
    await session.stack.advanceClock('PT26H');

    await page.waitForFunction(
      () => document.querySelector('[data-testid="live-now-wait-delay-1"]')?.textContent?.startsWith('1'),
      undefined,
      { timeout: 15_000 },
    );
    await page.getByTestId('node-wait-delay-1').click();
    await page.getByTestId('waiting-panel').getByText('lou@example.com').waitFor();
  }, 60_000);
  it('should publish a change to a live journey through the summary of what changes for customers inside', async () => {
    await page.getByTestId('node-wait-delay-1').click();
    await page.getByLabel('Amount').fill('2');
    await page.getByTestId('save-state').getByText('Saved').waitFor();

    await page.getByRole('button', { name: 'Publish' }).click();

    await page.waitForURL(/#\/journeys\/[^/]+\/publish$/);
    const changed = page.getByTestId('summary-wait-delay-1');
    await changed.waitFor();
    await expect(changed.locator('.hint').textContent()).resolves.toBe(
      'Changed: Amount (3 → 2). 1 customer here now keeps the settings of the version they entered; new entrants get the new ones.',
    );
  }, 30_000);

  it('should show a viewer the journey and its settings without anything to change', async () => {
    const viewer = { email: 'vic@shop.example', password: 'vic-password-42' };
    const added = await session.stack.request('POST', '/api/members', { ...viewer, name: 'Vic', role: 'viewer' });
    expect(added.status).toBe(201);
    const viewerPage = await session.openPage();
    await viewerPage.goto(`${session.editor.url}#/journeys/${journeyId}`);
    await viewerPage.getByLabel('Email').fill(viewer.email);
    await viewerPage.getByLabel('Password').fill(viewer.password);
    await viewerPage.getByRole('button', { name: 'Sign in' }).click();
    await viewerPage.locator('.react-flow__node[data-id="wait-delay-1"]').waitFor();

    await viewerPage.getByTestId('node-wait-delay-1').click();
    await expect(viewerPage.getByLabel('Amount').isDisabled()).resolves.toBe(true);
    await expect(viewerPage.getByRole('heading', { name: 'Add a step' }).count()).resolves.toBe(0);
    await expect(viewerPage.getByRole('button', { name: 'Publish' }).count()).resolves.toBe(0);
    await expect(viewerPage.locator('.edge-insert__button').count()).resolves.toBe(0);
    await expect(
      viewerPage.locator('.react-flow__node[data-id="wait-delay-1"]').getAttribute('class'),
    ).resolves.not.toContain('draggable');
    await viewerPage.context().close();
  }, 60_000);
});
