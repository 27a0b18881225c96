import { Router, type Request } from 'express';
import {
  ApiErrorCode,
  CreateBoardRequestSchema,
  RotateLinksRequestSchema,
  type ClientConfig,
  type TemplateInfo,
} from '../../shared/protocol/index.ts';
import { listTemplates } from '../../shared/templates/index.ts';
import type { BoardService } from '../boards/index.ts';
import { secretsEqual } from '../auth/tokens.ts';
import type { Storage } from '../storage/index.ts';
import { boardLocals, bearerToken, requireBoard } from './auth.ts';
import { HttpError, parseBody } from './errors.ts';

/** What the API routes need. */
export interface ApiDeps {
  boards: BoardService;
  storage: Storage;
  version: string;
  createToken: string | undefined;
  tldrawLicenseKey: string | undefined;
  /** The public origin for links built for a request. */
  originOf: (req: Request) => string;
}

/** The JSON API under /api. */
export function apiRouter(deps: ApiDeps): Router {
  const r = Router();
  const { boards } = deps;

  r.get('/health', async (_req, res) => {
    const storage = await deps.storage.health();
    res.status(storage.ok ? 200 : 503).json({ ok: storage.ok, version: deps.version, storage: { kind: deps.storage.kind, ...storage } });
  });

  r.get('/config', (_req, res) => {
    const body: ClientConfig = { version: deps.version, ...(deps.tldrawLicenseKey ? { tldrawLicenseKey: deps.tldrawLicenseKey } : {}) };
    res.json(body);
  });

  r.get('/templates', (_req, res) => {
    const body: TemplateInfo[] = listTemplates().map(({ id, title, description }) => ({ id, title, description }));
    res.json(body);
  });

  r.post('/boards', async (req, res) => {
    if (deps.createToken !== undefined) {
      const t = bearerToken(req);
      if (t === undefined) throw new HttpError(ApiErrorCode.Unauthorized, 'creating boards needs the creation token');
      if (!secretsEqual(t, deps.createToken)) throw new HttpError(ApiErrorCode.Forbidden, 'wrong creation token');
    }
    const body = parseBody(CreateBoardRequestSchema, req.body);
    const result = await boards.create({ title: body.title, template: body.template, origin: deps.originOf(req) });
    if (!result.ok) {
      const e = result.error;
      throw new HttpError(ApiErrorCode.BadRequest, e.code === 'bad_request' ? e.message : e.code, e.code === 'bad_request' ? e.field : undefined);
    }
    res.status(201).json(result.value);
  });

  r.get('/boards/:id', requireBoard(boards, 'view'), (_req, res) => {
    const { board, capability } = boardLocals(res);
    res.json(boards.info(board, capability));
  });

  r.post('/boards/:id/links/rotate', requireBoard(boards, 'owner'), async (req, res) => {
    const body = parseBody(RotateLinksRequestSchema, req.body);
    const { board } = boardLocals(res);
    const roles = body.roles ?? ['edit', 'view'];
    res.json(await boards.rotate(board.id, roles, deps.originOf(req)));
  });

  r.get('/boards/:id/export.tldr', requireBoard(boards, 'view'), async (_req, res) => {
    const { board } = boardLocals(res);
    const file = await boards.exportTldr(board.id);
    const name = encodeURIComponent(`${board.title}.tldr`);
    res.setHeader('Content-Disposition', `attachment; filename="board.tldr"; filename*=UTF-8''${name}`);
    res.type('application/json').send(JSON.stringify(file));
  });

  r.use((_req, _res, next) => next(new HttpError(ApiErrorCode.NotFound, 'no such API route')));
  return r;
}
