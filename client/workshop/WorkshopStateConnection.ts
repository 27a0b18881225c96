import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { Paths, PERMANENT_CLOSE_CODES } from '../../shared/protocol/index.ts';
import { readWorkshopState, workshopMap, writeWorkshopState, type WorkshopState } from '../../shared/workshop/index.ts';

/** Where the state document's connection stands. */
export type StateStatus = 'connecting' | 'synced' | 'offline' | 'revoked';

/** Options of a workshop state connection, one typed object. */
export interface WorkshopStateConnectionOptions {
  workshopId: string;
  /** The facilitator token (owner: writes) or a member's token (view: the server drops writes). */
  token: string;
  /** ws(s)://host/ws; defaults to this page's host. */
  serverUrl?: string;
}

type Listener = () => void;

/**
 * The workshop's shared state document (phase, timer, message, presentation) over the
 * stock y-websocket provider on `/ws/<workshopId>`. No IndexedDB copy: the state is only
 * meaningful live, and a stale phase after a reload would mislead.
 */
export class WorkshopStateConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private current: WorkshopState;
  private statusValue: StateStatus = 'connecting';
  private everSynced = false;
  private readonly listeners = new Set<Listener>();

  constructor(opts: WorkshopStateConnectionOptions) {
    const serverUrl = opts.serverUrl ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${Paths.ws}`;
    this.current = readWorkshopState(this.doc);
    // Broadcast between tabs is off: every tab must hear the server, not a sibling tab.
    this.provider = new WebsocketProvider(serverUrl, opts.workshopId, this.doc, { params: { token: opts.token }, maxBackoffTime: 5000, disableBc: true });
    workshopMap(this.doc).observe(() => {
      this.current = readWorkshopState(this.doc);
      this.emit();
    });
    this.provider.on('sync', () => this.updateStatus());
    this.provider.on('status', () => this.updateStatus());
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event && PERMANENT_CLOSE_CODES.has(event.code)) {
        this.provider.shouldConnect = false;
        this.statusValue = 'revoked';
        this.emit();
      }
    });
  }

  private updateStatus(): void {
    if (this.statusValue === 'revoked') return;
    if (this.provider.synced) this.everSynced = true;
    // Once the state has come, a lost connection keeps showing it, marked offline.
    const next: StateStatus = this.provider.wsconnected && this.provider.synced ? 'synced' : this.everSynced ? 'offline' : 'connecting';
    if (next !== this.statusValue) {
      this.statusValue = next;
      this.emit();
    }
  }

  /** The state as last received (defaults until the first sync). */
  get state(): WorkshopState {
    return this.current;
  }

  /** Whether the state has come from the server at least once. */
  get hasState(): boolean {
    return this.everSynced;
  }

  get status(): StateStatus {
    return this.statusValue;
  }

  /** Change part of the state (the facilitator's connection only; others' writes are dropped by the server). */
  write(patch: Partial<WorkshopState>): void {
    writeWorkshopState(this.doc, patch);
  }

  /** Subscribe to state and status changes. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  /** Disconnect and release the document. */
  destroy(): void {
    this.listeners.clear();
    this.provider.destroy();
    this.doc.destroy();
  }
}
