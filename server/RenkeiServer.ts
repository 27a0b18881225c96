import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { WebSocketServer } from 'ws';
import { BoardDocuments, BoardService } from './boards/index.ts';
import type { ServerConfig } from './config.ts';
import { apiRouter } from './http/routes.ts';
import { errorHandler } from './http/errors.ts';
import { kuromojiDictRoute } from './http/dictRoute.ts';
import { RateLimiter } from './http/RateLimiter.ts';
import { clientIpOf, compileTrust } from './http/clientIp.ts';
import { accessLogPath } from './http/accessLog.ts';
import type { TrustFn } from 'proxy-addr';
import { createUpgradeHandler } from './http/upgrade.ts';
import type { Logger } from './logger.ts';
import { RecordService } from './records/index.ts';
import { WorkshopService } from './workshops/index.ts';
import { WorkshopOverview } from './workshops/overview.ts';
import { OverviewFeed } from './workshops/OverviewFeed.ts';
import { VoteService } from './workshops/VoteService.ts';
import type { RelayBus } from './scale/index.ts';
import { PresenceSharing } from './scale/PresenceSharing.ts';
import { EventLoopMonitor } from './http/eventLoopMonitor.ts';
import { createMetrics, relayRecordValidator, RoomRegistry, type RelayMetrics } from './relay/index.ts';
import { requiredCipher, SqliteStorage, type Storage } from './storage/index.ts';
import { ImportWorkers } from './boards/ImportWorkers.ts';
import { VERSION } from './version.ts';
import { AuditLog } from './audit/index.ts';
import { BoardErasure, PersonalLinks, RetentionPolicy } from './privacy/index.ts';
import { systemClock, type Clock } from './relay/Clock.ts';

/** What a server is built from; storage may be injected (tests, PostgreSQL). */
export interface RenkeiServerOptions {
  config: ServerConfig;
  logger: Logger;
  storage?: Storage;
  /** Cross-instance relay; without it the instance serves its boards alone. */
  bus?: RelayBus;
  /** The clock of retention, link expiry and audit stamps (tests pass a fake one). */
  clock?: Clock;
  /** How the pushed dashboard checks and sends (defaults: check every 1 s, a thumbnail at most every 10 s). */
  dashboard?: { clock?: Clock; checkEveryMs?: number; thumbnailEveryMs?: number };
  /** How often this instance shares its presence on the bus (default 2 s; the bus keeps it 10 s). */
  presenceEveryMs?: number;
}

/** The whole app on one HTTP server and port: API, realtime relay and the built client. */
export class RenkeiServer {
  readonly config: ServerConfig;
  readonly logger: Logger;
  readonly storage: Storage;
  readonly metrics: RelayMetrics = createMetrics();
  /** Where `.tldr` imports are parsed and checked: a worker thread for a large file. */
  readonly imports = new ImportWorkers();
  readonly registry: RoomRegistry;
  readonly boards: BoardService;
  readonly documents: BoardDocuments;
  readonly records: RecordService;
  /** The facilitator's dashboard: each group drawn, and pushed to open dashboards as it changes. */
  readonly overview: WorkshopOverview;
  readonly overviewFeed: OverviewFeed;
  readonly votes: VoteService;
  readonly workshops: WorkshopService;
  readonly bus: RelayBus | undefined;
  /** How late and how busy this process's event loop was over the last minute (health). */
  readonly eventLoop = new EventLoopMonitor();
  /** This instance's presence shared with the others' dashboards (only with a bus). */
  readonly presenceSharing: PresenceSharing | undefined;
  readonly audit: AuditLog;
  readonly personalLinks: PersonalLinks;
  readonly erasure: BoardErasure;
  readonly retention: RetentionPolicy;
  /** Bad board tokens per client address, over HTTP and upgrades together. */
  private readonly badTokenLimiter: RateLimiter;
  readonly httpServer: http.Server;
  private readonly wss: WebSocketServer;
  /** Which proxies may report the client address; the same for Express and the upgrade. */
  private readonly trust: TrustFn;
  private stopping: Promise<void> | undefined;

