import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { TrackingInputError } from '@rapport/engine';
import { translate } from '@rapport/messages';
import { readerLocale } from '../messages/reader-locale';
import { ApiError, apiErrorStatus } from './api-error';

/**
 * One place that turns errors into `{ error: { code, message, ... } }`, worded for whoever asked (the member's
 * language, else Accept-Language); unknown errors never leak details.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const [status, body] = this.describe(error, http.getRequest<Request>());
    if (status >= 500)
      this.logger.error({ err: error instanceof Error ? error.stack : String(error) }, 'request failed');
    response.status(status).json({ error: body });
  }

  private describe(error: unknown, request: Request): [number, Record<string, unknown>] {
    const locale = readerLocale(request);
    if (error instanceof ApiError) return [apiErrorStatus[error.code], error.bodyIn(locale)];
    // The tracking API's readers are programs (Segment's libraries): its field errors stay in English.
    if (error instanceof TrackingInputError) {
      return [400, { code: 'invalid_request', message: error.message, issues: error.issues }];
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      if (status === 404) {
        const words = { method: request.method, path: request.path };
        return [404, { code: 'not_found', message: translate(locale, 'api.no-route', words) }];
      }
      return [status, { code: status === 401 ? 'unauthorized' : 'invalid_request', message: error.message }];
    }
    return [500, { code: 'internal', message: translate(locale, 'api.internal') }];
  }
}
