import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium, startEditor, type EditorServer } from './editor-browser';
import { startStack, type Stack } from './stack';

export type Login = { email: string; password: string; name: string };
export type Member = Login & { role: 'admin' | 'marketer' | 'viewer' };

export type EditorSessionOptions = {
  /** The stack's options; its label names the file's database and queue prefix. */
  stack: Parameters<typeof startStack>[0];
  /** What the workspace holds before the editor opens (templates, journeys, customers), set through the APIs. */
  prepare?: (stack: Stack) => Promise<void>;
  /** Members added with the workspace's API key, as an admin would, after `prepare`. */
  members?: Member[];
  viewport: { width: number; height: number };
  /** The browser's language (Accept-Language, navigator.language); Chromium's own when left out. */
  locale?: string;
  /** Signs this member in through the form before the tests start; left out, the page stays blank. */
  signInAs?: Login;
};

export type EditorSession = {
  stack: Stack;
  editor: EditorServer;
  page: Page;
  /** Uncaught errors of every page the session opened, in order: a screen that throws fails the test that checks. */
  pageErrors: string[];
  /** Opens the editor on `target` (the session's page by default) and signs in through its form. */
  signIn(login: Login, target?: Page): Promise<void>;
  /** A page in a fresh browser context (its own cookies) with the session's viewport and locale. */
  openPage(): Promise<Page>;
  stop(): Promise<void>;
};

/** Opens the editor and signs in through its form, as a member does; resolves on the journey list. */
const signInThroughForm = async (page: Page, editorUrl: string, login: Login): Promise<void> => {
  await page.goto(editorUrl);
  await page.getByLabel('Email').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').waitFor();
};

const addMember = async (stack: Stack, member: Member): Promise<void> => {
  const added = await stack.request('POST', '/api/members', member);
  if (added.status !== 201) throw new Error(`could not add ${member.email}: ${JSON.stringify(added.body)}`);
};

/**
 * A browser file's whole world: a stack (prepared, with its members), the editor's dev server proxying to it, and
 * Debian's Chromium on one page. `stop()` closes them in reverse order; when setup fails halfway, what had started
 * is stopped before the error is rethrown, so a failed `beforeAll` leaves no process or database behind.
 */
export const startEditorSession = async (options: EditorSessionOptions): Promise<EditorSession> => {
  let stack: Stack | undefined;
  let editor: EditorServer | undefined;
  let browser: Browser | undefined;
  // Every part is closed even when one before it fails to close, so no Chromium or dev server outlives the file.
  const stop = async () => {
    const failures: unknown[] = [];
    for (const close of [() => browser?.close(), () => editor?.stop(), () => stack?.stop()]) {
      await Promise.resolve()
        .then(close)
        .catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0) throw new AggregateError(failures, 'the editor session did not stop cleanly');
  };

  try {
    stack = await startStack(options.stack);
    await options.prepare?.(stack);
    for (const member of options.members ?? []) await addMember(stack, member);
    editor = await startEditor(stack);
    const launched = await launchChromium();
    browser = launched;
    const pageErrors: string[] = [];
    const contextOptions: BrowserContextOptions = {
      viewport: options.viewport,
      ...(options.locale ? { locale: options.locale } : {}),
    };
    const openPage = async () => {
      const context = await launched.newContext(contextOptions);
      const opened = await context.newPage();
      opened.on('pageerror', (error) => pageErrors.push(error.message));
      return opened;
    };
    const page = await openPage();
    const editorUrl = editor.url;
    const signIn = (login: Login, target: Page = page) => signInThroughForm(target, editorUrl, login);
    if (options.signInAs) await signIn(options.signInAs);
    return { stack, editor, page, pageErrors, signIn, openPage, stop };
  } catch (error) {
    // The setup error is the one worth reading; a failure to stop after it would only hide it.
    await stop().catch(() => undefined);
    throw error;
  }
};
