import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../logger.ts';
import { parseRevocation } from '../relay/revocation.ts';
import type { BoardPresence, BusHealth, BusMessage, RelayBus } from './RelayBus.ts';

/** Options of the Redis relay bus. */
export interface RedisBusOptions {
  url: string;
  logger: Logger;
  /** Channel prefix, so that several deployments can share one Redis. */
  prefix?: string;
  /** Shared presence is dropped when not shared again within this (ms); default 10 s. */
  presenceTtlMs?: number;
}

/** One board's presence as another instance wrote it (checked: Redis is outside this process). */
const BoardPresenceSchema = z.object({
  tokens: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(10_000),
  participants: z.array(z.object({ name: z.string().max(200), role: z.string().max(100) })).max(10_000),
  lastChangeAt: z.number().int().nonnegative(),
});

const KIND_CODE = { update: 0, awareness: 1, revoke: 2 } as const;
const ID_BYTES = 8;

/**
 * Redis pub/sub between relay instances. A frame is [kind][instance id][payload]; an
 * instance drops frames carrying its own id. Redis being down never stops an instance from
 * serving its own sessions: publishing then fails quietly and rooms catch up from storage
 * once the subscription is back (SPEC R9).
 */
export class RedisBus implements RelayBus {
  readonly instanceId = randomBytes(ID_BYTES);
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly prefix: string;
  private readonly logger: Logger;
  private readonly handlers = new Map<string, (msg: BusMessage) => void>();
  private readonly reconnectListeners: (() => void)[] = [];
  private wasDown = false;
  private readonly presenceTtlMs: number;
  /** What this instance last shared, per board (JSON), so an unchanged board is not written again. */
  private shared = new Map<string, string>();

