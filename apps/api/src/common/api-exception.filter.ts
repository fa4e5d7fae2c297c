import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { TrackingInputError } from '@rapport/engine';
import { ApiError, apiErrorStatus } from './api-error';

/** One place that turns errors into `{ error: { code, message, ... } }`; unknown errors never leak details. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(error);
    if (status >= 500)
      this.logger.error({ err: error instanceof Error ? error.stack : String(error) }, 'request failed');
    response.status(status).json({ error: body });
  }

  private describe(error: unknown): [number, Record<string, unknown>] {
    if (error instanceof ApiError) {
      return [apiErrorStatus[error.code], { code: error.code, message: error.message, ...error.details }];
    }
    if (error instanceof TrackingInputError) {
      return [400, { code: 'invalid_request', message: error.message, issues: error.issues }];
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code = status === 404 ? 'not_found' : status === 401 ? 'unauthorized' : 'invalid_request';
      return [status, { code, message: error.message }];
    }
    return [500, { code: 'internal', message: 'Something went wrong on our side; it has been logged.' }];
  }
}
