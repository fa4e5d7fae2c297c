import type { z } from 'zod';
import { fieldIssueParams } from '@rapport/journey';
import { isMessageKey, toMessageParams } from '@rapport/messages';
import { InvalidRequest, type ApiIssue, type Subject } from './api-error';

/**
 * One zod issue in words: a rule's own key (`field.template.subject-required`) or, for zod's built-in checks, the
 * generic `field.too-small` with its limits; worded in the reader's language when the API answers.
 */
export const issueOf = (issue: z.core.$ZodIssue): ApiIssue => {
  const params = fieldIssueParams(issue);
  const key = String(params['message']);
  return {
    path: issue.path as (string | number)[],
    words: { key: isMessageKey(key) ? key : 'field.invalid', params: toMessageParams(params) },
  };
};

/** zod is the one validator: a bad body is a 400 that names each wrong field. */
export const parseBody = <Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
  subject: Subject,
): z.output<Schema> => {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new InvalidRequest(subject, parsed.error.issues.map(issueOf));
};
