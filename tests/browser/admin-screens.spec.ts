import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startEditorSession, type EditorSession, type Login } from '../support/editor-session';

const ROOT = join(__dirname, '../..');
// Screenshots go to the docs on request only, so a test run leaves the work tree clean.
const SCREENSHOTS = join(ROOT, process.env['RAPPORT_UPDATE_SCREENSHOT'] ? 'docs/screenshots' : 'tmp/screenshots');
const ADMIN: Login = { email: 'ines@shop.example', password: 'ines-password-42', name: 'Ines' };
const MARKETER: Login = { email: 'max@shop.example', password: 'max-password-42', name: 'Max' };
const VIEWER: Login = { email: 'vera@shop.example', password: 'vera-password-42', name: 'Vera' };

/**
 * Three named customers (the second one's phone is not E.164, so its row fails) and 5,000 more, about 1.2 MB: big
 * enough that the upload is still going when the server has read the header (a browser cut such uploads off when
 * the answer came early).
 */
const BULK_ROWS = 5000;
const CUSTOMERS_CSV = [
  'user_id,email,phone,favourite_shade',
  'ada,ada@example.com,+4915112345678,coral',
  'bob,bob@example.com,12345,mauve',
  'cy,cy@example.com,,nude',
  ...Array.from({ length: BULK_ROWS }, (_, i) => `bulk-${i},bulk-${i}@example.com,,${'rose'.repeat(50)}`),
  '',
].join('\n');

const ORDERS_CSV = [
  'order_id,user_id,timestamp,product_id,name,quantity,price',
  'o1,ada,2026-05-02T10:00:00Z,p1,Mascara,1,19.5',
  'o1,ada,2026-05-02T10:00:00Z,p2,Eyeshadow,2,9',
  'o2,cy,2026-05-03T11:00:00Z,p1,Mascara,1,19.5',
  '',
].join('\n');

