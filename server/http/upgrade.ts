import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import type { DocKind } from '../../shared/doc/index.ts';
import { BoardIdSchema, CloseCode, CloseReason, Paths, type Capability } from '../../shared/protocol/index.ts';
import type { BoardService } from '../boards/index.ts';
import type { Logger } from '../logger.ts';
import { hashToken } from '../auth/tokens.ts';
import { isStorageUnavailable } from '../storage/index.ts';
import type { RelayMetrics, RoomRegistry, SessionCredential } from '../relay/index.ts';
import type { RateLimiter } from './RateLimiter.ts';
import { WsRelaySocket } from './WsRelaySocket.ts';
import type { AuditLog } from '../audit/index.ts';
import { actorOf, type LinkIdentity } from '../boards/index.ts';

/** What the upgrade handler needs. */
export interface UpgradeDeps {
  wss: WebSocketServer;
  boards: BoardService;
  registry: RoomRegistry;
  logger: Logger;
  metrics: RelayMetrics;
  badTokenLimiter: RateLimiter;
  maxConnectionsPerBoard: number;
  maxMessageBytes: number;
  pingIntervalMs: number;
  clientIp: (req: IncomingMessage) => string;
  /** Session opened and closed rows (one each per session, never per update). */
  audit: AuditLog;
}

const WS_PREFIX = `${Paths.ws}/`;
/** The longest delay a Node timer keeps (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Refuse an upgrade with a plain HTTP status and no socket (SPEC R2). */
function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

/**
 * Handle `GET /ws/<boardId>?token=…` upgrades: check the board, the token and the limits
 * before any socket exists, then hand the socket to the room registry.
 */
export function createUpgradeHandler(deps: UpgradeDeps) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    void handle(deps, req, socket, head).catch((err: unknown) => {
      if (isStorageUnavailable(err)) {
        deps.logger.warn({ err: (err as Error).message }, 'upgrade refused: storage unavailable');
        return refuse(socket, 503, 'Service Unavailable');
      }
      deps.logger.error({ err: (err as Error).message }, 'upgrade failed');
      refuse(socket, 500, 'Internal Server Error');
    });
  };
}

async function handle(deps: UpgradeDeps, req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(WS_PREFIX)) return refuse(socket, 404, 'Not Found');
  const boardId = BoardIdSchema.safeParse(decodeURIComponent(url.pathname.slice(WS_PREFIX.length)));
  if (!boardId.success) {
    deps.metrics.rejectedUpgrades++;
    return refuse(socket, 404, 'Not Found');
  }
  const token = url.searchParams.get('token') ?? undefined;
  // Taken before the check: a revocation received after this moment applies to the session (SPEC R7).
  const checkedAt = Date.now();
  const auth = await deps.boards.authorize(boardId.data, token, 'view');
  if (!auth.ok) {
    deps.metrics.rejectedUpgrades++;
    if (auth.error.code === 'not_found') return refuse(socket, 404, 'Not Found');
    // Only failures count, and only failures are refused with 429: a valid token from
    // the same address still opens during a flood of bad ones.
    const ip = deps.clientIp(req);
    if (deps.badTokenLimiter.isBlocked(ip)) return refuse(socket, 429, 'Too Many Requests');
    deps.badTokenLimiter.hit(ip);
    return refuse(socket, 401, 'Unauthorized');
  }
  if (deps.registry.sessionCount(boardId.data) >= deps.maxConnectionsPerBoard) {
    deps.metrics.rejectedUpgrades++;
    return refuse(socket, 429, 'Too Many Connections');
  }
  const { capability, board, link } = auth.value;
  const linkName = link.kind === 'personal' || link.kind === 'member' ? link.name : undefined;
  const credential: SessionCredential = { tokenHash: hashToken(token ?? ''), checkedAt, ...(auth.value.author ? { author: auth.value.author } : {}), ...(linkName ? { linkName } : {}) };
  const ip = deps.clientIp(req);
  deps.wss.handleUpgrade(req, socket, head, (ws) => attach(deps, ws, socket, { boardId: boardId.data, capability, kind: board.kind, credential, link, ip }));
}

interface Attachment {
  boardId: string;
  capability: Capability;
  kind: DocKind;
  credential: SessionCredential;
  link: LinkIdentity;
  ip: string;
}

function attach(deps: UpgradeDeps, ws: WebSocket, socket: Duplex, at: Attachment): void {
  const { boardId, capability, kind, credential } = at;
  const conn = deps.registry.connect(boardId, new WsRelaySocket(ws, socket), capability, kind, credential);
  deps.logger.debug({ boardId, session: conn.session.id, capability }, 'session opened');
  const openedAt = Date.now();
  const actor = actorOf(at.link, at.ip);
  void deps.audit.record(boardId, 'session.opened', actor, { role: capability, session: conn.session.id });
  // A personal link's session ends when the link expires, as a revoked one would.
  let expiry: NodeJS.Timeout | undefined;
  const expiresAt = at.link.kind === 'personal' ? at.link.expiresAt : null;
  const watchExpiry = () => {
    if (!expiresAt) return;
    const left = expiresAt.getTime() - Date.now();
    if (left <= 0) return ws.close(CloseCode.TokenRevoked, CloseReason[CloseCode.TokenRevoked]);
    // Timers hold at most 2^31 − 1 ms: a later expiry is looked at again then.
    expiry = setTimeout(watchExpiry, Math.min(left, MAX_TIMER_MS));
    expiry.unref();
  };
  watchExpiry();
  let alive = true;
  const ping = setInterval(() => {
    if (!alive) return ws.terminate();
    alive = false;
    ws.ping();
  }, deps.pingIntervalMs);
  ping.unref();
  ws.on('pong', () => (alive = true));
  ws.on('message', (data, isBinary) => {
    // After a refused frame the socket is closing: nothing more from it is handled.
    if (ws.readyState !== ws.OPEN) return;
    if (!isBinary) {
      deps.metrics.malformedFrames++;
      ws.close(CloseCode.MalformedMessage, CloseReason[CloseCode.MalformedMessage]);
      return;
    }
    // Copy into a buffer of its own: decoders must never see bytes beyond the frame.
    conn.receive(toOwnedBytes(data));
  });
  ws.on('error', (err) => {
    // ws closes with 1009 itself when a frame exceeds maxPayload.
    if ((err as { code?: string }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') deps.metrics.oversizedFrames++;
    deps.logger.warn({ boardId, session: conn.session.id, err: err.message }, 'socket error');
  });
  ws.on('close', (code) => {
    clearInterval(ping);
    clearTimeout(expiry);
    conn.closed();
    deps.logger.debug({ boardId, session: conn.session.id, code }, 'session closed');
    const closedAt = Date.now();
    void deps.audit.record(boardId, 'session.closed', actor, { role: capability, session: conn.session.id, openedAt: new Date(openedAt).toISOString(), seconds: Math.round((closedAt - openedAt) / 1000), code });
  });
}

function toOwnedBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  return new Uint8Array(data);
}
