import { Router, type Request, type Response } from 'express';
import express from 'express';
import {
  ApiErrorCode,
  CreateBoardRequestSchema,
  ImportBoardRequestSchema,
  RotateLinksRequestSchema,
  PutFacilitatorNotesRequestSchema,
  SetTrainingRequestSchema,
  type Capability,
  type ClientConfig,
  type TemplateInfo,
} from '../../shared/protocol/index.ts';
import { listTemplates } from '../../shared/templates/index.ts';
import type { BoardService } from '../boards/index.ts';
import { IMPORTED_TITLE } from '../boards/importBody.ts';
import { ImportWorkers } from '../boards/ImportWorkers.ts';
import { SKIPPED_RECORDS_HEADER, skippedHeader } from '../boards/index.ts';
import type { RecordService } from '../records/index.ts';
import { planRouter } from './planRoutes.ts';
import { recordRouter } from './recordRoutes.ts';
import { workshopRouter } from './workshopRoutes.ts';
import { privacyRouter, requestActor } from './privacyRoutes.ts';
import type { AuditLog } from '../audit/index.ts';
import type { BoardErasure, PersonalLinks, RetentionPolicy } from '../privacy/index.ts';
import type { WorkshopService } from '../workshops/index.ts';
import type { WorkshopOverview } from '../workshops/overview.ts';
import type { EventLoopFigures } from './eventLoopMonitor.ts';
import type { OverviewFeed } from '../workshops/OverviewFeed.ts';
import type { VoteService } from '../workshops/VoteService.ts';
import type { RateLimiter } from './RateLimiter.ts';
import { secretsEqual } from '../auth/tokens.ts';
import type { Storage } from '../storage/index.ts';
import { boardLocals, bearerToken, requireBoard as requireBoardOf, type BadTokenGuard } from './auth.ts';
import { HttpError, parseBody } from './errors.ts';

/** What the API routes need. */
export interface ApiDeps {
  boards: BoardService;
  records: RecordService;
  workshops: WorkshopService;
  overview: WorkshopOverview;
  overviewFeed: OverviewFeed;
  votes: VoteService;
  badCodeLimiter: RateLimiter;
  /** Bad board tokens per client address (shared with the WebSocket upgrade). */
  badTokenLimiter: RateLimiter;
  /** Creations (boards, imports, workshops) per client address; undefined is no limit. */
  createLimiter: RateLimiter | undefined;
  clientIp: (req: Request) => string;
  storage: Storage;
  /** The relay's protective counters (SPEC R10), for operators. */
  /** The event loop's delay and use over the last minute. */
  eventLoop?: () => EventLoopFigures;
  relayCounters?: () => { slowConsumers: number; droppedStep1: number; droppedAwareness: number; revokedSessions: number };
  /** Cross-instance relay health, when scaled out. */
  relayHealth: () => { ok: boolean; state: string } | undefined;
  /** False while the last attempt to store an update failed. */
  storageWritable: () => boolean;
  /** Body limit of ordinary JSON calls, and of file imports. */
  maxJsonBodyBytes: number;
  maxImportBytes: number;
  /** Where import bodies are parsed; one per server by default. */
  imports?: ImportWorkers;
  version: string;
  createToken: string | undefined;
  tldrawLicenseKey: string | undefined;
  /** The public origin for links built for a request. */
  originOf: (req: Request) => string;
  audit: AuditLog;
  personalLinks: PersonalLinks;
  erasure: BoardErasure;
  retention: RetentionPolicy;
  linkNames: (boardId: string) => Record<string, string>;
}

