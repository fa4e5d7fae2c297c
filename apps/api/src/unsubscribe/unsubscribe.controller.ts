import { Controller, Get, Header, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { verifyUnsubscribeToken, type UnsubscribePayload } from '@rapport/channels';
import type { Engine } from '@rapport/engine';
import { pickLocale, translate, type Locale } from '@rapport/messages';
import { ConsentRepository, CustomerRepository, InstallationSecretRepository } from '@rapport/persistence';
import { ENGINE } from '../common/engine.token';

const page = (locale: Locale, title: string, body: string) =>
  `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<title>${title}</title><style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#111}` +
  `button{font:inherit;padding:.6rem 1.2rem;border-radius:6px;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}` +
  `button:focus-visible{outline:3px solid #93c5fd;outline-offset:2px}</style></head><body><h1>${title}</h1>${body}</body></html>`;

/**
 * One-click unsubscribe (RFC 8058): mail clients POST to the List-Unsubscribe URL; a person who follows the link
 * gets a page with one button, so a link scanner's GET never unsubscribes anyone. The token is signed; nothing
 * else identifies the customer.
 */
@Controller('unsubscribe')
export class UnsubscribeController {
  private readonly secrets: InstallationSecretRepository;

  constructor(@Inject(ENGINE) private readonly engine: Engine) {
    this.secrets = new InstallationSecretRepository(engine.db.manager);
  }

  /** The customer's language from their profile, then the browser's, then English. */
  private async localeFor(payload: UnsubscribePayload | null, request: Request): Promise<Locale> {
    const customer = payload
      ? await new CustomerRepository(this.engine.db.manager).findById(payload.workspaceId, payload.customerId)
      : null;
    return pickLocale(customer?.locale, request.headers['accept-language']);
  }

  @Get(':token')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @Header('vary', 'accept-language')
  async show(@Param('token') token: string, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const payload = verifyUnsubscribeToken(token, await this.secrets.get('unsubscribe'));
    const locale = await this.localeFor(payload, request);
    const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
    if (!payload) {
      response.status(400);
      return page(locale, t('unsubscribe.invalid.title'), `<p>${t('unsubscribe.invalid.hint')}</p>`);
    }
    return page(
      locale,
      t('unsubscribe.title'),
      `<p>${t('unsubscribe.question')}</p><form method="post"><button type="submit">${t('unsubscribe.button')}</button></form>`,
    );
  }

  @Post(':token')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('vary', 'accept-language')
  async unsubscribe(
    @Param('token') token: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const payload = verifyUnsubscribeToken(token, await this.secrets.get('unsubscribe'));
    const locale = await this.localeFor(payload, request);
    const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
    if (!payload) {
      response.status(400);
      return page(locale, t('unsubscribe.invalid.title'), `<p>${t('unsubscribe.invalid.unchanged')}</p>`);
    }
    await new ConsentRepository(this.engine.db.manager).set(
      { ...payload, granted: false, source: 'unsubscribe link' },
      await this.engine.clock.now(),
    );
    return page(locale, t('unsubscribe.done.title'), `<p>${t('unsubscribe.done.body')}</p>`);
  }
}
