import * as Y from 'yjs';
import { lockedRecordOf, type DocKind } from '../../shared/doc/index.ts';
import type { Logger } from '../logger.ts';
import { StorageUnavailableError, type DocumentStore, type StoredDocument } from '../storage/index.ts';
import { Step2Cache } from './Step2Cache.ts';
import { isEmptyStateVector, newDocument, storedAsUpdate, storedParts } from './storedDocument.ts';
import { WorkQueue, type StoreTask } from './WorkQueue.ts';
import type { Clock } from './Clock.ts';
import { CompactionSchedule } from './CompactionSchedule.ts';
import type { RelayMetrics } from './metrics.ts';
import { applyServerEdit, applyStructureRepairs, findAuthorFixes, findStructureRepairs, restoreLocked } from './structure.ts';
import { applyAndJudge, applyTrusted, type AuthorClaim, type LockedChange, type RecordValidator } from './UpdateGate.ts';
import type { NoteAuthor } from '../../shared/workshop/author.ts';
import { encodeSyncStep1, encodeSyncUpdate } from './wire.ts';

/** What the pipeline tells its room; `S` is the room's session type, opaque here. */
export interface PipelineHooks<S> {
  /** Send a frame to every session but `except` (undefined: to everyone). */
  broadcast(frame: Uint8Array, except: S | undefined): void;
  /** A session's update was refused (nothing of it is stored or relayed). */
  refused(from: S, reason: string): void;
  /** A session's change of locked records was undone (SPEC D7): tell it which, so it can say why. */
  lockedRestored?(from: S, recordIds: readonly string[]): void;
  /** Storing a session's update failed; it is kept and retried (SPEC S4). */
  storeFailed(from: S): void;
  /** The document can no longer be trusted (it could not be rebuilt): close every session. */
  abandoned(): void;
  /** After an update (a session's or the server's own repair) is stored: publish it. */
  afterStore?(update: Uint8Array, seq: number): void;
}

/** Options of a pipeline, one typed object. */
export interface PipelineOptions<S> {
  boardId: string;
  kind: DocKind;
  store: DocumentStore;
  logger: Logger;
  metrics: RelayMetrics;
  clock: Clock;
  compactEveryUpdates: number;
  compactIdleMs: number;
  validateRecord?: RecordValidator;
  /** Whether a session may change locked records and locks: an owner (SPEC D7). */
  mayChangeLocks?: (from: S) => boolean;
  /** Who a session is, as the server knows it (a workshop member's name and role), for note authors (SPEC D6). */
  authorOf?: (from: S) => NoteAuthor | undefined;
  hooks: PipelineHooks<S>;
}

/** Where the document is (SPEC R3, R6); `remote` keeps what other instances sent meanwhile. */
type PipelineState =
  | { kind: 'loading'; remote: Uint8Array[] }
  /** Storage answered; the document is built on first need. */
  | { kind: 'stored'; stored: StoredDocument; asFrame: Uint8Array | undefined }
  | { kind: 'live' }
  /** A refused update touched the document: it is rebuilt from storage; work waits in `held`. */
  | { kind: 'repairing'; held: (() => void)[]; remote: Uint8Array[] }
  | { kind: 'closed' };

const LOAD = Symbol('load');
const REMOTE = Symbol('remote');
const SERVER = Symbol('server');

/**
 * A board's document and the one ordered path of its updates: apply → validate → store →
 * publish. An update is decoded once, judged as a value by the gate, stored as the client
 * sent it and relayed once stored. A refused update that touched the document makes the
 * pipeline rebuild it from storage after everything accepted before it is stored; work that
 * arrives meanwhile is held and done afterwards. A cross-record invariant that two valid
 * concurrent edits broke together is repaired with an update of the server's own (SPEC D).
 */
