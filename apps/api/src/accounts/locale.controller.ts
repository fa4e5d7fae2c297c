import { Body, Controller, HttpCode, Inject, Put, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { AccountService, type Engine } from '@rapport/engine';
import { LOCALES } from '@rapport/messages';
import { UserLocaleRepository } from '@rapport/persistence';
import { ApiError } from '../common/api-error';
import { sessionOrThrow } from '../common/auth.guards';
import { ENGINE } from '../common/engine.token';
import { parseBody } from '../common/parse-body';

const localeChangeSchema = z.object({ locale: z.enum(LOCALES, `is one of ${LOCALES.join(', ')}`) }).strict();

/** The signed-in marketer's language, remembered with their account (the editor's language switch). */
@Controller('api/auth/me')
export class LocaleController {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    @Inject(AccountService) private readonly accounts: AccountService,
  ) {}

  /** Any role may choose its own language; CSRF-checked like every change a session makes. */
  @Put('locale')
  @HttpCode(200)
  async setLocale(@Req() request: Request, @Body() body: unknown) {
    const session = await sessionOrThrow(this.accounts, request);
    const { locale } = parseBody(localeChangeSchema, body, 'language');
    if (!(await new UserLocaleRepository(this.engine.db.manager).set(session.user.id, locale)))
      throw new ApiError('unauthorized', { key: 'api.auth.session-ended' });
    return { locale };
  }
}
