import type { AudienceDescription, AudienceDescriptionCode } from '@rapport/journey';
import type { MessageKey } from './catalog.en';
import type { Locale } from './locale';
import { translate } from './translate';

type Wording = (locale: Locale, description: AudienceDescription, joined: (key: MessageKey) => string) => string;

// A group with no parts only comes from an unreadable stored definition: it reads as nothing, not "all of ()".
const group =
  (code: 'all' | 'any'): Wording =>
  (locale, description, joined) =>
    description.parts.length === 0
      ? ''
      : translate(locale, `audience.${code}`, { parts: joined(`audience.${code}.join`) });

const test =
  (code: 'attribute' | 'filter'): Wording =>
  (locale, description) =>
    translate(locale, `audience.${code}`, description.params);

// One entry per code, so a new kind of part fails to compile until it has words.
const WORDINGS = {
  all: group('all'),
  any: group('any'),
  attribute: test('attribute'),
  filter: test('filter'),
  history: (locale, description, joined) =>
    translate(locale, 'audience.history', { ...description.params, filters: joined('audience.filter.join') }),
} satisfies Record<AudienceDescriptionCode, Wording>;

/**
 * A saved audience's definition in the reader's language, from the core's word-free `audienceDescription`: each
 * part is `audience.<code>`; a group's parts are joined by `audience.all.join` or `audience.any.join` (the words
 * between two conditions differ by language), a history test's filters by `audience.filter.join`.
 */
export const describeAudience = (locale: Locale, description: AudienceDescription): string => {
  const parts = description.parts.map((part) => describeAudience(locale, part));
  // "A; B; C" is "(A; B); C": each join puts one more part after those already joined.
  const joined = (key: MessageKey): string =>
    parts.reduce((before, after) => (before === '' ? after : translate(locale, key, { before, after })), '');
  return WORDINGS[description.code](locale, description, joined);
};
