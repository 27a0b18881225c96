import WebSocket from 'ws';
import * as Y from 'yjs';
import { decodeServerFrame, syncStep1Frame, type ServerFrame } from './frames.ts';

/** How a socket ended. */
export interface CloseInfo {
  code: number;
  reason: string;
}

/** The URL of a board's WebSocket with a token. */
export function boardWsUrl(wsUrl: string, boardId: string, token: string | undefined): string {
  return `${wsUrl}/${encodeURIComponent(boardId)}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
}

/**
 * A bare `ws` socket speaking frames the test builds by hand. It records every frame the
 * server sends, so a test can await the next frame of a kind, or the close code.
 */
export class RawClient {
  readonly ws: WebSocket;
  readonly frames: ServerFrame[] = [];
  /** Resolves when the socket is open; rejects if it never opens. */
  readonly opened: Promise<void>;
  /** Resolves with the close code and reason once the socket has closed. */
  readonly closed: Promise<CloseInfo>;
  closeInfo: CloseInfo | undefined;
  private cursor = 0;
  private readonly listeners = new Set<() => void>();

  /** Connect; `onOpen` runs synchronously in the socket's open handler, before anything else. */
  constructor(url: string, opts: { onOpen?: (client: RawClient) => void } = {}) {
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => {
        opts.onOpen?.(this);
        resolve();
      });
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      this.ws.once('error', reject);
    });
    this.opened.catch(() => undefined);
    this.ws.on('error', () => undefined);
    this.closed = new Promise((resolve) => {
      this.ws.once('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        resolve(this.closeInfo);
        this.notify();
      });
    });
    this.ws.on('message', (data, isBinary) => {
      // A text frame from the server breaks the protocol; it shows up as type -1.
      if (!isBinary) {
        this.frames.push({ kind: 'other', type: -1 });
        this.notify();
        return;
      }
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      this.frames.push(decodeServerFrame(new Uint8Array(bytes)));
      this.notify();
    });
  }

  /** Connect and wait until open. */
  static async open(url: string, opts: { onOpen?: (client: RawClient) => void } = {}): Promise<RawClient> {
    const c = new RawClient(url, opts);
    await c.opened;
    return c;
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Send a binary frame (or a text frame for a string). */
  send(frame: Uint8Array | string): void {
    if (typeof frame === 'string') this.ws.send(frame, { binary: false });
    else this.ws.send(frame, { binary: true });
  }

  /** The next not yet consumed frame matching `predicate`; rejects if the socket closes first. */
  next<K extends ServerFrame['kind']>(kind: K, predicate: (f: Extract<ServerFrame, { kind: K }>) => boolean = () => true): Promise<Extract<ServerFrame, { kind: K }>> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        for (let i = this.cursor; i < this.frames.length; i++) {
          const f = this.frames[i]!;
          if (f.kind === kind && predicate(f as Extract<ServerFrame, { kind: K }>)) {
            this.cursor = i + 1;
            resolve(f as Extract<ServerFrame, { kind: K }>);
            return true;
          }
        }
        if (this.closeInfo) {
          reject(new Error(`socket closed (${this.closeInfo.code} ${this.closeInfo.reason}) before a ${kind} frame arrived`));
          return true;
        }
        return false;
      };
      if (check()) return;
      const listener = () => {
        if (check()) this.listeners.delete(listener);
      };
      this.listeners.add(listener);
    });
  }

  /**
   * Send sync step 1 and await the step 2 answer. The server answers only after everything it
   * applied before is stored (SPEC R1), and frames of one socket are handled in order, so this
   * is also a barrier: every frame sent earlier on this socket has been handled.
   */
  async sync(stateVector: Uint8Array = new Uint8Array([0])): Promise<Uint8Array> {
    this.send(syncStep1Frame(stateVector));
    return (await this.next('sync-step2')).update;
  }

  /**
   * After sending something the server should refuse: the close it caused, or 'open' if the
   * server handled a sync round trip after it instead (so it accepted the frame).
   */
  async closeOrAnswer(): Promise<CloseInfo | 'open'> {
    if (this.closeInfo) return this.closeInfo;
    try {
      await this.sync();
      return 'open';
    } catch {
      return this.closed;
    }
  }

  /** The server's whole document as this socket can fetch it. */
  async fetchDoc(): Promise<Y.Doc> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await this.sync());
    return doc;
  }

  /** Close from our side and wait for the socket to be closed. */
  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close();
    await this.closed;
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }
}

/** What became of an upgrade request. */
export type UpgradeOutcome = { opened: true } | { opened: false; status: number };

/** Try an upgrade; report the refusal status, or that a socket opened (which is then closed). */
export function tryUpgrade(url: string): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    let settled = false;
    ws.on('error', (err) => {
      if (!settled) {
        settled = true;
        reject(err);
      }
    });
    ws.once('unexpected-response', (req, res) => {
      settled = true;
      resolve({ opened: false, status: res.statusCode ?? 0 });
      res.resume();
      req.destroy();
    });
    ws.once('open', () => {
      settled = true;
      resolve({ opened: true });
      ws.close();
    });
  });
}
