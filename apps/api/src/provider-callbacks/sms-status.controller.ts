import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { TwilioSmsProvider, type TwilioParams } from '@rapport/channels';
import { publicUrl, type Engine } from '@rapport/engine';
import { DeliveryRepository } from '@rapport/persistence';
import { ApiError } from '../common/api-error';
import { ENGINE } from '../common/engine.token';

/**
 * Delivery statuses the SMS provider posts back (Twilio's StatusCallback). Each is verified against the provider's
 * signature over the exact callback URL and parameters before anything is recorded.
 */
@Controller('webhooks/sms')
export class SmsStatusController {
  private readonly provider: TwilioSmsProvider | null;

  constructor(@Inject(ENGINE) private readonly engine: Engine) {
    this.provider = engine.config.SMS_URL ? new TwilioSmsProvider({ url: engine.config.SMS_URL }) : null;
  }

  @Post('twilio')
  @HttpCode(204)
  async status(@Req() request: Request, @Body() body: unknown): Promise<void> {
    if (!this.provider) throw new ApiError('not_found', { key: 'api.sms.no-provider' });
    const params = (body && typeof body === 'object' ? body : {}) as TwilioParams;
    const valid = this.provider.verifyStatusCallback({
      url: `${publicUrl(this.engine.config)}${request.originalUrl}`,
      params,
      signature: request.headers['x-twilio-signature'],
    });
    if (!valid)
      throw new ApiError('unauthorized', { key: 'api.sms.bad-signature', params: { header: 'X-Twilio-Signature' } });
    const sid = params['MessageSid'];
    const status = params['MessageStatus'];
    if (typeof sid !== 'string' || typeof status !== 'string') {
      throw new ApiError('invalid_request', {
        key: 'api.sms.missing-fields',
        params: { fields: 'MessageSid, MessageStatus' },
      });
    }
    await new DeliveryRepository(this.engine.db.manager).recordProviderStatus(
      'sms',
      sid,
      status,
      await this.engine.clock.now(),
    );
  }
}
