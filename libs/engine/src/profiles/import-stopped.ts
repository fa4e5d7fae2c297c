import { translate, type MessageKey, type MessageParams } from '@rapport/messages';
import type { ImportStopReason } from '@rapport/persistence';

/**
 * Why an import stopped before the end of its file, as a catalog key the API words for each reader. The upload's
 * own failures have their words; anything else (the database went away) keeps its technical detail as a param.
 */
export class ImportStopped extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(translate('en', key, params));
  }

  /** The client went away before sending the whole file. */
  static interrupted(): ImportStopped {
    return new ImportStopped('import.failed.interrupted');
  }

  /** The client kept the connection open but sent nothing for `seconds`. */
  static stalled(seconds: number): ImportStopped {
    return new ImportStopped('import.failed.stalled', { seconds });
  }

  /** What is stored with a failed import for any error that stopped it. */
  static reasonOf(error: unknown): ImportStopReason {
    const stopped =
      error instanceof ImportStopped
        ? error
        : new ImportStopped('import.failed.other', {
            detail: error instanceof Error ? error.message : String(error),
          });
    return { code: stopped.key, params: stopped.params, message: stopped.message };
  }
}
