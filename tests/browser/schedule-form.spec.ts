import type { Page } from 'playwright-core';
import { runAxe } from '../support/axe';
import { startEditorSession, type EditorSession, type Login } from '../support/editor-session';

const MIA: Login = { email: 'mia@shop.example', password: 'mia-password-42', name: 'Mia' };
const NODE = 'schedule-trigger-1';

/**
 * A marketer sets a scheduled campaign through the settings form (no JSON): first once on a date, then every week
 * on two days, and the draft and the step's summary on the canvas follow.
 */
describe('the schedule of a scheduled trigger in the settings form', () => {
  let session: EditorSession;
  let page: Page;
  let journeyId: string;

  const summary = () => page.getByTestId(`summary-${NODE}`).textContent();
  const savedSchedule = async () => {
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor();
    const journey = await session.stack.request('GET', `/api/journeys/${journeyId}`);
    return journey.body.draft.nodes.find((node: { id: string }) => node.id === NODE)?.config;
  };
  const isFocused = (label: string) =>
    page.getByLabel(label, { exact: true }).evaluate((element) => element === document.activeElement);

  beforeAll(async () => {
    session = await startEditorSession({
      stack: { label: 'schedule_form', workers: 0 },
      prepare: async (stack) => {
        const audience = await stack.request('POST', '/api/audiences', {
          key: 'readers',
          name: 'Newsletter readers',
          definition: { all: [{ attribute: { path: 'email', operator: 'exists' } }] },
        });
        expect(audience.status).toBe(201);
        const created = await stack.request('POST', '/api/journeys', { name: 'Black Friday', nodes: [], edges: [] });
        expect(created.status).toBe(201);
        journeyId = created.body.id;
      },
      members: [{ ...MIA, role: 'marketer' }],
      viewport: { width: 1440, height: 900 },
    });
    page = session.page;
  }, 120_000);

  afterAll(() => session?.stop());

  it('should save a one-off date and time when the marketer chooses Once', async () => {
    await session.signIn(MIA);
    await page.goto(`${session.editor.url}#/journeys/${journeyId}`);
    await page
      .getByRole('group', { name: 'Triggers' })
      .getByRole('button', { name: 'On a schedule, for an audience' })
      .click();
    await page.getByTestId(`node-${NODE}`).click();
    // The audience is a text input until the workspace's audiences have loaded, then a select of them.
    await page.locator(`select#field-${NODE}-audience`).selectOption('readers');

    await page.getByLabel('How often', { exact: true }).selectOption({ label: 'Once' });
    // The date is the marketer's to choose: it is flagged until then, and the problem leads to its input.
    const problem = page.getByRole('button', { name: /use a date like/ });
    await problem.click();
    await expect(isFocused('Date')).resolves.toBe(true);
    await page.getByLabel('Date', { exact: true }).fill('2026-11-27');
    await page.getByLabel('Local time', { exact: true }).fill('18:30');

    await expect(problem.count()).resolves.toBe(0);
    await expect(summary()).resolves.toBe('On November 27, 2026 at 18:30, their local time, for readers');
    await expect(savedSchedule()).resolves.toEqual({
      audience: 'readers',
      schedule: { kind: 'once', date: '2026-11-27', time: '18:30' },
    });
  }, 60_000);

  it('should save two weekdays and a time when the marketer switches to Every week', async () => {
    await page.getByLabel('How often', { exact: true }).selectOption({ label: 'Every week' });
    // The time carries over; the days start from the step's defaults.
    await expect(page.getByLabel('Local time', { exact: true }).inputValue()).resolves.toBe('18:30');
    await expect(page.getByLabel('Date', { exact: true }).count()).resolves.toBe(0);

    await page.getByLabel('Monday').uncheck();
    await page.getByLabel('Tuesday').check();
    await page.getByLabel('Thursday').check();
    await page.getByLabel('Local time', { exact: true }).fill('07:15');

    await expect(summary()).resolves.toBe('Every Tuesday and Thursday at 07:15, their local time, for readers');
    await expect(savedSchedule()).resolves.toEqual({
      audience: 'readers',
      schedule: { kind: 'weekly', days: [2, 4], time: '07:15' },
    });
  }, 60_000);

  it('should reach every control of the schedule with the keyboard and pass axe on the settings', async () => {
    await page.getByLabel('How often', { exact: true }).focus();
    for (const label of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Local time']) {
      await page.keyboard.press('Tab');
      await expect(isFocused(label)).resolves.toBe(true);
    }

    const sut = await runAxe(page, '.settings');
    expect(sut.violations).toEqual([]);
    // The rules did look at the form's controls (labels), not at an empty region.
    expect(sut.passed).toContain('label');
    expect(session.pageErrors).toEqual([]);
  }, 60_000);
});