/** The JSON API under /api. */
export function apiRouter(deps: ApiDeps): Router {
  const r = Router();
  const { boards } = deps;
  const badTokens: BadTokenGuard = { limiter: deps.badTokenLimiter, clientIp: deps.clientIp };
  const requireBoard = (b: BoardService, need: Capability) => requireBoardOf(b, need, badTokens);

  /**
   * Before creating a board, an import or a workshop: the creation token when one is set,
   * then the per-address creation limit (every admitted attempt counts).
   */
  function admitCreation(req: Request, res: Response): void {
    if (deps.createToken !== undefined) {
      const t = bearerToken(req);
      if (t === undefined) throw new HttpError(ApiErrorCode.Unauthorized, 'creating boards needs the creation token');
      if (!secretsEqual(t, deps.createToken)) throw new HttpError(ApiErrorCode.Forbidden, 'wrong creation token');
    }
    limitCreation(req, res);
  }

  /** The per-address creation limit alone (a board from a record needs an edit link, not the creation token). */
  function limitCreation(req: Request, res: Response): void {
    const limiter = deps.createLimiter;
    if (!limiter) return;
    const ip = deps.clientIp(req);
    if (limiter.isBlocked(ip)) {
      res.setHeader('Retry-After', String(Math.ceil(limiter.retryAfterMs(ip) / 1000)));
      throw new HttpError(ApiErrorCode.TooManyRequests, 'このアドレスからの作成が多すぎます。しばらく待ってから作成してください（too many boards or workshops created from this address; try again later）');
    }
    limiter.hit(ip);
  }

  // Imports carry whole boards; every other call is small.
  // The body is taken as bytes: depth check, parse and validation run in ImportWorkers, off the
  // event loop for a large file, never recursing over the request (docs/SPEC.md D5).
  const imports = deps.imports ?? new ImportWorkers();
  // Admitted before the (large) body is read.
  const admitImport = (req: Request, res: Response, next: (err?: unknown) => void): void => {
    admitCreation(req, res);
    next();
  };
  r.post('/boards/import', admitImport, express.raw({ type: 'application/json', limit: deps.maxImportBytes }), async (req, res) => {
    if (!Buffer.isBuffer(req.body)) throw new HttpError(ApiErrorCode.BadRequest, 'the body must be a JSON object with a file (Content-Type: application/json)', 'body');
    const imported = await imports.parse(req.body);
    if (!imported.ok) throw new HttpError(ApiErrorCode.BadRequest, imported.message, imported.field);
    const created = await boards.createWithState({ title: imported.title ?? IMPORTED_TITLE, template: 'import', state: imported.state, origin: deps.originOf(req) });
    await deps.audit.record(created.id, 'board.imported', { link: 'system', ip: deps.clientIp(req) }, { bytes: req.body.length });
    res.status(201).json(created);
  });
  r.use(express.json({ limit: deps.maxJsonBodyBytes }));

  r.get('/health', async (_req, res) => {
    const answered = await deps.storage.health();
    // A database that answers but refuses writes is not healthy: say so until a write works.
    const writing = deps.storageWritable();
    const storage = answered.ok && !writing ? { ok: false, detail: 'writes are failing; updates are kept in memory and retried' } : answered;
    const relay = deps.relayHealth();
    // Without the database nothing may be relayed (503); without Redis an instance still
    // serves its own sessions, so it stays up and says so.
    res.status(storage.ok ? 200 : 503).json({
      ok: storage.ok,
      version: deps.version,
      storage: { kind: deps.storage.kind, ...storage },
      ...(relay ? { relay: { kind: 'redis', ...relay } } : {}),
      ...(deps.relayCounters ? { sessions: deps.relayCounters() } : {}),
      ...(deps.eventLoop ? { eventLoop: deps.eventLoop() } : {}),
    });
  });

  // Server time, so that every browser shows the same remaining time on a workshop timer.
  r.get('/time', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ now: Date.now() });
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
    admitCreation(req, res);
    const body = parseBody(CreateBoardRequestSchema, req.body);
    const result = await boards.create({ title: body.title, template: body.template, origin: deps.originOf(req), ip: deps.clientIp(req) });
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
    res.json(await boards.rotate(board, roles, bearerToken(req) ?? '', deps.originOf(req), requestActor(req, res, deps.clientIp)));
  });

  // Issue 13: the owner sees the edit and view links in any browser that opens the owner link.
  r.get('/boards/:id/links', requireBoard(boards, 'owner'), (req, res) => {
    const { board } = boardLocals(res);
    res.setHeader('Cache-Control', 'no-store');
    res.json(boards.currentLinks(board, bearerToken(req) ?? '', deps.originOf(req)));
  });

  r.post('/boards/:id/training', requireBoard(boards, 'owner'), async (req, res) => {
    const body = parseBody(SetTrainingRequestSchema, req.body);
    const { board } = boardLocals(res);
    await boards.setTraining(board.id, body.training);
    res.json(boards.info({ ...board, training: body.training }, 'owner'));
  });

  // 講師メモ: the owner's alone (issue 14); never part of the document the relay sends.
  r.get('/boards/:id/facilitator-notes', requireBoard(boards, 'owner'), async (_req, res) => {
    const { board } = boardLocals(res);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await boards.facilitatorNotes(board));
  });

  r.put('/boards/:id/facilitator-notes', requireBoard(boards, 'owner'), async (req, res) => {
    const body = parseBody(PutFacilitatorNotesRequestSchema, req.body);
    const { board } = boardLocals(res);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await boards.saveFacilitatorNotes(board, body.body));
  });

  r.get('/boards/:id/export.tldr', requireBoard(boards, 'view'), async (req, res) => {
    const { board } = boardLocals(res);
    const { file, skipped } = await boards.exportTldr(board.id);
    await deps.audit.record(board.id, 'export.downloaded', requestActor(req, res, deps.clientIp), { format: 'tldr' });
    const name = encodeURIComponent(`${board.title}.tldr`);
    res.setHeader('Content-Disposition', `attachment; filename="board.tldr"; filename*=UTF-8''${name}`);
    if (skipped.length > 0) res.setHeader(SKIPPED_RECORDS_HEADER, skippedHeader(skipped));
    res.type('application/json').send(JSON.stringify(file));
  });

  r.use(
    '/workshops',
    workshopRouter({
      workshops: deps.workshops,
      overview: deps.overview,
      feed: deps.overviewFeed,
      votes: deps.votes,
      storage: deps.storage,
      originOf: deps.originOf,
      admitCreation,
      badCodeLimiter: deps.badCodeLimiter,
      clientIp: deps.clientIp,
      audit: deps.audit,
    }),
  );
  r.use('/boards/:id/records', recordRouter({ boards, records: deps.records, originOf: deps.originOf, badTokens, limitCreation, audit: deps.audit, clientIp: deps.clientIp }));
  r.use('/boards/:id', planRouter({ boards, badTokens, audit: deps.audit, clientIp: deps.clientIp }));
  r.use(
    '/boards/:id',
    privacyRouter({
      boards,
      audit: deps.audit,
      personalLinks: deps.personalLinks,
      erasure: deps.erasure,
      retention: deps.retention,
      badTokens,
      clientIp: deps.clientIp,
      originOf: deps.originOf,
      linkNames: deps.linkNames,
    }),
  );

  r.use((_req, _res, next) => next(new HttpError(ApiErrorCode.NotFound, 'no such API route')));
  return r;
}
