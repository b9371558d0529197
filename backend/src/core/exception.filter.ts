import { STATUS_CODES } from 'node:http';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadParameterError, DomainError, NoSnapshotError, NotFoundError } from './errors.js';
import { chooseLanguage, type Language, type Text } from './i18n/language.js';

/**
 * The body of every error answer. `error` is the HTTP reason phrase (stable, for programs); `message`,
 * and `allowed` when it describes rather than lists, are in the language Accept-Language chose.
 */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** A bad parameter's name. */
  parameter?: string;
  /** What the bad parameter allows: its values, or a description of them. */
  allowed?: readonly string[] | string;
  [detail: string]: unknown;
}

const INTERNAL_ERROR: Text = { it: 'Errore interno del server: i dettagli sono nel log del server', en: 'Internal server error: the details are in the server log' };

/**
 * Maps every error to `{statusCode, error, message[, parameter, allowed]}` in Italian or English by
 * Accept-Language (Italian by default); anything unexpected is a 500 whose stack stays in the log.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const language = chooseLanguage(request.headers['accept-language']);
    const body = this.toBody(exception, request, language);
    if (reply.sent || reply.raw.headersSent) {
      this.logger.error(`${request.method} ${request.url} failed after the answer started: ${describe(exception)}`);
      return;
    }
    void reply.status(body.statusCode).header('Cache-Control', 'no-store').header('Content-Language', language).header('Vary', 'Accept-Language').send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest, language: Language): ErrorBody {
    if (exception instanceof BadParameterError) {
      const body: ErrorBody = { ...exception.details, ...errorBody(400, exception.text[language]), parameter: exception.parameter };
      if (exception.allowed !== null) body.allowed = isText(exception.allowed) ? exception.allowed[language] : exception.allowed;
      return body;
    }
    if (exception instanceof DomainError) {
      return { ...exception.details, ...errorBody(statusOf(exception), exception.text[language]) };
    }
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const message = typeof response === 'object' && response !== null && 'message' in response ? String((response as { message: unknown }).message) : exception.message;
      return errorBody(exception.getStatus(), message);
    }
    const clientStatus = clientErrorStatus(exception);
    if (clientStatus !== null) return errorBody(clientStatus, (exception as Error).message);
    this.logger.error(`${request.method} ${request.url}: ${describe(exception)}`);
    return errorBody(500, INTERNAL_ERROR[language]);
  }
}

function isText(allowed: readonly string[] | Text): allowed is Text {
  return !Array.isArray(allowed);
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