export class DocumentPipeline<S> {
  private state: PipelineState = { kind: 'loading', remote: [] };
  private doc: Y.Doc;
  private readonly queue: WorkQueue<S>;
  private lastStoredSeq = 0;
  private readonly step2 = new Step2Cache();
  private readonly compaction: CompactionSchedule;
  private readonly opts: PipelineOptions<S>;
  /** Bumped on every change, so derived views (thumbnails, step-2 answers) know when to recompute. */
  version = 0;
  /** When the document last changed (ms since epoch, 0 = not since loading). */
  lastChangeAt = 0;

  constructor(opts: PipelineOptions<S>) {
    this.opts = opts;
    this.doc = newDocument(opts.kind);
    this.queue = new WorkQueue<S>({
      boardId: opts.boardId,
      store: opts.store,
      logger: opts.logger,
      metrics: opts.metrics,
      clock: opts.clock,
      stored: (task, seq) => this.afterStored(task, seq),
      storeFailed: (from) => opts.hooks.storeFailed(from),
      compact: () => this.compact(),
      repair: () => this.repair(),
    });
    this.compaction = new CompactionSchedule({
      clock: opts.clock,
      everyUpdates: opts.compactEveryUpdates,
      idleMs: opts.compactIdleMs,
      due: () => this.queue.enqueue({ kind: 'compact' }),
    });
  }

  /** Whether the stored document is applied (false until something needs it, SPEC R6). */
  get built(): boolean {
    return this.state.kind === 'live' || this.state.kind === 'repairing';
  }

  /** Frames and work waiting for the rebuild after a refused update (0 when not rebuilding). */
  get heldWork(): number {
    return this.state.kind === 'repairing' ? this.state.held.length : 0;
  }

  /** Whether an append is failing now (records and exports answer 503 meanwhile). */
  get storageFailing(): boolean {
    return this.queue.failing;
  }

  /** Load the stored document; the document itself is built on first need. */
  async load(): Promise<void> {
    const stored = await this.opts.store.loadDocument(this.opts.boardId);
    const remote = this.state.kind === 'loading' ? this.state.remote : [];
    this.lastStoredSeq = stored.lastSeq;
    this.state = { kind: 'stored', stored, asFrame: undefined };
    this.compaction.loaded(stored.updates.length);
    // What other instances published meanwhile goes on top of the stored document now.
    for (const u of remote) this.applyRemote(u);
  }

  /** Run `work` now, or after the rebuild when the document is being rebuilt; true when it was held. */
  holdWhileRepairing(work: () => void): boolean {
    if (this.state.kind !== 'repairing') return false;
    this.state.held.push(work);
    return true;
  }

  /**
   * The document as it is now, built if needed, without waiting for what is being stored — for
   * diagnostics and tests; readers use `current`.
   */
  documentNow(): Y.Doc {
    return this.materialize();
  }

  /** The document, built from storage if it was not yet. */
  private materialize(): Y.Doc {
    if (this.state.kind === 'stored') {
      const { stored } = this.state;
      this.state = { kind: 'live' };
      applyTrusted(this.doc, storedParts(stored), LOAD);
      this.version++;
    }
    return this.doc;
  }

  /**
   * Answer a session's sync step 1. A fresh joiner of an unbuilt board gets the stored bytes
   * as they are; otherwise the answer is encoded now (or reused while the document has not
   * changed) and sent once everything applied before it is stored (SPEC R1, R6).
   */
  answerStep1(stateVector: Uint8Array, send: (frame: Uint8Array) => void): void {
    const s = this.state;
    switch (s.kind) {
      case 'loading':
      case 'closed':
        return;
      case 'repairing':
        s.held.push(() => this.answerStep1(stateVector, send));
        return;
      case 'stored':
        if (isEmptyStateVector(stateVector)) {
          s.asFrame ??= encodeSyncUpdate(storedAsUpdate(s.stored), 'step2');
          send(s.asFrame);
          return;
        }
        break;
      case 'live':
        break;
      default:
        return exhaustive(s);
    }
    const frame = this.step2Frame(stateVector);
    this.queue.afterQueued(() => send(frame));
  }

