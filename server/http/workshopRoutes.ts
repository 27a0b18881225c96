import { Router, type Request, type Response } from 'express';
import {
  ApiErrorCode,
  BoardIdSchema,
  CreateWorkshopRequestSchema,
  JoinCodeSchema,
  JoinWorkshopRequestSchema,
  JOINING_CLOSED_MESSAGE,
  MemberIdSchema,
  SetJoiningRequestSchema,
  SetLocksRequestSchema,
  StartVoteRequestSchema,
  CastBallotRequestSchema,
  ReactRequestSchema,
  BALLOT_REFUSED_MESSAGES,
} from '../../shared/protocol/index.ts';
import { z } from 'zod';
import type { Storage } from '../storage/index.ts';
import type { WorkshopService } from '../workshops/index.ts';
import type { WorkshopOverview } from '../workshops/overview.ts';
import type { OverviewFeed } from '../workshops/OverviewFeed.ts';
import type { VoteService } from '../workshops/VoteService.ts';
import { constants as zlibConstants, createGzip } from 'node:zlib';
import { bearerToken } from './auth.ts';
import { HttpError, parseBody } from './errors.ts';
import type { RateLimiter } from './RateLimiter.ts';
import type { AuditLog } from '../audit/index.ts';

/** What the workshop routes need. */
export interface WorkshopRouteDeps {
  workshops: WorkshopService;
  overview: WorkshopOverview;
  /** Pushes the dashboard (server-sent events). */
  feed: OverviewFeed;
  votes: VoteService;
  storage: Storage;
  originOf: (req: Request) => string;
  /** Creation token and per-address creation limit; throws the refusal. */
  admitCreation: (req: Request, res: Response) => void;
  /** Counts join attempts with unknown codes per client. */
  badCodeLimiter: RateLimiter;
  clientIp: (req: Request) => string;
  /** A member joining or removed is a personal link issued or revoked (issue 17). */
  audit: AuditLog;
}

const SaveAllSchema = z.object({ title: z.string().trim().min(1).max(200).optional() }).strict();

