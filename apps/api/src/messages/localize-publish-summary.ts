import type { Problem } from '@rapport/journey';
import { wordPublishSummary, type Locale, type PublishSummary } from '@rapport/messages';
import { localizeProblems } from './localize-problems';

/** A publish summary in the reader's language: step titles, each change, connection and outcome, and the problems. */
export const publishSummaryIn = async (locale: Locale, work: Promise<PublishSummary & { problems: Problem[] }>) => {
  const { problems, ...summary } = await work;
  return { ...wordPublishSummary(locale, summary), problems: localizeProblems(problems, locale) };
};