  constructor(opts: RenkeiServerOptions) {
    this.config = opts.config;
    this.logger = opts.logger;
    this.trust = compileTrust(opts.config.trustProxy);
    this.badTokenLimiter = new RateLimiter({ limit: opts.config.limits.badTokenAttemptsPerMinute, windowMs: 60_000 });
    this.storage = opts.storage ?? new SqliteStorage({ dataDir: opts.config.dataDir, busyWaitMs: opts.config.sqliteBusyWaitMs, updateJournal: opts.config.sqliteUpdateJournal, cipher: requiredCipher(opts.config.dataKeyFile) });
    this.registry = new RoomRegistry({
      store: this.storage,
      logger: this.logger,
      metrics: this.metrics,
      idleUnloadMs: this.config.rooms.idleUnloadMs,
      compactEveryUpdates: this.config.rooms.compactEveryUpdates,
      compactIdleMs: this.config.rooms.compactIdleMs,
      closeDeadlineMs: this.config.shutdownTimeoutMs,
      limits: this.config.session,
      validateRecord: relayRecordValidator(),
      stillValid: async (boardId, credential, capability) => {
        const auth = await this.boards.authorizeHash(boardId, credential.tokenHash);
        return auth.ok && auth.value.capability === capability;
      },
      ...(opts.bus ? { bus: opts.bus } : {}),
    });
    this.bus = opts.bus;
    const clock = opts.clock ?? systemClock;
    const now = () => new Date(clock.now());
    this.documents = new BoardDocuments({ registry: this.registry, store: this.storage, bus: opts.bus });
    this.presenceSharing = opts.bus ? new PresenceSharing({ bus: opts.bus, local: () => this.registry.localPresence(), clock, logger: this.logger, everyMs: opts.presenceEveryMs ?? 2000 }) : undefined;
    this.audit = new AuditLog({ store: this.storage, logger: this.logger, now });
    this.boards = new BoardService({ storage: this.storage, registry: this.registry, documents: this.documents, audit: this.audit, now });
    this.personalLinks = new PersonalLinks({ store: this.storage, registry: this.registry, audit: this.audit, now });
    this.erasure = new BoardErasure({ store: this.storage, registry: this.registry, audit: this.audit });
    this.retention = new RetentionPolicy({
      ...this.config.retention,
      store: this.storage,
      erasure: this.erasure,
      audit: this.audit,
      logger: this.logger,
      clock,
    });
    this.records = new RecordService({ storage: this.storage, documents: this.documents, now });
    this.workshops = new WorkshopService({ storage: this.storage, records: this.records, sessions: this.registry, documents: this.documents });
    this.overview = new WorkshopOverview({ storage: this.storage, documents: this.documents });
    this.votes = new VoteService({ documents: this.documents, clock: opts.dashboard?.clock ?? systemClock });
    this.overviewFeed = new OverviewFeed({
      overview: this.overview,
      clock: opts.dashboard?.clock ?? systemClock,
      logger: this.logger,
      checkEveryMs: opts.dashboard?.checkEveryMs ?? 1000,
      thumbnailEveryMs: opts.dashboard?.thumbnailEveryMs ?? 10_000,
    });
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.config.limits.maxMessageBytes, perMessageDeflate: false });
    this.httpServer = http.createServer(this.buildApp());
    this.httpServer.on(
      'upgrade',
      createUpgradeHandler({
        wss: this.wss,
        boards: this.boards,
        registry: this.registry,
        logger: this.logger,
        metrics: this.metrics,
        badTokenLimiter: this.badTokenLimiter,
        maxConnectionsPerBoard: this.config.limits.maxConnectionsPerBoard,
        maxMessageBytes: this.config.limits.maxMessageBytes,
        pingIntervalMs: this.config.rooms.pingIntervalMs,
        clientIp: (req) => this.clientIp(req),
        audit: this.audit,
      }),
    );
  }

  private clientIp(req: http.IncomingMessage): string {
    return clientIpOf(req, this.trust);
  }

  private originOf(req: Request): string {
    if (this.config.publicUrl) return this.config.publicUrl;
    return `${req.protocol}://${req.get('host') ?? `${this.config.host}:${this.config.port}`}`;
  }

  private buildApp(): express.Express {
    const app = express();
    app.disable('x-powered-by');
    app.set('trust proxy', this.trust);
    app.use(
      pinoHttp({
        logger: this.logger,
        // Log the path only: query strings and headers may carry tokens.
        serializers: {
          req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, path: accessLogPath(req.url) }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        autoLogging: { ignore: (req) => !(req.url ?? '').startsWith('/api/') },
      }),
    );
    app.use(
      helmet({
        contentSecurityPolicy: {
          directives: {
            defaultSrc: ["'self'"],
            // Only the page's own origin ('self' covers same-origin ws:/wss: in CSP Level 3).
            connectSrc: ["'self'", 'data:', 'blob:'],
            imgSrc: ["'self'", 'data:', 'blob:'],
            fontSrc: ["'self'", 'data:'],
            styleSrc: ["'self'", "'unsafe-inline'"],
            workerSrc: ["'self'", 'blob:'],
            mediaSrc: ["'self'", 'data:', 'blob:'],
            upgradeInsecureRequests: null,
          },
        },
        crossOriginEmbedderPolicy: false,
      }),
    );
    app.use(
      '/api',
      apiRouter({
        boards: this.boards,
        records: this.records,
        workshops: this.workshops,
        overview: this.overview,
        overviewFeed: this.overviewFeed,
        votes: this.votes,
        badCodeLimiter: new RateLimiter({ limit: this.config.limits.badTokenAttemptsPerMinute, windowMs: 60_000 }),
        badTokenLimiter: this.badTokenLimiter,
        createLimiter:
          this.config.limits.createsPerIpPerHour > 0 ? new RateLimiter({ limit: this.config.limits.createsPerIpPerHour, windowMs: 3600_000 }) : undefined,
        clientIp: (req) => this.clientIp(req),
        storage: this.storage,
        relayHealth: () => this.bus?.health(),
        relayCounters: () => {
          const { slowConsumers, droppedStep1, droppedAwareness, revokedSessions } = this.metrics;
          return { slowConsumers, droppedStep1, droppedAwareness, revokedSessions };
        },
        eventLoop: () => this.eventLoop.figures(),
        storageWritable: () => this.metrics.lastStoreFailureAt <= this.metrics.lastStoreSuccessAt,
        maxJsonBodyBytes: this.config.limits.maxJsonBodyBytes,
        maxImportBytes: this.config.limits.maxImportBytes,
        imports: this.imports,
        version: VERSION,
        createToken: this.config.createToken,
        tldrawLicenseKey: this.config.tldrawLicenseKey,
        originOf: (req) => this.originOf(req),
        audit: this.audit,
        personalLinks: this.personalLinks,
        erasure: this.erasure,
        retention: this.retention,
        linkNames: (boardId) => this.registry.linkNames(boardId),
      }),
    );
    app.use(...kuromojiDictRoute());
    this.mountClient(app);
    app.use(errorHandler(this.logger));
    return app;
  }

  private mountClient(app: express.Express): void {
    const dir = this.config.clientDir ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'client');
    const index = path.join(dir, 'index.html');
    if (!fs.existsSync(index)) {
      this.logger.warn({ dir }, 'client bundle not found; only the API is served (run npm run build)');
      return;
    }
    app.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false }));
    app.use(express.static(dir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?:$|b\/|j\/|w\/|r\/)/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }

  /** Start listening; resolves with the bound port. */
  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.httpServer.once('error', reject);
      this.httpServer.listen(this.config.port, this.config.host, () => {
        this.httpServer.off('error', reject);
        resolve();
      });
    });
    this.retention.start();
    this.presenceSharing?.start();
    this.eventLoop.start();
    return (this.httpServer.address() as AddressInfo).port;
  }

  /** Stop accepting, close sessions, store every room and close storage. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.httpServer.close();
      await this.retention.stop();
      this.overviewFeed.close();
      this.presenceSharing?.stop();
      this.eventLoop.stop();
      await this.registry.closeAll();
      for (const ws of this.wss.clients) ws.terminate();
      this.wss.close();
      this.httpServer.closeAllConnections();
      await this.bus?.close();
      await this.storage.close();
    })();
    return this.stopping;
  }
}
