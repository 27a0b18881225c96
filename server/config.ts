import path from 'node:path';
import { z } from 'zod';
import type { SessionLimits } from './relay/SessionLimits.ts';
import { parseTrustProxy, type TrustProxy } from './http/clientIp.ts';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Environment variables the server reads, validated in one place at start-up. */
const EnvSchema = z.object({
  PORT: int(0, 65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  CREATE_TOKEN: z.string().min(16).optional(),
  TLDRAW_LICENSE_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.string().optional(),
  MAX_MESSAGE_BYTES: int(1024, 256 * 1024 * 1024).default(8 * 1024 * 1024),
  MAX_CONNECTIONS_PER_BOARD: int(1, 100_000).default(100),
  MAX_JSON_BODY_BYTES: int(1024, 64 * 1024 * 1024).default(1024 * 1024),
  MAX_IMPORT_BYTES: int(1024, 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  BAD_TOKEN_ATTEMPTS_PER_MINUTE: int(1, 1_000_000).default(30),
  CREATES_PER_IP_PER_HOUR: int(0, 1_000_000).default(120),
  ROOM_IDLE_MS: int(0, 24 * 3600_000).default(30_000),
  COMPACT_EVERY_UPDATES: int(1, 1_000_000).default(500),
  COMPACT_IDLE_MS: int(0, 3600_000).default(10_000),
  PING_INTERVAL_MS: int(1000, 3600_000).default(30_000),
  CLIENT_DIR: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().optional(),
  // What one WebSocket session may hold and send (SPEC R10).
  SESSION_MAX_BUFFERED_BYTES: int(64 * 1024, 1024 * 1024 * 1024).default(8 * 1024 * 1024),
  SESSION_STEP1_BURST: int(1, 10_000).default(5),
  SESSION_STEP1_PER_MINUTE: int(1, 600_000).default(30),
  SESSION_AWARENESS_BURST: int(1, 100_000).default(60),
  SESSION_AWARENESS_PER_SECOND: int(1, 100_000).default(30),
  MAX_AWARENESS_BYTES: int(256, 16 * 1024 * 1024).default(64 * 1024),
  SHUTDOWN_TIMEOUT_MS: int(100, 600_000).default(10_000),
  SQLITE_BUSY_WAIT_MS: int(0, 600_000).default(5000),
  // SPEC S1: document updates go through the update journal (renkei.updates) unless 'false'.
  SQLITE_UPDATE_JOURNAL: z.enum(['true', 'false']).default('true'),
  // Issue 17: retention (unset keeps forever) and encryption at rest.
  RETENTION_DAYS: int(1, 36_500).optional(),
  RECORD_RETENTION_DAYS: int(1, 36_500).optional(),
  DATA_KEY_FILE: z.string().optional(),
});

/** The server's whole configuration, one typed object. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string | undefined;
  createToken: string | undefined;
  tldrawLicenseKey: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Proxies trusted to report the client address (Express `trust proxy`, never a bare true). */
  trustProxy: TrustProxy;
  limits: {
    maxMessageBytes: number;
    maxConnectionsPerBoard: number;
    maxJsonBodyBytes: number;
    maxImportBytes: number;
    badTokenAttemptsPerMinute: number;
    /** Boards, imports and workshops one client address may create per hour; 0 is no limit. */
    createsPerIpPerHour: number;
  };
  rooms: {
    idleUnloadMs: number;
    compactEveryUpdates: number;
    compactIdleMs: number;
    pingIntervalMs: number;
  };
  /** What one WebSocket session may hold and send (SPEC R10). */
  session: SessionLimits;
  /** How long stopping may take to store what rooms hold; then what is left is logged. */
  shutdownTimeoutMs: number;
  /** How long a SQLite write waits (asynchronously) for another process's lock. */
  sqliteBusyWaitMs: number;
  /** Whether the SQLite store takes document updates through its journal (SPEC S1). */
  sqliteUpdateJournal: boolean;
  /** Where the built client lives; unset serves dist/client beside the server. */
  clientDir: string | undefined;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Days after which untouched boards, and records, are deleted; undefined keeps them. */
  retention: { boardDays: number | undefined; recordDays: number | undefined };
  /** The file holding the data key(s) for encryption at rest; undefined stores plaintext. */
  dataKeyFile: string | undefined;
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; errors: string[] };

/** Parse the environment into a config; every problem is reported, never a throw. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    };
  }
  const e = parsed.data;
  const trust = parseTrustProxy(e.TRUST_PROXY);
  if (!trust.ok) return { ok: false, errors: [trust.message] };
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      dataDir: path.resolve(e.DATA_DIR),
      publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
      createToken: e.CREATE_TOKEN,
      tldrawLicenseKey: e.TLDRAW_LICENSE_KEY,
      logLevel: e.LOG_LEVEL,
      trustProxy: trust.value,
      limits: {
        maxMessageBytes: e.MAX_MESSAGE_BYTES,
        maxConnectionsPerBoard: e.MAX_CONNECTIONS_PER_BOARD,
        maxJsonBodyBytes: e.MAX_JSON_BODY_BYTES,
        maxImportBytes: e.MAX_IMPORT_BYTES,
        badTokenAttemptsPerMinute: e.BAD_TOKEN_ATTEMPTS_PER_MINUTE,
        createsPerIpPerHour: e.CREATES_PER_IP_PER_HOUR,
      },
      rooms: {
        idleUnloadMs: e.ROOM_IDLE_MS,
        compactEveryUpdates: e.COMPACT_EVERY_UPDATES,
        compactIdleMs: e.COMPACT_IDLE_MS,
        pingIntervalMs: e.PING_INTERVAL_MS,
      },
      session: {
        maxBufferedBytes: e.SESSION_MAX_BUFFERED_BYTES,
        step1Burst: e.SESSION_STEP1_BURST,
        step1PerSecond: e.SESSION_STEP1_PER_MINUTE / 60,
        awarenessBurst: e.SESSION_AWARENESS_BURST,
        awarenessPerSecond: e.SESSION_AWARENESS_PER_SECOND,
        maxAwarenessBytes: e.MAX_AWARENESS_BYTES,
      },
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      sqliteBusyWaitMs: e.SQLITE_BUSY_WAIT_MS,
      sqliteUpdateJournal: e.SQLITE_UPDATE_JOURNAL === 'true',
      clientDir: e.CLIENT_DIR,
      databaseUrl: e.DATABASE_URL,
      redisUrl: e.REDIS_URL,
      retention: { boardDays: e.RETENTION_DAYS, recordDays: e.RECORD_RETENTION_DAYS },
      dataKeyFile: e.DATA_KEY_FILE === undefined ? undefined : path.resolve(e.DATA_KEY_FILE),
    },
  };
}
