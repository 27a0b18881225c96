import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { ApiErrorCode } from '../../shared/protocol/index.ts';
import type { Logger } from '../logger.ts';
import { isStorageUnavailable } from '../storage/index.ts';
import { accessLogPath } from './accessLog.ts';

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  too_many_requests: 429,
  joining_closed: 403,
  vote_refused: 409,
  storage_unavailable: 503,
  internal: 500,
};

/** An error the API answers with, carrying its code and the field at fault. */
export class HttpError extends Error {
  readonly code: ApiErrorCode;
  readonly field: string | undefined;
  constructor(code: ApiErrorCode, message: string, field?: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

/** Send `{ error: { code, message, field? } }` with the fitting status. */
export function sendError(res: Response, code: ApiErrorCode, message: string, field?: string): void {
  res.status(STATUS[code]).json({ error: { code, message, ...(field ? { field } : {}) } });
}

/** Parse a request body with a zod schema, or throw a 400 that names the field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'invalid body';
  throw new HttpError(ApiErrorCode.BadRequest, message, field);
}

/** The last middleware: turn every error into the API's error shape, never leaking internals. */
export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (err instanceof HttpError) return sendError(res, err.code, err.message, err.field);
    const e = err as { type?: string; status?: number; message?: string };
    if (e.type === 'entity.too.large') return sendError(res, ApiErrorCode.PayloadTooLarge, 'request body too large');
    if (e.type === 'entity.parse.failed') return sendError(res, ApiErrorCode.BadRequest, 'malformed JSON body', 'body');
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return sendError(res, ApiErrorCode.BadRequest, e.message ?? 'bad request');
    if (isStorageUnavailable(err)) {
      logger.warn({ err: e.message, path: accessLogPath(req.originalUrl) }, 'storage unavailable');
      return sendError(res, ApiErrorCode.StorageUnavailable, 'storage is unavailable: the board database does not answer now; try again shortly (保存先のデータベースに接続できません。しばらくしてからもう一度お試しください)');
    }
    logger.error({ err: e.message, path: accessLogPath(req.originalUrl) }, 'unhandled error');
    sendError(res, ApiErrorCode.Internal, 'internal error');
  };
}
