import { ProfileInputError } from '@rapport/engine';
import { InvalidRequest } from '../common/api-error';

/** Runs an engine call, answering its input errors as a 400 that names each field in the reader's language. */
export const asApiErrors = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ProfileInputError) {
      throw new InvalidRequest(
        error.subject,
        error.issues.map((issue) => ({ path: issue.path, words: { key: issue.key, params: issue.params } })),
      );
    }
    throw error;
  }
};
