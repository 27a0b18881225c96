import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { parseRevocation } from '../relay/revocation.ts';
import type { BusHealth, BusMessage, RelayBus } from './RelayBus.ts';

/** Options of the Redis relay bus. */
export interface RedisBusOptions {
  url: string;
  logger: Logger;
  /** Channel prefix, so that several deployments can share one Redis. */
  prefix?: string;
}

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

  constructor(opts: RedisBusOptions) {
    this.prefix = opts.prefix ?? 'renkei:b:';
    this.logger = opts.logger;
    const common = { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (n: number) => Math.min(n * 200, 2000) };
    this.pub = new Redis(opts.url, common);
    this.sub = new Redis(opts.url, { ...common, enableOfflineQueue: true });
    for (const [name, c] of [['pub', this.pub], ['sub', this.sub]] as const) {
      c.on('error', (err: Error) => this.logger.warn({ redis: name, err: err.message }, 'redis error'));
      c.on('close', () => (this.wasDown = true));
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

  health(): BusHealth {
    const ok = this.pub.status === 'ready' && this.sub.status === 'ready';
    return { ok, state: ok ? 'ready' : `pub:${this.pub.status} sub:${this.sub.status}` };
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