/** Training workshops under /api/workshops. */
export function workshopRouter(deps: WorkshopRouteDeps): Router {
  const r = Router();
  const { workshops } = deps;

  const codeOf = (req: Request, raw: unknown): string => {
    const ip = deps.clientIp(req);
    if (deps.badCodeLimiter.isBlocked(ip)) throw new HttpError(ApiErrorCode.TooManyRequests, 'too many wrong codes; wait a minute');
    const code = JoinCodeSchema.safeParse(raw);
    if (!code.success) {
      deps.badCodeLimiter.hit(ip);
      throw new HttpError(ApiErrorCode.NotFound, 'no workshop with this code');
    }
    return code.data;
  };

  const facilitatorOnly = async (req: Request) => {
    const id = BoardIdSchema.safeParse(req.params.id);
    const w = id.success ? await deps.storage.getWorkshop(id.data) : undefined;
    if (!w) throw new HttpError(ApiErrorCode.NotFound, 'no such workshop');
    const who = await workshops.whoIs(w, bearerToken(req));
    if (!who) throw new HttpError(ApiErrorCode.Unauthorized, 'a token of this workshop is required');
    if (who.role !== 'facilitator') throw new HttpError(ApiErrorCode.Forbidden, 'this needs the facilitator link');
    return w;
  };

  const memberOnly = async (req: Request) => {
    const id = BoardIdSchema.safeParse(req.params.id);
    const w = id.success ? await deps.storage.getWorkshop(id.data) : undefined;
    if (!w) throw new HttpError(ApiErrorCode.NotFound, 'no such workshop');
    const who = await workshops.whoIs(w, bearerToken(req));
    if (!who) throw new HttpError(ApiErrorCode.Unauthorized, 'a token of this workshop is required');
    if (who.role !== 'member') throw new HttpError(ApiErrorCode.Forbidden, 'this needs a member of the workshop');
    return { w, member: who.member };
  };

  r.post('/', async (req, res) => {
    deps.admitCreation(req, res);
    const body = parseBody(CreateWorkshopRequestSchema, req.body);
    const result = await workshops.create({ ...body, origin: deps.originOf(req) });
    if (!result.ok) throw new HttpError(ApiErrorCode.BadRequest, result.error.code === 'bad_request' ? result.error.message : result.error.code, result.error.code === 'bad_request' ? result.error.field : undefined);
    res.status(201).json(result.value);
  });

  r.get('/join/:code', async (req, res) => {
    const code = codeOf(req, req.params.code);
    const info = await workshops.joinInfo(code);
    if (!info) {
      deps.badCodeLimiter.hit(deps.clientIp(req));
      throw new HttpError(ApiErrorCode.NotFound, 'no workshop with this code');
    }
    res.json(info);
  });

  r.post('/join', async (req, res) => {
    const body = parseBody(JoinWorkshopRequestSchema, req.body);
    codeOf(req, body.code);
    const result = await workshops.join(body);
    if (!result.ok) {
      if (result.error.code === 'not_found') {
        deps.badCodeLimiter.hit(deps.clientIp(req));
        throw new HttpError(ApiErrorCode.NotFound, 'no workshop with this code');
      }
      if (result.error.code === 'joining_closed') throw new HttpError(ApiErrorCode.JoiningClosed, JOINING_CLOSED_MESSAGE, 'code');
      throw new HttpError(ApiErrorCode.BadRequest, result.error.code === 'bad_request' ? result.error.message : 'bad request', 'group');
    }
    const joined = result.value;
    await deps.audit.record(joined.workshopId, 'link.issued', { link: 'member', linkName: body.name, ip: deps.clientIp(req) }, { issuedTo: body.name, memberRole: body.role, groupIndex: joined.groupIndex });
    res.status(201).json(joined);
  });

  r.get('/:id', async (req, res) => {
    const id = BoardIdSchema.safeParse(req.params.id);
    if (!id.success) throw new HttpError(ApiErrorCode.NotFound, 'no such workshop');
    const result = await workshops.info(id.data, bearerToken(req));
    if (!result.ok) {
      if (result.error.code === 'not_found') throw new HttpError(ApiErrorCode.NotFound, 'no such workshop');
      throw new HttpError(ApiErrorCode.Unauthorized, 'a token of this workshop is required');
    }
    res.json(result.value);
  });

  r.get('/:id/overview', async (req, res) => {
    const w = await facilitatorOnly(req);
    res.json({ now: Date.now(), groups: await deps.overview.groups(w) });
  });

  // The dashboard, pushed: the whole picture once, then a group's changes as they happen, as
  // server-sent events (read with fetch, so the token stays in the Authorization header).
  // Gzipped when the client accepts it, flushed after every event.
  r.get('/:id/overview/stream', async (req, res) => {
    const w = await facilitatorOnly(req);
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.status(200);
    res.set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no', ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}) });
    res.flushHeaders();
    const zipped = gzip ? createGzip() : undefined;
    zipped?.pipe(res);
    const write = (text: string): void => {
      if (!zipped) return void res.write(text);
      zipped.write(text);
      zipped.flush(zlibConstants.Z_SYNC_FLUSH);
    };
    let closed = false;
    let unsubscribe: (() => void) | undefined;
    const ping = setInterval(() => write(': ping\n\n'), 25_000);
    ping.unref();
    res.on('close', () => {
      closed = true;
      clearInterval(ping);
      unsubscribe?.();
      zipped?.end();
    });
    unsubscribe = await deps.feed.subscribe(w, (event) => write(`data: ${JSON.stringify(event)}\n\n`));
    if (closed) unsubscribe();
  });

  // Dot voting (issue 15, SPEC W1): the facilitator starts and closes; members vote.
  r.post('/:id/votes', async (req, res) => {
    const w = await facilitatorOnly(req);
    const body = parseBody(StartVoteRequestSchema, req.body);
    res.status(201).json(await deps.votes.start(w, body));
  });

  r.post('/:id/votes/current/close', async (req, res) => {
    const w = await facilitatorOnly(req);
    const closed = await deps.votes.close(w);
    if (!closed) throw new HttpError(ApiErrorCode.NotFound, 'no open vote');
    res.json(closed);
  });

  r.post('/:id/votes/current/ballots', async (req, res) => {
    const { w, member } = await memberOnly(req);
    const body = parseBody(CastBallotRequestSchema, req.body);
    const result = await deps.votes.cast(w, member, body.target);
    if (!result.ok) throw new HttpError(ApiErrorCode.VoteRefused, BALLOT_REFUSED_MESSAGES[result.reason], result.reason === 'no-such-item' ? 'target' : undefined);
    res.status(201).json(result.value);
  });

  r.get('/:id/votes/current/mine', async (req, res) => {
    const { w, member } = await memberOnly(req);
    res.json(await deps.votes.mine(w, member));
  });

  r.post('/:id/reactions', async (req, res) => {
    const { w, member } = await memberOnly(req);
    const body = parseBody(ReactRequestSchema, req.body);
    const result = await deps.votes.react(w, member, body);
    if (!result.ok) throw new HttpError(ApiErrorCode.BadRequest, BALLOT_REFUSED_MESSAGES['no-such-item'], 'target');
    res.json(result.value);
  });

  r.post('/:id/joining', async (req, res) => {
    const w = await facilitatorOnly(req);
    const body = parseBody(SetJoiningRequestSchema, req.body);
    res.json(await workshops.setJoining(w, body.open));
  });

  r.post('/:id/locks', async (req, res) => {
    const w = await facilitatorOnly(req);
    const body = parseBody(SetLocksRequestSchema, req.body);
    const result = await workshops.setLocks(w, body);
    if (!result.ok) throw new HttpError(ApiErrorCode.BadRequest, result.error.code === 'bad_request' ? result.error.message : 'bad request', 'groups');
    res.json(result.value);
  });

  r.get('/:id/members', async (req, res) => {
    const w = await facilitatorOnly(req);
    res.json(await workshops.members(w));
  });

  r.delete('/:id/members/:memberId', async (req, res) => {
    const w = await facilitatorOnly(req);
    const memberId = MemberIdSchema.safeParse(req.params.memberId);
    if (!memberId.success) throw new HttpError(ApiErrorCode.NotFound, 'no such member');
    const result = await workshops.removeMember(w, memberId.data);
    if (!result.ok) throw new HttpError(ApiErrorCode.NotFound, 'no such member');
    await deps.audit.record(w.id, 'link.revoked', { link: 'facilitator', ip: deps.clientIp(req) }, { memberId: memberId.data });
    res.json(result.value);
  });

  r.post('/:id/records', async (req, res) => {
    const w = await facilitatorOnly(req);
    const body = parseBody(SaveAllSchema, req.body);
    res.status(201).json(await workshops.saveAllRecords(w.id, body.title));
  });

  r.get('/:id/minutes.html', async (req, res) => {
    const w = await facilitatorOnly(req);
    res.type('html').send((await workshops.allMinutes(w.id)) ?? '');
  });

  return r;
}
