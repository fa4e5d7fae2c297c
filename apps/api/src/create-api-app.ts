import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { MAX_BATCH_BYTES, type Engine } from '@rapport/engine';
import { translate } from '@rapport/messages';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { readerLocale } from './messages/reader-locale';
import { AppModule } from './app.module';
import { shopWebhookRawBody } from './shop-webhooks/raw-body';

/** Body parsing with Segment's 500 KB batch limit, answering malformed or oversized bodies in our error shape. */
const jsonBody = () => {
  const parse = express.json({
    limit: MAX_BATCH_BYTES,
    type: ['application/json', 'application/*+json', 'text/plain'],
  });
  return (request: Request, response: Response, next: NextFunction) =>
    parse(request, response, (error?: unknown) => {
      if (!error) return next();
      const failure = error as { type?: string; message?: string };
      const tooLarge = failure.type === 'entity.too.large';
      response.status(400).json({
        error: {
          code: tooLarge ? 'payload_too_large' : 'invalid_request',
          message: tooLarge
            ? translate(readerLocale(request), 'api.body.too-large', { kilobytes: MAX_BATCH_BYTES / 1024 })
            : translate(readerLocale(request), 'api.body.not-json', { detail: failure.message ?? 'parse error' }),
        },
      });
    });
};

export const createApiApp = async (engine: Engine): Promise<NestExpressApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forEngine(engine), {
    bodyParser: false,
    logger: ['error', 'warn'],
  });
  // Shop webhooks are verified over the exact bytes received: their route keeps the body raw.
  app.use('/webhooks/shop', shopWebhookRawBody());
  app.use(jsonBody());
  // Provider callbacks (Twilio's StatusCallback) are form-encoded.
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));
  app.useGlobalFilters(new ApiExceptionFilter(engine.logger));
  // A CSV import's body is read at the pace its rows are written (minutes for a million rows): Node's default
  // 5-minute limit on receiving a whole request would cut it. Headers still must arrive within headersTimeout.
  app.getHttpServer().requestTimeout = 0;
  app.enableShutdownHooks();
  return app;
};
