import type { Page } from 'playwright-core';
import { startEditorSession, type EditorSession, type Login } from '../support/editor-session';
import { thankYouJourney, thankYouTemplate } from '../support/thank-you-fixture';

const MARKETER: Login = { email: 'mei@shop.example', password: 'mei-password-88', name: 'Mei' };

/** A draft still being built: its wait leads nowhere yet, which the problems panel reports. */
const unfinishedJourney = () => ({
  name: 'Unfinished welcome',
  nodes: [
    { id: 'start', kind: 'event-trigger', config: { event: 'Signed Up' }, position: { x: 0, y: 0 } },
    { id: 'pause', kind: 'wait-delay', config: { amount: 3, unit: 'days' }, position: { x: 300, y: 0 } },
  ],
  edges: [{ from: 'start', output: 'next', to: 'pause' }],
});

/**
 * A marketer who reads Chinese switches the editor to 中文 and works in it: the journey list, the canvas palette,
 * the steps' summaries, the problems and the journey settings are in Chinese, and the choice is still there after a
 * reload.
 */
describe('the editor in English or Chinese', () => {
  let session: EditorSession;
  let page: Page;
  let unfinishedId: string;

  beforeAll(async () => {
    session = await startEditorSession({
      stack: { label: 'languages' },
      prepare: async (stack) => {
        await stack.request('PUT', '/api/templates/thank-you', thankYouTemplate());
        await stack.request('POST', '/api/journeys', thankYouJourney());
        const created = await stack.request('POST', '/api/journeys', unfinishedJourney());
        if (created.status !== 201) throw new Error(JSON.stringify(created.body));
        unfinishedId = created.body.id;
      },
      members: [{ ...MARKETER, role: 'marketer' }],
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
    });
    page = session.page;
  }, 120_000);

  afterAll(() => session?.stop());

  it('should offer the language switch on the sign-in screen and word the form in the language picked', async () => {
    await page.goto(session.editor.url);
    await page.getByRole('heading', { name: 'Sign in to Rapport' }).waitFor();

    await page.getByTestId('language-switch').selectOption('zh-CN');

    await page.getByRole('heading', { name: '登录 Rapport' }).waitFor();
    await expect(page.getByLabel('邮箱').count()).resolves.toBe(1);
    await page.getByTestId('language-switch').selectOption('en');
    await page.getByRole('heading', { name: 'Sign in to Rapport' }).waitFor();
  }, 60_000);

  it('should show the journey list, the palette, a summary and a problem in Chinese after switching to 中文', async () => {
    await session.signIn(MARKETER);

    await page.getByTestId('language-switch').selectOption('zh-CN');

    await page.getByRole('heading', { name: '旅程', exact: true }).waitFor();
    await page.getByRole('columnheader', { name: '已发布版本' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');

    await page.getByRole('button', { name: 'Unfinished welcome', exact: true }).click();
    await page.getByRole('heading', { name: '添加步骤' }).waitFor();
    await expect(page.getByRole('group', { name: '触发器' }).getByText('当客户触发某个事件').count()).resolves.toBe(1);
    await expect(page.getByTestId('summary-pause').textContent()).resolves.toBe('等待 3 天');
    await expect(page.getByTestId('summary-start').textContent()).resolves.toBe('当 Signed Up 发生时');
    await page.getByRole('heading', { name: '问题（1）' }).waitFor();
    await page.getByText('出口“next”尚未连接：请指定客户接下来去哪里。').waitFor();
  }, 60_000);

  it('should still be in Chinese after a reload, remembered for the marketer', async () => {
    await page.reload();

    await page.getByRole('heading', { name: '添加步骤' }).waitFor();
    await expect(page.getByTestId('summary-pause').textContent()).resolves.toBe('等待 3 天');
    await expect(page.getByTestId('language-switch').inputValue()).resolves.toBe('zh-CN');
    // Stored with the account too, so another browser opens in Chinese.
    const me = await page.evaluate(async () => (await fetch('/api/auth/me', { credentials: 'include' })).json());
    expect(me.user.locale).toBe('zh-CN');
  }, 60_000);

  it('should say in Chinese what publishing a change does: steps by their Chinese names, settings in words', async () => {
    const journey = () => ({
      ...unfinishedJourney(),
      name: 'Welcome, finished',
      nodes: [...unfinishedJourney().nodes, { id: 'end', kind: 'exit', config: {}, position: { x: 600, y: 0 } }],
      edges: [...unfinishedJourney().edges, { from: 'pause', output: 'next', to: 'end' }],
    });
    const created = await session.stack.request('POST', '/api/journeys', journey());
    expect((await session.stack.request('POST', `/api/journeys/${created.body.id}/publish`)).status).toBe(201);
    const draft = {
      ...journey(),
      nodes: journey().nodes.map((node) =>
        node.id === 'pause' ? { ...node, config: { amount: 5, unit: 'days' } } : node,
      ),
      settings: { entry: { mode: 'once-per-period', period: { amount: 1, unit: 'years' } } },
    };
    expect((await session.stack.request('PUT', `/api/journeys/${created.body.id}`, draft)).status).toBe(200);

    await page.goto(`${session.editor.url}#/journeys/${encodeURIComponent(created.body.id)}/publish`);

    const step = page.getByTestId('summary-pause');
    await step.waitFor();
    await expect(step.locator('strong').textContent()).resolves.toBe('等待一段时间');
    await expect(step.locator('.hint').textContent()).resolves.toBe(
      '更改：数量（由 3 改为 5）。 新进入的客户使用新的设置。',
    );
    const entry = page.getByTestId('summary-setting-entry');
    await expect(entry.textContent()).resolves.toBe(
      '进入规则（由 每次触发时都进入 改为 每 1 年一次）从现在起适用于新的进入（所有版本的经过次数都计算在内）。',
    );
    await page.getByRole('button', { name: '发布版本 2' }).waitFor();
  }, 60_000);

  it("should word the entry rule's period units in Chinese on the journey settings screen", async () => {
    await page.goto(`${session.editor.url}#/journeys/${encodeURIComponent(unfinishedId)}/settings`);
    await page.getByLabel('进入规则').selectOption('once-per-period');

    const unit = page.getByLabel('周期单位');
    await expect(unit.inputValue()).resolves.toBe('years');
    await expect(unit.locator('option').allTextContents()).resolves.toEqual(['天', '周', '个月', '年']);

    await page.goto(`${session.editor.url}#/journeys/${encodeURIComponent(unfinishedId)}`);
    await page.getByRole('heading', { name: '添加步骤' }).waitFor();
  }, 60_000);

  it("should show an import's failed rows in Chinese on the imports screen and in the download", async () => {
    await page.goto(`${session.editor.url}#/imports`);
    await page.getByLabel('选择 CSV 文件').setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('user_id,email,phone\nmei-1,mei-1@example.com,\nmei-2,mei-2@example.com,12345\n'),
    });
    await page.getByTestId('chosen-file').getByText('customers.csv').waitFor();
    await page.getByRole('button', { name: '导入', exact: true }).click();

    await page.getByTestId('import-status').getByText('完成：已导入 1 行，1 行失败。').waitFor({ timeout: 20_000 });
    const why = '“12345” 不是 E.164 格式的电话号码（例如 +8613812345678）';
    const cells = await page.getByTestId('import-errors').locator('tbody tr').first().locator('td').allTextContents();
    expect(cells).toEqual(['3', 'phone', why]);
    const href = await page.getByRole('link', { name: '以 CSV 格式下载全部错误' }).getAttribute('href');
    const csv = await page.evaluate(
      (url) => fetch(url ?? '', { credentials: 'same-origin' }).then((response) => response.text()),
      href,
    );
    expect(csv).toBe(`row,column,message\n3,phone,${why}\n`);

    await page.goto(`${session.editor.url}#/journeys/${encodeURIComponent(unfinishedId)}`);
    await page.getByRole('heading', { name: '添加步骤' }).waitFor();
  }, 60_000);

  it('should be back in English after switching back', async () => {
    await page.getByTestId('language-switch').selectOption('en');

    await page.getByRole('heading', { name: 'Add a step' }).waitFor();
    await expect(page.getByTestId('summary-pause').textContent()).resolves.toBe('Wait 3 days');
    await page.getByText('Output "next" is not connected: say where customers go next.').waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    expect(page.url()).toContain(encodeURIComponent(unfinishedId));
  }, 60_000);

  it('should word what the API describes again when the marketer switches language, without a reload', async () => {
    await session.stack.request('POST', '/api/audiences', {
      key: 'repeat-buyers',
      name: 'Bought twice in 90 days',
      definition: { history: { event: 'Order Completed', comparison: 'at-least', count: 2, withinDays: 90 } },
    });
    await page.goto(`${session.editor.url}#/audiences`);
    await page.getByText('has done Order Completed at least 2 times in the last 90 days').waitFor();

    await page.getByTestId('language-switch').selectOption('zh-CN');

    await page.getByText('在最近 90 天内做过 Order Completed 至少 2 次').waitFor();
    await page.getByTestId('language-switch').selectOption('en');
    await page.getByText('has done Order Completed at least 2 times in the last 90 days').waitFor();
  }, 60_000);
});
