import type { z } from 'zod';
import { isMessageKey, translate } from '@rapport/messages';
import { ApiError } from './api-error';

/** A core rule names its words by key (`field.attribute.required`); an API body error stays an English sentence. */
const inWords = (message: string): string =>
  message.startsWith('field.') && isMessageKey(message) ? translate('en', message) : message;

/** zod is the one validator: a bad body is a 400 that names each wrong field. */
export const parseBody = <Schema extends z.ZodType>(schema: Schema, body: unknown, what: string): z.output<Schema> => {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path as (string | number)[],
    message: inWords(issue.message),
  }));
  const summary = issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
  throw new ApiError('invalid_request', `Invalid ${what}: ${summary}`, { issues });
};
