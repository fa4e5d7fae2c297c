import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startEditorSession, type EditorSession, type Login } from '../support/editor-session';
import { thankYouJourney, thankYouTemplate } from '../support/thank-you-fixture';

const ROOT = join(__dirname, '../..');
// The README's screenshot is refreshed on request only, so a test run leaves the work tree clean.
const SCREENSHOT = join(ROOT, process.env['RAPPORT_UPDATE_SCREENSHOT'] ? 'docs/editor.png' : 'tmp/editor.png');
const MIA: Login = { email: 'mia@shop.example', password: 'mia-password-42', name: 'Mia' };

describe('journey editor in a browser', () => {
  let session: EditorSession;
  let page: Page;
  let journeyId: string;

  beforeAll(async () => {
    session = await startEditorSession({
      stack: { label: 'editor', workers: 0 },
      prepare: async (stack) => {
        expect((await stack.request('PUT', '/api/templates/thank-you', thankYouTemplate())).status).toBe(200);
        const created = await stack.request('POST', '/api/journeys', thankYouJourney());
        expect(created.status).toBe(201);
        journeyId = created.body.id;
      },
      members: [{ ...MIA, role: 'marketer' }],
      viewport: { width: 1440, height: 810 },
    });
    page = session.page;
  }, 120_000);

  afterAll(() => session?.stop());

  it('should refuse a wrong password with an announced error, then sign the marketer in', async () => {
    await page.goto(session.editor.url);
    await page.getByLabel('Email').fill('mia@shop.example');
    await page.getByLabel('Password').fill('not-her-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').getByText('Wrong email or password.').waitFor()).resolves.toBeUndefined();

    await session.signIn(MIA);

    await page.getByRole('heading', { name: 'Journeys' }).waitFor();
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toBe('Mia · Marketer');
    const cookies = await page.context().cookies();
    expect(cookies.find((cookie) => cookie.name === 'rapport_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    await expect(page.evaluate(() => document.cookie)).resolves.not.toContain('rapport_session');
  }, 60_000);

  it('should show the six steps with their summaries when the journey is opened from the list', async () => {
    await page.getByRole('button', { name: 'Thank you for a big order', exact: true }).click();

    await page.locator('.react-flow__node').nth(5).waitFor();
    const summaries = await page
      .locator('.react-flow__node')
      .evaluateAll((nodes) =>
        nodes.map((node) => [node.getAttribute('data-id'), node.querySelector('.journey-node__summary')?.textContent]),
      );
    expect(summaries).toEqual([
      ['order', 'When Order Completed happens'],
      ['wait-2-days', 'Wait 2 days'],
      ['big-order', 'If event total is at least 50'],
      ['thank-you', 'Send email "thank-you"'],
      ['done', 'Exit'],
      ['small-order', 'Exit'],
    ]);
    await expect(page.getByRole('heading', { name: 'No problems' }).isVisible()).resolves.toBe(true);
    expect(page.url()).toContain(`#/journeys/${journeyId}`);
  }, 60_000);

  it('should save the new wait to the draft when the amount is changed in the side panel', async () => {
    await page.getByTestId('node-wait-2-days').click();
    await page.getByLabel('Amount').fill('3');
    await expect(page.getByTestId('save-state').textContent()).resolves.toBe('Unsaved changes');
    await expect(page.getByTestId('node-wait-2-days').textContent()).resolves.toContain('Wait 3 days');

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor();

    const sut = await session.stack.request('GET', `/api/journeys/${journeyId}`);
    const wait = sut.body.draft.nodes.find((node: { id: string }) => node.id === 'wait-2-days');
    expect(wait.config).toEqual({ amount: 3, unit: 'days' });
    await page.screenshot({ path: SCREENSHOT });
  }, 30_000);

  it('should list a problem on the step and disable Publish when an edge is deleted', async () => {
    const publish = page.getByRole('button', { name: 'Publish' });
    await expect(publish.isDisabled()).resolves.toBe(false);

    await page.locator('.react-flow__edge[data-id="thank-you:next->done"]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Delete');

    const problem = page.getByRole('button', { name: /Output "next" is not connected/ });
    await problem.waitFor();
    await expect(publish.isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('node-thank-you').getAttribute('class')).resolves.toContain('has-problems');
    await expect(page.getByTestId('save-state').textContent()).resolves.toBe('Unsaved changes');

    await problem.click();
    await expect(page.locator('.react-flow__node.selected').getAttribute('data-id')).resolves.toBe('thank-you');
    expect(session.pageErrors).toEqual([]);
  }, 30_000);

  it('should add a step with its defaults from the palette and flag it until it is connected', async () => {
    await page.getByRole('group', { name: 'Waits' }).getByRole('button', { name: 'Wait for a while' }).click();

    await page.getByTestId('node-wait-delay-1').waitFor();
    await expect(page.getByTestId('node-wait-delay-1').textContent()).resolves.toContain('Wait 1 day');
    await expect(
      page.getByRole('button', { name: /No customer can reach this step/ }).count(),
    ).resolves.toBeGreaterThan(0);
    expect(session.pageErrors).toEqual([]);
  }, 30_000);

  it('should go back to the sign-in screen and stay there after a reload when the marketer signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Rapport' }).waitFor();

    await page.reload();

    await page.getByRole('heading', { name: 'Sign in to Rapport' }).waitFor();
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('rapport_session');
    expect(session.pageErrors).toEqual([]);
  }, 30_000);
});
