import type { Page } from 'playwright-core';
import type { Stack } from '../support/stack';

export type Login = { email: string; password: string; name: string };

/** A marketer of the stack's workspace, added with its API key (as an admin would). */
export const addMarketer = async (stack: Stack, login: Login): Promise<Login> => {
  const added = await stack.request('POST', '/api/members', { ...login, role: 'marketer' });
  if (added.status !== 201) throw new Error(`could not add ${login.email}: ${JSON.stringify(added.body)}`);
  return login;
};

/** Opens the editor and signs in through its form, as a marketer does; resolves on the journey list. */
export const signInThroughForm = async (page: Page, editorUrl: string, login: Login): Promise<void> => {
  await page.goto(editorUrl);
  await page.getByLabel('Email').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').waitFor();
};