describe('imports, members and what each role sees, in a browser', () => {
  let session: EditorSession;
  let page: Page;
  let journeyId: string;

  const open = async (target: Page, hash: string) => {
    await target.goto(`${session.editor.url}${hash}`);
    await target.getByTestId('signed-in-as').waitFor();
  };
  const screenshot = (target: Page, name: string) =>
    target.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  /** A fresh browser context (own cookies) signed in as `login`. */
  const signedIn = async (login: Login): Promise<Page> => {
    const other = await session.openPage();
    await session.signIn(login, other);
    return other;
  };
  const navLinks = (target: Page) =>
    target.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    session = await startEditorSession({
      stack: { label: 'admin-screens' },
      prepare: async (stack) => {
        const journey = await stack.request('POST', '/api/journeys', {
          name: 'Thank you',
          nodes: [
            { id: 'start', kind: 'event-trigger', config: { event: 'Order Completed' }, position: { x: 0, y: 0 } },
            { id: 'done', kind: 'exit', config: {}, position: { x: 300, y: 0 } },
          ],
          edges: [{ from: 'start', output: 'next', to: 'done' }],
        });
        journeyId = journey.body.id;
        expect((await stack.request('POST', `/api/journeys/${journeyId}/publish`)).status).toBe(201);
        const template = await stack.request('PUT', '/api/templates/thanks', {
          name: 'Thanks',
          subject: 'Thank you',
          html: '<p>Thank you for your order.</p>',
        });
        expect(template.status).toBe(200);
      },
      members: [
        { ...ADMIN, role: 'admin' },
        { ...MARKETER, role: 'marketer' },
      ],
      viewport: { width: 1280, height: 900 },
      signInAs: ADMIN,
    });
    page = session.page;
  }, 120_000);

  afterAll(() => session?.stop());

  it('should import customers from a picked CSV and report the one bad row with its line and column', async () => {
    await open(page, '#/imports');
    await expect(page.getByTestId('import-help').textContent()).resolves.toContain('user_id');
    await page.getByLabel('Choose a CSV file').setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CUSTOMERS_CSV),
    });
    await page.getByTestId('chosen-file').getByText('customers.csv').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const done = `Done: ${BULK_ROWS + 2} rows imported, 1 failed.`;
    await page.getByTestId('import-status').getByText(done).waitFor({ timeout: 40_000 });
    await expect(
      page.getByTestId('import-progress').evaluate((bar) => (bar as HTMLProgressElement).position),
    ).resolves.toBe(1);
    await expect(page.getByTestId('import-rows-read').textContent()).resolves.toBe(String(BULK_ROWS + 3));
    await expect(page.getByTestId('import-imported').textContent()).resolves.toBe(String(BULK_ROWS + 2));
    await expect(page.getByTestId('import-failed').textContent()).resolves.toBe('1');
    const errorRows = page.getByTestId('import-errors').locator('tbody tr');
    await expect(errorRows.count()).resolves.toBe(1);
    const cells = await errorRows.first().locator('td').allTextContents();
    expect(cells).toEqual(['3', 'phone', '"12345" is not a phone number in E.164 form, such as +33612345678']);

    // The address names the import, and the link downloads every error with the member's session.
    const importId = /#\/imports\/([^/]+)$/.exec(page.url())?.[1];
    expect(importId).toBeTruthy();
    const link = page.getByRole('link', { name: 'Download all errors as CSV' });
    await expect(link.getAttribute('href')).resolves.toBe(`/api/imports/${importId}/errors?format=csv`);
    const csv = await page.evaluate(
      (href) => fetch(href, { credentials: 'same-origin' }).then((response) => response.text()),
      `/api/imports/${importId}/errors?format=csv`,
    );
    expect(csv.split('\n')[0]).toBe('row,column,message');
    expect(csv).toContain('3,phone,"""12345"" is not a phone number in E.164 form, such as +33612345678"');
    const ada = await session.stack.request('GET', '/api/customers?search=ada');
    expect(ada.body.customers[0]?.attributes).toMatchObject({ favourite_shade: 'coral' });
    await screenshot(page, 'import-customers');

    // A reload shows the same report from the address alone.
    await page.reload();
    await page.getByTestId('import-status').getByText(done).waitFor();
  }, 60_000);

  it('should import past orders from a file dropped on the drop zone', async () => {
    await open(page, '#/imports');
    await page.getByLabel('Past orders').check();
    await expect(page.getByTestId('import-help').textContent()).resolves.toContain('order_id');
    // What a drag from the desktop delivers: a drop event whose DataTransfer holds the file.
    await page.getByTestId('drop-zone').evaluate((zone, csv) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([csv], 'orders.csv', { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, ORDERS_CSV);
    await page.getByTestId('chosen-file').getByText('orders.csv').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    await page
      .getByTestId('import-status')
      .getByText(/^Done: /)
      .waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('import-failed').textContent()).resolves.toBe('0');
    await expect(page.getByTestId('import-rows-read').textContent()).resolves.toBe('3');
    await page.getByText('No row failed.').waitFor();
    const orders = await session.stack.request('GET', '/api/customers?search=ada');
    expect(orders.status).toBe(200);
  }, 60_000);

  it('should add a viewer, show the server refusals next to their fields, and remove a member after confirming', async () => {
    await open(page, '#/members');
    await page.getByTestId(`member-${MARKETER.email}`).waitFor();

    // A new account with a password the server finds too short: the message sits by the password field.
    await page.getByLabel('Email', { exact: true }).fill(VIEWER.email);
    await page.getByLabel('Name (for a new account)').fill(VIEWER.name);
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByLabel(/^First password/).fill('short');
    await page.getByRole('button', { name: 'Add member' }).click();
    const passwordError = page.locator('#add-member-password-error');
    await passwordError.getByText('use at least 10 characters').waitFor();
    await expect(page.getByLabel(/^First password/).getAttribute('aria-invalid')).resolves.toBe('true');

    await page.getByLabel(/^First password/).fill(VIEWER.password);
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByText(`Added ${VIEWER.name} with a new account.`).waitFor();
    const row = page.getByTestId(`member-${VIEWER.email}`);
    await row.waitFor();
    await expect(row.getByRole('combobox').inputValue()).resolves.toBe('viewer');

    // The same email again: 409, shown at the email field.
    await page.getByLabel('Email', { exact: true }).fill(VIEWER.email);
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.locator('#add-member-email-error').getByText('already a member').waitFor();

    // The only admin cannot step down: the 409 shows in her row, and her role stays.
    const own = page.getByTestId(`member-${ADMIN.email}`);
    await own.getByRole('combobox').selectOption('viewer');
    await own.getByRole('alert').getByText('last admin').waitFor();
    await page.reload();
    await expect(page.getByTestId(`member-${ADMIN.email}`).getByRole('combobox').inputValue()).resolves.toBe('admin');

    // Someone added by mistake goes, after a confirmation.
    const temp = await session.stack.request('POST', '/api/members', {
      email: 'temp@shop.example',
      role: 'viewer',
      password: 'temp-password-42',
    });
    expect(temp.status).toBe(201);
    await page.reload();
    const tempRow = page.getByTestId('member-temp@shop.example');
    page.once('dialog', (dialog) => void dialog.accept());
    await tempRow.getByRole('button', { name: 'Remove' }).click();
    await tempRow.waitFor({ state: 'detached' });
    const members = await session.stack.request('GET', '/api/members');
    expect(members.body.members.map((member: { email: string }) => member.email).sort()).toEqual(
      [ADMIN.email, MARKETER.email, VIEWER.email].sort(),
    );
    await screenshot(page, 'members');
  }, 60_000);

  it('should show a viewer everything read only: no edit buttons, disabled forms, no admin screens', async () => {
    const viewer = await signedIn(VIEWER);
    try {
      await open(viewer, '#/');
      const row = viewer.getByTestId(`journey-row-${journeyId}`);
      await row.waitFor();
      await viewer.getByTestId('read-only-note').waitFor();
      await expect(row.getByRole('button').allTextContents()).resolves.toEqual(['Thank you']);
      await expect(row.getByRole('link', { name: 'Publish…' }).count()).resolves.toBe(0);
      await expect(viewer.getByRole('button', { name: 'Create and open' }).count()).resolves.toBe(0);
      await expect(navLinks(viewer)).resolves.not.toContain('Members');
      await screenshot(viewer, 'viewer-journeys');

      await open(viewer, '#/templates');
      await viewer.getByRole('link', { name: 'thanks' }).waitFor();
      await viewer.getByTestId('read-only-note').waitFor();
      await expect(viewer.getByRole('button', { name: 'Create' }).count()).resolves.toBe(0);
      await viewer.getByRole('link', { name: 'thanks' }).click();
      await expect(viewer.getByLabel('Subject', { exact: true }).inputValue()).resolves.toBe('Thank you');
      await expect(viewer.getByLabel('Subject', { exact: true }).isDisabled()).resolves.toBe(true);
      await expect(viewer.getByRole('button', { name: /^(Save|Save and preview|Send test)$/ }).count()).resolves.toBe(
        0,
      );

      await open(viewer, `#/journeys/${journeyId}/settings`);
      await viewer.getByTestId('read-only-note').waitFor();
      await expect(viewer.getByLabel('Measure a goal').isDisabled()).resolves.toBe(true);
      await expect(viewer.getByRole('button', { name: 'Save settings' }).count()).resolves.toBe(0);

      await open(viewer, '#/imports');
      await expect(viewer.getByLabel('Choose a CSV file').isDisabled()).resolves.toBe(true);

      // Delivery rules are read by every role; the providers and shop sources only by admins.
      await open(viewer, '#/settings');
      await viewer.getByRole('heading', { name: 'Delivery rules' }).waitFor();
      await expect(viewer.getByRole('button', { name: 'Save delivery rules' }).count()).resolves.toBe(0);
      await expect(viewer.getByTestId('providers').count()).resolves.toBe(0);
      await expect(viewer.getByRole('heading', { name: 'Shop webhook sources' }).count()).resolves.toBe(0);

      await open(viewer, '#/members');
      await viewer.getByRole('heading', { name: 'Admins only' }).waitFor();
    } finally {
      await viewer.context().close();
    }
  }, 60_000);

  it('should tell a marketer who opens the members address that it is for admins only', async () => {
    const marketer = await signedIn(MARKETER);
    try {
      await open(marketer, '#/members');
      await marketer.getByRole('heading', { name: 'Admins only' }).waitFor();
      await expect(marketer.getByText('you are a marketer here').count()).resolves.toBe(1);
      await expect(marketer.getByTestId('members').count()).resolves.toBe(0);
      await screenshot(marketer, 'marketer-admins-only');
      const links = await navLinks(marketer);
      expect(links).not.toContain('Members');
      expect(links).toContain('Import');
      // A marketer still edits: the journey list offers its actions and no read-only note.
      await open(marketer, '#/');
      await marketer.getByTestId(`journey-row-${journeyId}`).getByRole('button', { name: 'Pause' }).waitFor();
      await expect(marketer.getByTestId('read-only-note').count()).resolves.toBe(0);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await marketer.context().close();
    }
  }, 60_000);
});