  private step2Frame(stateVector: Uint8Array): Uint8Array {
    const doc = this.materialize();
    const cached = this.step2.get(this.version, stateVector);
    if (cached) {
      this.opts.metrics.step2Reused++;
      return cached;
    }
    const frame = encodeSyncUpdate(Y.encodeStateAsUpdate(doc, stateVector), 'step2');
    this.step2.set(this.version, stateVector, frame);
    return frame;
  }

  /** The server's own sync step 1 (its state vector), once the document stands. */
  serverStep1(send: (frame: Uint8Array) => void): void {
    if (this.holdWhileRepairing(() => this.serverStep1(send))) return;
    if (this.state.kind === 'loading' || this.state.kind === 'closed') return;
    send(encodeSyncStep1(this.materialize()));
  }

  /**
   * A session's document update: applied and judged once; refused (the session is told, the
   * document rebuilt if touched) or stored as sent and relayed as `frame` once stored.
   */
  submit(update: Uint8Array, frame: Uint8Array, from: S): void {
    if (this.holdWhileRepairing(() => this.submit(update, frame, from))) return;
    if (this.state.kind === 'loading' || this.state.kind === 'closed') return;
    const verdict = applyAndJudge(this.materialize(), update, from, {
      kind: this.opts.kind,
      mayChangeLocks: this.opts.mayChangeLocks?.(from) ?? false,
      ...(this.opts.validateRecord ? { validateRecord: this.opts.validateRecord } : {}),
    });
    switch (verdict.kind) {
      case 'refused':
        this.opts.hooks.refused(from, verdict.reason);
        if (verdict.touchedDocument) this.startRepair();
        return;
      case 'accepted':
        if (!verdict.changed) return;
        this.noteChanged();
        if (verdict.locked.length > 0 && verdict.stateBefore) this.storeWithoutLocked(verdict.locked, verdict.stateBefore, from);
        else this.queue.enqueue({ kind: 'store', update, frame, from });
        if (verdict.touched.length > 0) this.repairStructure(verdict.touched, verdict.authorClaims, from);
        return;
      default:
        return exhaustive(verdict);
    }
  }

  /**
   * An update that changed locked records (SPEC D7): the server puts them back at once, and what
   * is stored and relayed — to the sender too — is the update and the restore as one, taken from
   * the document: the locked edit's content is already collected, so none of it is kept or seen.
   * The session stays open (its provider would re-send a refused update on every reconnect).
   */
  private storeWithoutLocked(locked: readonly LockedChange[], stateBefore: Map<number, number>, from: S): void {
    const update = restoreLocked(this.doc, locked, SERVER, stateBefore);
    this.opts.metrics.lockRestores++;
    this.opts.logger.info({ boardId: this.opts.boardId, records: locked.length }, 'restored locked records an edit-role session changed');
    this.queue.enqueue({ kind: 'store', update, frame: encodeSyncUpdate(update, 'update'), from: undefined });
    const ids = locked.map((l) => (l.root === 'records' ? l.key : (lockedRecordOf(l.key) ?? l.key)));
    this.opts.hooks.lockedRestored?.(from, [...new Set(ids)]);
  }

  /** After an accepted update: mend what it broke together with another (orphans, cycles, dangling bindings). */
  private repairStructure(touched: readonly string[], claims: readonly AuthorClaim[], from: S): void {
    const repairs = touched.length > 0 ? findStructureRepairs(this.doc, touched) : [];
    const authorFixes = claims.length > 0 ? findAuthorFixes(claims, this.opts.authorOf?.(from)) : [];
    if (repairs.length === 0 && authorFixes.length === 0) return;
    const update = applyStructureRepairs(this.doc, repairs, SERVER, authorFixes);
    if (!update) return;
    if (repairs.length > 0) this.opts.metrics.structureRepairs++;
    if (authorFixes.length > 0) this.opts.metrics.authorFixes++;
    this.opts.logger.info({ boardId: this.opts.boardId, repairs: repairs.length, authorFixes: authorFixes.length }, 'the server mended what an update left (structure, note authors)');
    this.noteChanged();
    this.queue.enqueue({ kind: 'store', update, frame: encodeSyncUpdate(update, 'update'), from: undefined });
  }

