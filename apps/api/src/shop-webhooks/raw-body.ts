import express, { type NextFunction, type Request, type Response } from 'express';
import { translate } from '@rapport/messages';
import { readerLocale } from '../messages/reader-locale';

/** Shopify caps webhook bodies well below this; an order with hundreds of lines still fits. */
export const SHOP_WEBHOOK_MAX_BYTES = 1024 * 1024;

/**
 * Signatures are computed over the exact bytes sent, so the shop-webhook route keeps its body raw (a Buffer),
 * whatever the content type. Mounted before the JSON parser, which then sees the body as already read.
 */
export const shopWebhookRawBody = () => {
  const read = express.raw({ type: () => true, limit: SHOP_WEBHOOK_MAX_BYTES });
  return (request: Request, response: Response, next: NextFunction) =>
    read(request, response, (error?: unknown) => {
      if (!error) return next();
      const tooLarge = (error as { type?: string }).type === 'entity.too.large';
      response.status(400).json({
        error: {
          code: tooLarge ? 'payload_too_large' : 'invalid_request',
          message: tooLarge
            ? translate(readerLocale(request), 'api.body.too-large', { kilobytes: SHOP_WEBHOOK_MAX_BYTES / 1024 })
            : translate(readerLocale(request), 'api.body.unreadable'),
        },
      });
    });
};
