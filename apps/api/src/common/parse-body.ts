import type { z } from 'zod';
import { ApiError } from './api-error';

/** zod is the one validator: a bad body is a 400 that names each wrong field. */
export const parseBody = <Schema extends z.ZodType>(schema: Schema, body: unknown, what: string): z.output<Schema> => {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path as (string | number)[],
    message: issue.message,
  }));
  const summary = issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
  throw new ApiError('invalid_request', `Invalid ${what}: ${summary}`, { issues });
};
