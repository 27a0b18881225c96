import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { createTLStore, defaultShapeUtils, type TLAnyShapeUtilConstructor, type TLStore } from 'tldraw';
import { recordsMap } from '../../shared/doc/index.ts';
import { boardSchema } from '../../shared/schema/index.ts';
import { Paths, PERMANENT_CLOSE_CODES } from '../../shared/protocol/index.ts';
import { YjsStoreBinding, type ReadOnlyReason } from '../sync/index.ts';

/** What the participant sees of the connection. */
export type ConnectionStatus = 'connecting' | 'synced' | 'offline' | 'revoked';

/** Options of a board connection, one typed object. */
export interface BoardConnectionOptions {
  boardId: string;
  token: string;
  canWrite: boolean;
  shapeUtils?: readonly TLAnyShapeUtilConstructor[];
  /** ws(s)://host/ws; defaults to this page's host. */
  serverUrl?: string;
}

type Listener = () => void;

/**
 * One participant's live link to a board: the Y.Doc kept in IndexedDB (offline work and
 * reloads) and synced through the stock y-websocket provider, and the tldraw store bound
 * to it once the document is there (from IndexedDB or the server, whichever comes first).
 */
export class BoardConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly local: IndexeddbPersistence;
  readonly store: TLStore;
  private binding: YjsStoreBinding | undefined;
  private statusValue: ConnectionStatus = 'connecting';
  private readOnly: ReadOnlyReason | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly canWrite: boolean;
  private destroyed = false;

  constructor(opts: BoardConnectionOptions) {
    this.canWrite = opts.canWrite;
    // The board schema (tldraw's shapes and ours) is the one the server seeds documents with.
    this.store = createTLStore({ schema: boardSchema(), shapeUtils: [...defaultShapeUtils, ...(opts.shapeUtils ?? [])] });
    this.local = new IndexeddbPersistence(`renkei-board:${opts.boardId}`, this.doc);
    const serverUrl = opts.serverUrl ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${Paths.ws}`;
    this.provider = new WebsocketProvider(serverUrl, opts.boardId, this.doc, { params: { token: opts.token }, maxBackoffTime: 5000 });

    this.local.once('synced', () => {
      // A reload while offline: show the last state we kept.
      if (recordsMap(this.doc).size > 0) this.bind();
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced) this.bind();
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

  private bind(): void {
    if (this.binding || this.destroyed) return;
    this.binding = new YjsStoreBinding({
      doc: this.doc,
      store: this.store,
      canWrite: this.canWrite,
      onReadOnly: (reason) => {
        this.readOnly = reason;
        this.emit();
      },
    });
    this.readOnly = this.binding.readOnlyReason;
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
