import type { Request } from 'express';
import { pickLocale, type Locale } from '@rapport/messages';
import type { AuthedRequest } from '../common/auth.guards';

/**
 * The language to answer a marketer in: a signed-in member's stored choice (the editor's language switch saves
 * it), otherwise the request's Accept-Language, otherwise English. A program with the API key sends
 * Accept-Language for Chinese.
 */
export const readerLocale = (request: Request): Locale => {
  const actor = (request as Partial<AuthedRequest>).actor;
  const stored = actor?.kind === 'session' ? actor.session.user.locale : null;
  return pickLocale(stored, request.headers['accept-language']);
};
