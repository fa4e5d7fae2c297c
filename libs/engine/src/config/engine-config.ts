import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .default('0')
  .transform((value) => value === '1' || value === 'true');

/** Every setting Rapport reads from the environment, parsed once at boot; nothing else reads process.env. */
const schema = z.object({
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/rapport'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  RAPPORT_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('rapport'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  API_HOST: z.string().default('127.0.0.1'),
  SMTP_URL: z.string().url().default('smtp://127.0.0.1:1025'),
  /** The SMS provider: `twilio://ACCOUNT_SID:AUTH_TOKEN@api.twilio.com?from=+15550001111` (unset: no SMS channel). */
  SMS_URL: z.string().min(1).optional(),
  MESSAGE_ID_DOMAIN: z.string().default('rapport.local'),
  /** Where customers reach the API from (unsubscribe links); defaults to the local API address. */
  PUBLIC_URL: z.string().url().optional(),
  RAPPORT_TEST_CLOCK: flag,
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(16),
  PROMOTER_INTERVAL_MS: z.coerce.number().int().min(10).default(1000),
  SWEEPER_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  /** How stale (engine time) saved audiences may get before a worker recomputes every member; checked each sweep. */
  AUDIENCE_RECOMPUTE_INTERVAL_MS: z.coerce.number().int().min(1000).default(3_600_000),
  /** Requests per second per write key on the tracking API (`/v1/*`); over it: 429 with Retry-After. */
  RATE_LIMIT_TRACKING: z.coerce.number().int().min(1).default(500),
  /** Requests per second per shop webhook source. */
  RATE_LIMIT_WEBHOOKS: z.coerce.number().int().min(1).default(100),
  /** Days a received shop webhook id is kept to refuse replays (Shopify retries for 48 hours). */
  SHOP_WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(7).default(30),
  /** How often workers fold the co-purchase rows orders append into the recommendation counts. */
  INSIGHTS_FOLD_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
  /** An import upload that sends nothing for this long is cut and the import ends `failed`. */
  IMPORT_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type EngineConfig = z.infer<typeof schema>;

export class ConfigError extends Error {}

export const loadConfig = (env: Record<string, string | undefined> = process.env): EngineConfig => {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${problems}`);
  }
  return parsed.data;
};