  /**
   * A change of the server's own (a feature's, e.g. the facilitator's lock from the dashboard):
   * `edit` runs in one transaction on the document; what it changed is stored and relayed like
   * any update. Resolves once it is stored; false when it changed nothing.
   */
  serverEdit(edit: (doc: Y.Doc) => void): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const run = (): void => {
        if (this.holdWhileRepairing(run)) return;
        if (this.state.kind === 'loading' || this.state.kind === 'closed') return reject(new StorageUnavailableError('the board is not open'));
        const update = applyServerEdit(this.materialize(), edit, SERVER);
        if (!update) return resolve(false);
        this.noteChanged();
        this.queue.enqueue({ kind: 'store', update, frame: encodeSyncUpdate(update, 'update'), from: undefined });
        this.queue.flush().then(() => resolve(true), reject);
      };
      run();
    });
  }

  /** Apply an update another instance stored; relay it to local sessions in order with ours (SPEC R9). */
  applyRemote(update: Uint8Array): void {
    const s = this.state;
    switch (s.kind) {
      case 'loading':
      case 'repairing':
        s.remote.push(update);
        return;
      case 'closed':
        return;
      case 'stored':
      case 'live':
        break;
      default:
        return exhaustive(s);
    }
    let changed: boolean;
    try {
      changed = applyTrusted(this.materialize(), update, REMOTE);
    } catch (err) {
      this.opts.logger.error({ boardId: this.opts.boardId, err: (err as Error).message }, 'a relayed update failed to apply');
      return;
    }
    if (!changed) return;
    this.noteChanged();
    const frame = encodeSyncUpdate(update, 'update');
    this.queue.afterQueued(() => this.opts.hooks.broadcast(frame, undefined));
  }

  /** Bring the document up to what storage holds (after a gap in cross-instance relay). */
  async catchUp(): Promise<void> {
    if (this.state.kind !== 'live' && this.state.kind !== 'stored') return;
    const stored = await this.opts.store.loadDocument(this.opts.boardId);
    if (this.state.kind !== 'live' && this.state.kind !== 'stored') return;
    const doc = this.materialize();
    const before = Y.encodeStateVector(doc);
    let changed = false;
    try {
      changed = applyTrusted(doc, storedParts(stored), REMOTE);
    } catch (err) {
      this.opts.logger.error({ boardId: this.opts.boardId, err: (err as Error).message }, 'catching up from storage failed');
    }
    if (!changed) return;
    this.noteChanged();
    const frame = encodeSyncUpdate(Y.encodeStateAsUpdate(doc, before), 'update');
    this.queue.afterQueued(() => this.opts.hooks.broadcast(frame, undefined));
  }

  /**
   * The document once everything applied so far is stored, for readers (records, exports).
   * Rejects with `StorageUnavailableError` at once while storage is failing, instead of
   * waiting for it to come back.
   */
  async current(): Promise<Y.Doc> {
    await this.queue.settled();
    if (this.state.kind === 'closed') throw new StorageUnavailableError('the board was closed');
    return this.materialize();
  }

  /** Wait until everything queued so far is stored and sent. */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  /** An update is stored: publish it to other instances, relay it, count it. */
  private afterStored(task: StoreTask<S>, seq: number): void {
    this.lastStoredSeq = Math.max(this.lastStoredSeq, seq);
    this.opts.metrics.storedUpdates++;
    this.opts.hooks.afterStore?.(task.update, seq);
    this.opts.hooks.broadcast(task.frame, task.from);
    this.compaction.stored();
  }

  private noteChanged(): void {
    this.version++;
    this.lastChangeAt = this.opts.clock.now();
  }

  private startRepair(): void {
    if (this.state.kind === 'repairing') return;
    this.state = { kind: 'repairing', held: [], remote: [] };
    this.opts.metrics.repairs++;
    this.queue.enqueue({ kind: 'repair' });
  }

  /** Rebuild the document from storage after a refused update touched it, then do the held work. */
  private async repair(): Promise<void> {
    let stored: StoredDocument;
    try {
      stored = await this.opts.store.loadDocument(this.opts.boardId);
    } catch (err) {
      this.opts.logger.error({ boardId: this.opts.boardId, err: (err as Error).message }, 'could not reload the document after a refused update; closing the board');
      this.state = { kind: 'closed' };
      this.opts.hooks.abandoned();
      return;
    }
    const s = this.state;
    if (s.kind !== 'repairing') return;
    const doc = newDocument(this.opts.kind);
    applyTrusted(doc, storedParts(stored), LOAD);
    // The server keeps its client id across rebuilds: everything it wrote (repairs) was stored
    // before this rebuild ran, so the stored state carries on from its last clock, and the
    // document does not collect a new client for every refused update.
    doc.clientID = this.doc.clientID;
    this.doc.destroy();
    this.doc = doc;
    this.lastStoredSeq = stored.lastSeq;
    this.compaction.loaded(stored.updates.length);
    this.version++;
    this.state = { kind: 'live' };
    this.opts.logger.info({ boardId: this.opts.boardId }, 'document rebuilt from storage after a refused update');
    for (const u of s.remote) this.applyRemote(u);
    for (const work of s.held) work();
  }

  /**
   * Fold the stored updates into one snapshot (SPEC S3). In the queue, so every update applied
   * before it is stored; an unbuilt document is folded from its stored parts without building it.
   */
  private async compact(): Promise<void> {
    const s = this.state;
    if (s.kind === 'repairing' || s.kind === 'loading' || s.kind === 'closed' || this.queue.failing) return;
    const covered = this.compaction.pending;
    if (covered === 0) return;
    const upto = this.lastStoredSeq;
    const snapshot = s.kind === 'stored' ? storedAsUpdate(s.stored) : Y.encodeStateAsUpdate(this.doc);
    try {
      await this.opts.store.compact(this.opts.boardId, snapshot, upto);
      this.compaction.compacted(covered);
      this.opts.metrics.compactions++;
      await this.opts.store.touchBoard(this.opts.boardId, new Date(this.opts.clock.now()));
    } catch (err) {
      this.opts.logger.error({ boardId: this.opts.boardId, err: (err as Error).message }, 'compaction failed; updates stay as they are');
    }
  }

  /**
   * Store what is queued and a final snapshot, within `deadlineMs`. At the deadline (storage
   * down) retries stop and what could not be stored is logged; the document is released.
   */
  async close(deadlineMs: number): Promise<{ unstored: number }> {
    this.compaction.stop();
    const started = this.opts.clock.now();
    const finished = await this.queue.finishWithin(deadlineMs);
    if (finished.done) {
      // The final snapshot, in what is left of the deadline.
      const left = Math.max(0, deadlineMs - (this.opts.clock.now() - started));
      this.queue.enqueue({ kind: 'compact' });
      await this.queue.finishWithin(left);
    } else {
      this.opts.logger.error({ boardId: this.opts.boardId, unstored: finished.unstored, bytes: finished.bytes }, 'shutting down with updates that could not be stored');
    }
    this.state = { kind: 'closed' };
    this.doc.destroy();
    return { unstored: finished.unstored };
  }
}

function exhaustive(value: never): never {
  throw new Error(`unhandled ${JSON.stringify(value)}`);
}
