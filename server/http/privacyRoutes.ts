import { Router, type Request, type Response } from 'express';
import {
  ApiErrorCode,
  AuditQuerySchema,
  CreatePersonalLinkRequestSchema,
  DeleteBoardRequestSchema,
  PersonalLinkIdSchema,
  type DeletedBoard,
  type ParticipantLinks,
} from '../../shared/protocol/index.ts';
import { auditCsv, type AuditActor, type AuditLog } from '../audit/index.ts';
import { actorOf, type BoardService } from '../boards/index.ts';
import type { BoardErasure, PersonalLinks } from '../privacy/index.ts';
import type { RetentionPolicy } from '../privacy/RetentionPolicy.ts';
import { boardLocals, requireBoard, type BadTokenGuard } from './auth.ts';
import { HttpError, parseBody } from './errors.ts';

/** What the privacy routes need. */
export interface PrivacyRouteDeps {
  boards: BoardService;
  audit: AuditLog;
  personalLinks: PersonalLinks;
  erasure: BoardErasure;
  retention: RetentionPolicy;
  badTokens: BadTokenGuard;
  clientIp: (req: Request) => string;
  originOf: (req: Request) => string;
  /** Link names of the board's sessions on this instance, by awareness client id. */
  linkNames: (boardId: string) => ParticipantLinks;
}

/** The actor of a request that passed `requireBoard`: its link and address. */
export function requestActor(req: Request, res: Response, clientIp: (req: Request) => string): AuditActor {
  return actorOf(boardLocals(res).link, clientIp(req));
}

/**
 * Issue 17 under /api/boards/:id, all for the owner: the audit log (JSON or CSV), deleting
 * the board, personal links, and what retention will delete when.
 */
export function privacyRouter(deps: PrivacyRouteDeps): Router {
  const r = Router({ mergeParams: true });
  const owner = requireBoard(deps.boards, 'owner', deps.badTokens);
  const actor = (req: Request, res: Response) => requestActor(req, res, deps.clientIp);

  r.get('/audit', owner, async (req, res) => {
    const q = parseBody(AuditQuerySchema, req.query);
    const { board } = boardLocals(res);
    const entries = await deps.audit.list(board.id);
    res.setHeader('Cache-Control', 'no-store');
    if (q.format === 'csv') {
      await deps.audit.record(board.id, 'export.downloaded', actor(req, res), { format: 'audit-csv' });
      res.setHeader('Content-Disposition', `attachment; filename="audit.csv"; filename*=UTF-8''${encodeURIComponent(`${board.title}_監査ログ.csv`)}`);
      res.type('text/csv; charset=utf-8').send(auditCsv(entries));
      return;
    }
    res.json(entries);
  });

  r.delete('/', owner, async (req, res) => {
    const body = parseBody(DeleteBoardRequestSchema, req.body);
    const { board } = boardLocals(res);
    const result = await deps.erasure.erase(board, body, actor(req, res));
    if (!result.ok) throw new HttpError(result.code === 'not_found' ? ApiErrorCode.NotFound : ApiErrorCode.BadRequest, result.message, result.field);
    const answer: DeletedBoard = { id: board.id, deleted: true, recordsDeleted: result.value.recordsDeleted, recordsKept: body.keepRecords };
    res.json(answer);
  });

  r.get('/personal-links', owner, async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await deps.personalLinks.list(boardLocals(res).board.id));
  });

  r.post('/personal-links', owner, async (req, res) => {
    const body = parseBody(CreatePersonalLinkRequestSchema, req.body);
    const issued = await deps.personalLinks.issue(boardLocals(res).board, body, deps.originOf(req), actor(req, res));
    if (!issued.ok) throw new HttpError(ApiErrorCode.BadRequest, issued.message, issued.field);
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(issued.value);
  });

  r.delete('/personal-links/:linkId', owner, async (req, res) => {
    const id = PersonalLinkIdSchema.safeParse(req.params.linkId);
    const revoked = id.success ? await deps.personalLinks.revoke(boardLocals(res).board, id.data, actor(req, res)) : undefined;
    if (!revoked) throw new HttpError(ApiErrorCode.NotFound, 'no such personal link');
    res.json(revoked);
  });

  r.get('/participant-links', requireBoard(deps.boards, 'view', deps.badTokens), (_req, res) => {
    const answer: ParticipantLinks = deps.linkNames(boardLocals(res).board.id);
    res.setHeader('Cache-Control', 'no-store');
    res.json(answer);
  });

  r.get('/retention', owner, async (_req, res) => {
    res.json(await deps.retention.forBoard(boardLocals(res).board));
  });

  return r;
}
