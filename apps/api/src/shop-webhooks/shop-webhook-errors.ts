import { ShopWebhookError, type ShopWebhookFailure } from '@rapport/engine';
import { ApiError, notFound, type ApiErrorCode, type ApiIssue, type Words } from '../common/api-error';

/** The shop-webhooks module's failures as the API answers them (the filter then maps codes to statuses). */
const apiCode = {
  'unknown-source': 'not_found',
  'unknown-secret': 'not_found',
  'missing-headers': 'unauthorized',
  'bad-signature': 'unauthorized',
  stale: 'unauthorized',
  'invalid-payload': 'invalid_request',
  'invalid-secret': 'invalid_request',
  'secret-limit': 'conflict',
} satisfies Record<ShopWebhookFailure, ApiErrorCode>;

/**
 * Each failure's sentence. An admin managing sources reads the catalog's words; a refused delivery is read by the
 * shop's webhook sender (a program), so the engine's technical reason is shown inside the catalog's frame.
 */
const wordsOf = {
  'unknown-source': () => notFound('shop-source').words,
  'unknown-secret': () => notFound('secret').words,
  'invalid-secret': (error) => ({
    key: 'api.shop-source.invalid-secret',
    params: { scheme: String(error.details['scheme'] ?? '') },
  }),
  'secret-limit': (error) => ({
    key: 'api.shop-source.secret-limit',
    params: { limit: Number(error.details['limit'] ?? 0) },
  }),
  'missing-headers': (error) => ({ key: 'api.shop-webhook.refused', params: { detail: error.message } }),
  'bad-signature': (error) => ({ key: 'api.shop-webhook.refused', params: { detail: error.message } }),
  stale: (error) => ({ key: 'api.shop-webhook.refused', params: { detail: error.message } }),
  'invalid-payload': (error) => ({ key: 'api.shop-webhook.refused', params: { detail: error.message } }),
} satisfies Record<ShopWebhookFailure, (error: ShopWebhookError) => Words>;

/** Runs a service call, turning its ShopWebhookError into the matching ApiError. */
export const answering = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ShopWebhookError) {
      const { issues, ...details } = error.details as { issues?: { path: (string | number)[]; message: string }[] };
      const asWritten: ApiIssue[] = (issues ?? []).map((issue) => ({ path: issue.path, text: issue.message }));
      throw new ApiError(
        apiCode[error.code],
        wordsOf[error.code](error),
        { ...details, reason: error.details['reason'] ?? error.code },
        asWritten,
      );
    }
    throw error;
  }
};
