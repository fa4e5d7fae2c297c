import { Controller, Get, Header, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { verifyUnsubscribeToken } from '@rapport/channels';
import type { Engine } from '@rapport/engine';
import { ConsentRepository, InstallationSecretRepository } from '@rapport/persistence';
import { ENGINE } from '../common/engine.token';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
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

  @Get(':token')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async show(@Param('token') token: string, @Res({ passthrough: true }) response: Response) {
    if (!verifyUnsubscribeToken(token, await this.secrets.get('unsubscribe'))) {
      response.status(400);
      return page('This link is not valid', '<p>It may have been cut short. Use the link from the newest message.</p>');
    }
    return page(
      'Unsubscribe',
      `<p>Stop receiving these emails?</p><form method="post"><button type="submit">Unsubscribe</button></form>`,
    );
  }

  @Post(':token')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  async unsubscribe(@Param('token') token: string, @Res({ passthrough: true }) response: Response) {
    const payload = verifyUnsubscribeToken(token, await this.secrets.get('unsubscribe'));
    if (!payload) {
      response.status(400);
      return page('This link is not valid', '<p>Nothing was changed.</p>');
    }
    await new ConsentRepository(this.engine.db.manager).set(
      { ...payload, granted: false, source: 'unsubscribe link' },
      await this.engine.clock.now(),
    );
    return page('You are unsubscribed', '<p>You will not receive these emails any more.</p>');
  }
}
