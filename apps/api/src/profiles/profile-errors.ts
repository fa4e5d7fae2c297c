import { ProfileInputError } from '@rapport/engine';
import { ApiError } from '../common/api-error';

/** Runs an engine call, answering its input errors as a 400 that names each field. */
export const asApiErrors = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ProfileInputError) {
      throw new ApiError('invalid_request', error.message, { issues: error.issues });
    }
    throw error;
  }
};
