import { AccountError, type AccountFailure } from '@rapport/engine';
import { ApiError, notFound, type ApiErrorCode, type Words } from '../common/api-error';

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

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Each failure's sentence, from the catalog, with what the engine said about it. */
const wordsOf = {
  'bad-credentials': () => ({ key: 'api.account.bad-credentials' }),
  'no-workspace': (details) => ({
    key: 'api.account.no-workspace',
    params: { chosen: details['chosen'] ? 'yes' : 'no' },
  }),
  'unknown-member': () => notFound('member').words,
  'already-member': (details) => ({ key: 'api.account.already-member', params: { email: text(details['email']) } }),
  'password-required': (details) => ({
    key: 'api.account.password-required',
    params: { email: text(details['email']) },
  }),
  'existing-account': (details) => ({
    key: 'api.account.existing-account',
    params: { email: text(details['email']), field: text(details['field']) },
  }),
  'last-admin': () => ({ key: 'api.account.last-admin' }),
} satisfies Record<AccountFailure, (details: Record<string, unknown>) => Words>;

/** Runs a service call, turning its AccountError into the matching ApiError. */
export const answering = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccountError)
      // The answer names the field at fault and why; the sentence's own values (email, ...) stay in the words.
      throw new ApiError(apiCode[error.code], wordsOf[error.code](error.details), {
        ...(typeof error.details['field'] === 'string' ? { field: error.details['field'] } : {}),
        reason: error.code,
      });
    throw error;
  }
};
