import { z } from 'zod';
import { ShopWebhookError } from './shop-change';

/** Ids arrive as numbers (Shopify, kept exact by the lossless parse) or strings; Rapport stores them as text. */
export const idSchema = z.union([z.string().trim().min(1).max(200), z.number().int()]).transform(String);

/** Money arrives as "19.99" (Shopify) or 19.99; an empty or unreadable amount is refused, not guessed. */
export const moneySchema = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/, 'is not an amount such as "19.99"'),
  ])
  .transform(Number)
  .refine(Number.isFinite, 'is not a finite amount');

export const dateSchema = z.iso.datetime({ offset: true });

export const refillDaysSchema = z.coerce.number().int().min(1).max(3650);

export const optionalText = z.string().trim().max(1000).nullish();

/** The parsed value, or a ShopWebhookError naming every wrong field (a 400; nothing stored). */
export const parsePayload = <Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.output<Schema> => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path as (string | number)[],
    message: issue.message,
  }));
  const summary = issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
  throw new ShopWebhookError('invalid-payload', `Invalid ${what}: ${summary}`, { issues });
};

/** null and '' both mean "not given". */
export const textOrNull = (value: string | null | undefined): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
