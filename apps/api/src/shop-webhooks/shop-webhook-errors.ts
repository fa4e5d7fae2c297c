import { ShopWebhookError, type ShopWebhookFailure } from '@rapport/engine';
import { ApiError, type ApiErrorCode } from '../common/api-error';

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

/** Runs a service call, turning its ShopWebhookError into the matching ApiError. */
export const answering = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ShopWebhookError) {
      throw new ApiError(apiCode[error.code], error.message, {
        ...error.details,
        reason: error.details['reason'] ?? error.code,
      });
    }
    throw error;
  }
};
