import { ProfileInputError } from '@rapport/engine';
import { isMessageKey } from '@rapport/messages';
import { InvalidRequest } from '../common/api-error';

/** Runs an engine call, answering its input errors as a 400 that names each field. */
export const asApiErrors = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ProfileInputError) {
      // Rules named by catalog key are worded for the reader; a few engine rules still write English themselves.
      throw new InvalidRequest(
        error.subject,
        error.issues.map((issue) =>
          isMessageKey(issue.message)
            ? { path: issue.path, words: { key: issue.message } }
            : { path: issue.path, text: issue.message },
        ),
      );
    }
    throw error;
  }
};
