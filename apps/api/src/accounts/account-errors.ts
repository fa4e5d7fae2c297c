import { AccountError, type AccountFailure } from '@rapport/engine';
import { ApiError, type ApiErrorCode } from '../common/api-error';

/** The accounts module's failures as the API answers them (the filter then maps codes to statuses). */
const apiCode = {
  'bad-credentials': 'unauthorized',
  'no-workspace': 'forbidden',
  'unknown-member': 'not_found',
  'already-member': 'conflict',
  'password-required': 'invalid_request',
  'existing-account': 'conflict',
  'last-admin': 'conflict',
} satisfies Record<AccountFailure, ApiErrorCode>;

/** Runs a service call, turning its AccountError into the matching ApiError. */
export const answering = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccountError)
      throw new ApiError(apiCode[error.code], error.message, { ...error.details, reason: error.code });
    throw error;
  }
};
