import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type { TLStore } from 'tldraw';
import { recordsMap } from '../../shared/doc/index.ts';
import { Paths, PERMANENT_CLOSE_CODES } from '../../shared/protocol/index.ts';
import { YjsStoreBinding, type ReadOnlyReason } from '../sync/index.ts';
import { markLoad } from '../lib/loadMarks.ts';

/** What the participant sees of the connection. */
export type ConnectionStatus = 'connecting' | 'synced' | 'offline' | 'revoked';

/** Options of a board connection, one typed object. */
export interface BoardConnectionOptions {
  boardId: string;
  token: string;
  /** ws(s)://host/ws; defaults to this page's host. */
  serverUrl?: string;
}

type Listener = () => void;

/**
 * One participant's live link to a board: the Y.Doc kept in IndexedDB (offline work and
 * reloads) and synced through the stock y-websocket provider, and the tldraw store bound
 * to it once the document is there (from IndexedDB or the server, whichever comes first).
 *
 * The connection itself needs no tldraw: the board view attaches the store (and says
 * whether the link may write) when it mounts, so the document can sync while tldraw's code
 * is still loading, and before the link's role is known.
 */
export class BoardConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly local: IndexeddbPersistence;
  private storeValue: TLStore | undefined;
  private binding: YjsStoreBinding | undefined;
  private statusValue: ConnectionStatus = 'connecting';
  private readOnly: ReadOnlyReason | null = null;
  private readonly listeners = new Set<Listener>();
  private canWrite: boolean | undefined;
  /** The document is there (IndexedDB or the server) but no store was attached yet. */
  private bindPending = false;
  private destroyed = false;

  constructor(opts: BoardConnectionOptions) {
    this.local = new IndexeddbPersistence(`renkei-board:${opts.boardId}`, this.doc);
    const serverUrl = opts.serverUrl ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${Paths.ws}`;
    this.provider = new WebsocketProvider(serverUrl, opts.boardId, this.doc, { params: { token: opts.token }, maxBackoffTime: 5000 });

    markLoad('connection');

    this.local.once('synced', () => {
      markLoad('idb-synced');
      // A reload while offline: show the last state we kept.
      if (recordsMap(this.doc).size > 0) this.bind();
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced) {
        markLoad('ws-synced');
        this.bind();
      }
      this.updateStatus();
    });
    this.provider.on('status', () => this.updateStatus());
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event && PERMANENT_CLOSE_CODES.has(event.code)) {
        // A rotated link: stop retrying and say so.
        this.provider.shouldConnect = false;
        this.statusValue = 'revoked';
        this.emit();
      }
    });
    window.addEventListener('online', this.updateStatus);
    window.addEventListener('offline', this.updateStatus);
  }

  /**
   * Attaches the tldraw store the board is loaded into, once, and says whether this
   * participant may change the board (the link's role); binds them if the document is there.
   */
  attach(store: TLStore, canWrite: boolean): void {
    if (this.storeValue) throw new Error('BoardConnection: a store is attached already');
    this.storeValue = store;
    this.canWrite = canWrite;
    if (this.bindPending) this.bind();
  }

  /** The attached tldraw store (see `attach`). */
  get store(): TLStore {
    if (!this.storeValue) throw new Error('BoardConnection: no store is attached');
    return this.storeValue;
  }

  private bind(): void {
    if (this.binding || this.destroyed) return;
    if (!this.storeValue || this.canWrite === undefined) {
      this.bindPending = true;
      return;
    }
    this.binding = new YjsStoreBinding({
      doc: this.doc,
      store: this.storeValue,
      canWrite: this.canWrite,
      onReadOnly: (reason) => {
        this.readOnly = reason;
        this.emit();
      },
    });
    this.readOnly = this.binding.readOnlyReason;
    markLoad('store-loaded');
    this.emit();
  }

  private readonly updateStatus = (): void => {
    if (this.statusValue === 'revoked') return;
    const next: ConnectionStatus = !this.provider.wsconnected || !navigator.onLine ? (this.provider.wsconnecting && !this.binding ? 'connecting' : 'offline') : this.provider.synced ? 'synced' : 'connecting';
    if (next !== this.statusValue) {
      this.statusValue = next;
      this.emit();
    }
  };

  /** The connection status shown to the participant. */
  get status(): ConnectionStatus {
    return this.statusValue;
  }

  /** True once the store holds the board. */
  get ready(): boolean {
    return this.binding !== undefined;
  }

  /** Why the board must stay read-only because of its schema, or null. */
  get schemaReadOnly(): ReadOnlyReason | null {
    return this.readOnly;
  }

  /** Subscribe to status and readiness changes. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  /** Whether `destroy` was called. */
  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Disconnect and release everything (the IndexedDB copy stays). */
  destroy(): void {
    this.destroyed = true;
    window.removeEventListener('online', this.updateStatus);
    window.removeEventListener('offline', this.updateStatus);
    this.binding?.dispose();
    this.provider.destroy();
    void this.local.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }
}

/** The connection of each board and link: opened ahead of its view, or the view's own. */
interface Registered {
  connection: BoardConnection;
  /** A board view took it: from then on it is the view's, to destroy. */
  owned: boolean;
  /** Until a view takes it: who asked for it (each `prewarmBoardConnection` call until its release). */
  holders: number;
  /** The pending close once nobody holds it and no view took it. */
  closing: ReturnType<typeof setTimeout> | undefined;
}
const registry = new Map<string, Registered>();
const registryKey = (boardId: string, token: string) => `${boardId}\u0000${token}`;

function live(key: string): Registered | undefined {
  const entry = registry.get(key);
  if (entry && entry.connection.isDestroyed) {
    registry.delete(key);
    return undefined;
  }
  return entry;
}

/**
 * Opens a board's connection (its IndexedDB copy, the websocket) before the board's view
 * exists, so that the document's sync overlaps loading the page, tldraw's code and the
 * board's info instead of following them; the board view takes it (`takeBoardConnection`),
 * attaches the store and says whether the link may write. Asking again for the same board
 * and link shares the one connection, and asking once a view has it does nothing. Returns a
 * release function (call it once): when nobody holds the connection any more and no view
 * took it, it is closed at the end of that task (the page went away, the link turned out
 * not to open a board).
 */
export function prewarmBoardConnection(opts: BoardConnectionOptions): () => void {
  const key = registryKey(opts.boardId, opts.token);
  let entry = live(key);
  if (entry?.owned) return () => {};
  if (!entry) {
    entry = { connection: new BoardConnection(opts), owned: false, holders: 0, closing: undefined };
    registry.set(key, entry);
  }
  const mine = entry;
  mine.holders += 1;
  clearTimeout(mine.closing);
  mine.closing = undefined;
  let released = false;
  return () => {
    if (released || mine.owned) return;
    released = true;
    mine.holders -= 1;
    if (mine.holders > 0) return;
    mine.closing = setTimeout(() => {
      if (mine.owned || mine.holders > 0 || registry.get(key) !== mine) return;
      registry.delete(key);
      mine.connection.destroy();
    }, 0);
  };
}

/**
 * For the board view: the connection prewarmed for this board and link, or a new one. It is
 * the view's now (to attach its store to, and to destroy); prewarming it again does nothing
 * until it is destroyed.
 */
export function takeBoardConnection(opts: BoardConnectionOptions): BoardConnection {
  const key = registryKey(opts.boardId, opts.token);
  const entry = live(key);
  if (entry && !entry.owned) {
    clearTimeout(entry.closing);
    entry.owned = true;
    return entry.connection;
  }
  // Not prewarmed (or already another view's, e.g. React's StrictMode re-run): a new one.
  const connection = new BoardConnection(opts);
  registry.set(key, { connection, owned: true, holders: 0, closing: undefined });
  return connection;
}
