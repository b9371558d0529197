import { STATUS_CODES } from 'node:http';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadParameterError, DomainError, NoSnapshotError, NotFoundError } from './errors.js';

/** The body of every error answer. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  [detail: string]: unknown;
}

/** Maps every error to `{statusCode, error, message}`; anything unexpected is a 500 whose stack stays in the log. */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = this.toBody(exception, request);
    if (reply.sent || reply.raw.headersSent) {
      this.logger.error(`${request.method} ${request.url} failed after the answer started: ${describe(exception)}`);
      return;
    }
    void reply.status(body.statusCode).header('Cache-Control', 'no-store').send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ErrorBody {
    if (exception instanceof DomainError) {
      return { ...exception.details, ...errorBody(statusOf(exception), exception.message) };
    }
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const message = typeof response === 'object' && response !== null && 'message' in response ? String((response as { message: unknown }).message) : exception.message;
      return errorBody(exception.getStatus(), message);
    }
    const clientStatus = clientErrorStatus(exception);
    if (clientStatus !== null) return errorBody(clientStatus, (exception as Error).message);
    this.logger.error(`${request.method} ${request.url}: ${describe(exception)}`);
    return errorBody(500, 'Internal server error: the details are in the server log');
  }
}

function statusOf(error: DomainError): number {
  if (error instanceof BadParameterError) return 400;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof NoSnapshotError) return 503;
  return 500;
}

function errorBody(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

// Fastify's own errors (a malformed body, a bad content type) carry a 4xx statusCode and a safe message.
function clientErrorStatus(exception: unknown): number | null {
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return exception instanceof Error && typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

function describe(exception: unknown): string {
  return exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
}