  constructor(opts: RedisBusOptions) {
    this.prefix = opts.prefix ?? 'renkei:b:';
    this.presenceTtlMs = opts.presenceTtlMs ?? 10_000;
    this.logger = opts.logger;
    const common = { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (n: number) => Math.min(n * 200, 2000) };
    this.pub = new Redis(opts.url, common);
    this.sub = new Redis(opts.url, { ...common, enableOfflineQueue: true });
    for (const [name, c] of [['pub', this.pub], ['sub', this.sub]] as const) {
      c.on('error', (err: Error) => this.logger.warn({ redis: name, err: err.message }, 'redis error'));
      c.on('close', () => {
        this.wasDown = true;
        // Redis may come back empty: share everything again then.
        this.shared = new Map();
      });
    }
    this.sub.on('ready', () => {
      if (!this.wasDown) return;
      // ioredis only re-subscribes channels whose SUBSCRIBE once succeeded: subscribe every
      // open board again, then catch up, so nothing published meanwhile is missed.
      const channels = [...this.handlers.keys()].map((id) => this.prefix + id);
      const resubscribe = channels.length > 0 ? this.sub.subscribe(...channels) : Promise.resolve(0);
      resubscribe.then(
        () => {
          this.wasDown = false;
          this.logger.info('redis is back: rooms catch up from storage');
          for (const l of this.reconnectListeners) l();
        },
        (err: Error) => this.logger.warn({ err: err.message }, 'resubscribing after a redis outage failed; will retry on the next reconnect'),
      );
    });
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message));
  }

  private onMessage(channel: string, frame: Buffer): void {
    if (frame.length < 1 + ID_BYTES) return;
    if (frame.subarray(1, 1 + ID_BYTES).equals(this.instanceId)) return;
    const handler = this.handlers.get(channel.slice(this.prefix.length));
    if (!handler) return;
    const payload = frame.subarray(1 + ID_BYTES);
    switch (frame[0]) {
      case KIND_CODE.update:
        return handler({ kind: 'update', data: new Uint8Array(payload) });
      case KIND_CODE.awareness:
        return handler({ kind: 'awareness', data: new Uint8Array(payload) });
      case KIND_CODE.revoke: {
        let revocation;
        try {
          revocation = parseRevocation(JSON.parse(payload.toString('utf8')));
        } catch {
          revocation = undefined;
        }
        if (revocation) handler({ kind: 'revoke', revocation });
        return;
      }
      default:
        return;
    }
  }

  async subscribe(boardId: string, onMessage: (msg: BusMessage) => void): Promise<void> {
    this.handlers.set(boardId, onMessage);
    try {
      await this.sub.subscribe(this.prefix + boardId);
    } catch (err) {
      // Re-subscribed when Redis is back (see 'ready'); until then served locally only.
      this.logger.warn({ boardId, err: (err as Error).message }, 'subscribe failed; serving local sessions only');
    }
  }

  async unsubscribe(boardId: string): Promise<void> {
    this.handlers.delete(boardId);
    await this.sub.unsubscribe(this.prefix + boardId).catch(() => undefined);
  }

  publish(boardId: string, msg: BusMessage): void {
    const data = msg.kind === 'revoke' ? Buffer.from(JSON.stringify(msg.revocation)) : msg.data;
    const frame = Buffer.allocUnsafe(1 + ID_BYTES + data.byteLength);
    frame[0] = KIND_CODE[msg.kind];
    this.instanceId.copy(frame, 1);
    frame.set(data, 1 + ID_BYTES);
    this.pub.publish(this.prefix + boardId, frame).catch((err: Error) => {
      this.logger.warn({ boardId, err: err.message }, 'publish failed; other instances catch up from storage');
    });
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  /** Presence keys: a sorted set of live instances (score: expiry, ms) and a hash per instance. */
  private get instancesKey(): string {
    return `${this.prefix}presence:instances`;
  }

  private presenceKey(instanceHex: string): string {
    return `${this.prefix}presence:${instanceHex}`;
  }

  async sharePresence(boards: ReadonlyMap<string, BoardPresence>): Promise<void> {
    const me = this.instanceId.toString('hex');
    const key = this.presenceKey(me);
    const changed: string[] = [];
    const next = new Map<string, string>();
    for (const [boardId, presence] of boards) {
      const json = JSON.stringify(presence);
      next.set(boardId, json);
      if (this.shared.get(boardId) !== json) changed.push(boardId, json);
    }
    const gone = [...this.shared.keys()].filter((id) => !next.has(id));
    const now = Date.now();
    const multi = this.pub.multi();
    if (changed.length > 0) multi.hset(key, ...changed);
    if (gone.length > 0) multi.hdel(key, ...gone);
    const expireAt = (changed.length > 0 ? 1 : 0) + (gone.length > 0 ? 1 : 0);
    multi.pexpire(key, this.presenceTtlMs);
    multi.zadd(this.instancesKey, now + this.presenceTtlMs, me);
    multi.zremrangebyscore(this.instancesKey, '-inf', now);
    try {
      const results = await multi.exec();
      const expireSet = results?.[expireAt]?.[1];
      // The hash had expired (a stall longer than the expiry) or Redis lost it: write it whole next time.
      this.shared = expireSet === 1 || next.size === 0 ? next : new Map();
    } catch (err) {
      this.shared = new Map();
      this.logger.debug({ err: (err as Error).message }, 'sharing presence failed; dashboards elsewhere see this instance again once Redis is back');
    }
  }

  async presenceElsewhere(boardIds: readonly string[]): Promise<Map<string, BoardPresence[]>> {
    const out = new Map<string, BoardPresence[]>();
    if (boardIds.length === 0) return out;
    const me = this.instanceId.toString('hex');
    try {
      const instances = (await this.pub.zrangebyscore(this.instancesKey, Date.now(), '+inf')).filter((id) => id !== me && /^[0-9a-f]+$/.test(id));
      if (instances.length === 0) return out;
      const pipeline = this.pub.pipeline();
      for (const id of instances) pipeline.hmget(this.presenceKey(id), ...boardIds);
      const results = (await pipeline.exec()) ?? [];
      for (const [err, values] of results) {
        if (err || !Array.isArray(values)) continue;
        values.forEach((value: unknown, i: number) => {
          const boardId = boardIds[i];
          if (typeof value !== 'string' || boardId === undefined) return;
          let parsed;
          try {
            parsed = BoardPresenceSchema.safeParse(JSON.parse(value));
          } catch {
            return;
          }
          if (!parsed.success) return;
          const list = out.get(boardId);
          if (list) list.push(parsed.data);
          else out.set(boardId, [parsed.data]);
        });
      }
    } catch (err) {
      this.logger.debug({ err: (err as Error).message }, 'reading presence elsewhere failed; the dashboard shows this instance only');
    }
    return out;
  }

  health(): BusHealth {
    const ok = this.pub.status === 'ready' && this.sub.status === 'ready';
    return { ok, state: ok ? 'ready' : `pub:${this.pub.status} sub:${this.sub.status}` };
  }

  async close(): Promise<void> {
    this.handlers.clear();
    // Leave at once rather than when the shared presence expires.
    const me = this.instanceId.toString('hex');
    if (this.pub.status === 'ready') await this.pub.multi().del(this.presenceKey(me)).zrem(this.instancesKey, me).exec().catch(() => undefined);
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
