import type { Problem } from '@rapport/journey';
import { describeProblem, type Locale } from '@rapport/messages';
import { ApiError } from '../common/api-error';

/** A problem as the API answers it: the core's code, node, path and params, plus a sentence in the reader's language. */
export type ProblemInWords = Problem & { message: string };

/** The core's (word-free) problems with `message` rendered in the reader's language. */
export const localizeProblems = (problems: Problem[], locale: Locale): ProblemInWords[] =>
  problems.map((problem) => ({ ...problem, message: describeProblem(locale, problem) }));

/** A validation answer (`{ problems, ... }`) in the reader's language. */
export const withProblemsIn = async <T extends { problems: Problem[] }>(locale: Locale, work: Promise<T>) => {
  const answer = await work;
  return { ...answer, problems: localizeProblems(answer.problems, locale) };
};

/** A refused publish (422 `journey.invalid`) in the reader's language: the summary sentence and every problem. */
export const refusalIn = async <T>(locale: Locale, work: Promise<T>): Promise<T> => {
  try {
    return await work;
  } catch (error) {
    const problems = error instanceof ApiError ? (error.details['problems'] as Problem[] | undefined) : undefined;
    if (!(error instanceof ApiError) || error.code !== 'journey.invalid' || !problems) throw error;
    throw new ApiError('journey.invalid', error.words, {
      ...error.details,
      problems: localizeProblems(problems, locale),
    });
  }
};
