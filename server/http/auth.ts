import type { NextFunction, Request, Response } from 'express';
import { ApiErrorCode, BoardIdSchema, type Capability } from '../../shared/protocol/index.ts';
import type { BoardService, LinkIdentity } from '../boards/index.ts';
import type { BoardRow } from '../storage/index.ts';
import { HttpError } from './errors.ts';
import type { RateLimiter } from './RateLimiter.ts';

/**
 * Counts bad board tokens per client address. Only failures are counted and only
 * failures are refused: once an address is over the limit its wrong tokens get 429
 * instead of 401, while a valid token from the same address still works.
 */
export interface BadTokenGuard {
  limiter: RateLimiter;
  clientIp: (req: Request) => string;
}

/** The error for a wrong token from `ip`: 401, or 429 once `ip` is over the limit. */
export function badTokenError(guard: BadTokenGuard | undefined, ip: string): HttpError {
  if (guard?.limiter.isBlocked(ip)) return new HttpError(ApiErrorCode.TooManyRequests, '無効なトークンが多すぎます。1分ほど待ってください（too many invalid tokens from this address; wait a minute）');
  guard?.limiter.hit(ip);
  return new HttpError(ApiErrorCode.Unauthorized, 'a valid token of this board is required');
}

/** What `requireBoard` leaves for the route handler. */
export interface BoardLocals {
  board: BoardRow;
  capability: Capability;
  /** Which link the request came with (for the audit log). */
  link: LinkIdentity;
}

/** The bearer token of a request, if any. */
export function bearerToken(req: Request): string | undefined {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m?.[1];
}

/** Middleware: the board in `:id` must exist and the bearer token must grant `need`. */
export function requireBoard(boards: BoardService, need: Capability, guard?: BadTokenGuard) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = BoardIdSchema.safeParse(req.params.id);
    if (!id.success) return next(new HttpError(ApiErrorCode.NotFound, 'no such board'));
    const result = await boards.authorize(id.data, bearerToken(req), need);
    if (!result.ok) {
      const e = result.error;
      switch (e.code) {
        case 'not_found':
          return next(new HttpError(ApiErrorCode.NotFound, 'no such board'));
        case 'unauthorized':
          return next(badTokenError(guard, guard ? guard.clientIp(req) : ''));
        case 'forbidden':
          return next(new HttpError(ApiErrorCode.Forbidden, `this needs the ${need} link`));
        case 'bad_request':
          return next(new HttpError(ApiErrorCode.BadRequest, e.message, e.field));
      }
    }
    res.locals.board = result.value.board;
    res.locals.capability = result.value.capability;
    res.locals.link = result.value.link;
    next();
  };
}

/** The board and capability `requireBoard` resolved. */
export function boardLocals(res: Response): BoardLocals {
  return { board: res.locals.board as BoardRow, capability: res.locals.capability as Capability, link: res.locals.link as LinkIdentity };
}
