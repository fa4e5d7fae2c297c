import { Controller, Get, Inject, Req, UseGuards } from '@nestjs/common';
import type { Engine } from '@rapport/engine';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { ENGINE } from '../common/engine.token';

/** The public parts of a provider URL: never its user name, password or token. */
const serverOf = (url: URL): string => (url.port ? `${url.hostname}:${url.port}` : url.hostname);

const parsed = (value: string | undefined): URL | null => {
  if (!value) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
};

/**
 * Which providers carry the workspace's messages, for the channel settings screen (read only: they are set in the
 * server's environment). Only the kind of provider, its host and the sender are shown; credentials never leave.
 */
@Controller('api/settings/channels')
@UseGuards(ApiKeyGuard)
export class ChannelsController {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  @Get()
  get(@Req() request: AuthedRequest) {
    const smtp = parsed(this.engine.config.SMTP_URL);
    const sms = parsed(this.engine.config.SMS_URL);
    return {
      email: {
        provider: 'SMTP',
        server: smtp ? serverOf(smtp) : null,
        secure: smtp?.protocol === 'smtps:',
        from: request.workspace.emailFrom,
      },
      sms: sms
        ? {
            provider: sms.protocol.startsWith('twilio') ? 'Twilio' : sms.protocol.replace(/:$/, ''),
            server: serverOf(sms),
            from: sms.searchParams.get('from'),
          }
        : null,
    };
  }
}
