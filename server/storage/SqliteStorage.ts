import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Capability, MeetingDetails, RecordConsent } from '../../shared/protocol/index.ts';
import type { DocKind } from '../../shared/doc/index.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { StorageUnavailableError, type Attendee, type BoardRow, type FacilitatorNotesRow, type LinkGenerations, type MeetingRecordMeta, type MeetingRecordRow, type MemberRow, type NewBoard, type Storage, type StorageHealth, type StoredDocument, type WorkshopRow, type AuditRow, type ErasedBoard, type NewAuditRow, type PersonalLinkRow, type ResealProgress } from './Storage.ts';
import { SQLITE_MIGRATIONS } from './sqliteMigrations.ts';
import { SqlitePrivacy } from './SqlitePrivacy.ts';
import { aad, PLAIN_CIPHER, type DataCipher } from './DataCipher.ts';
import { JournalBrokenError, UpdateJournal, type JournalEntry } from './UpdateJournal.ts';

interface RecordDbRow {
  id: string;
  board_id: string;
  title: string;
  note: string;
  created_at: number;
  state?: Buffer;
  sha256: string;
  participants: string;
  attendees: string;
  consent: string | null;
  meeting: string | null;
}

interface BoardDbRow {
  id: string;
  title: string;
  template: string;
  created_at: number;
  updated_at: number;
  owner_hash: Buffer;
  edit_hash: Buffer;
  view_hash: Buffer;
  kind: DocKind;
  workshop_id: string | null;
  edit_gen: number | null;
  view_gen: number | null;
  training: number;
}

interface WorkshopDbRow {
  id: string;
  title: string;
  template: string;
  join_code: string;
  join_open: number;
  created_at: number;
}

interface MemberDbRow {
  token_hash: Buffer;
  workshop_id: string;
  board_id: string;
  private_board_id: string;
  name: string;
  role: string;
  created_at: number;
}

/** Bits of an update's id (rowid) that hold its seq; the bits above hold the board's stream number. */
const SEQ_BITS = 40;
/** The largest seq a board can reach (2^40 − 1), also the mask of the seq bits. */
const MAX_SEQ = 2 ** SEQ_BITS - 1;
/** The largest stream number whose ids fit in a signed 64-bit rowid (2^23 − 1: boards ever created). */
const MAX_STREAM = 2 ** (63 - SEQ_BITS) - 1;

/** Appends between two checkpoints by the checkpointer thread (a few hundred WAL pages). */
const CHECKPOINT_EVERY_APPENDS = 250;
/** The main connection's own auto-checkpoint while the checkpointer runs: a safety net only (pages). */
const MAIN_AUTOCHECKPOINT_PAGES = 20_000;

/**
 * The checkpointer thread (CommonJS, run with `eval`): its own connection copies the WAL into
 * the database (`wal_checkpoint(PASSIVE)`, which never blocks the writer) each time it is
 * asked, and answers 'done'; on 'close' it closes its connection and ends.
 */
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
parentPort.on('message', (msg) => {
  if (msg === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or failing: the next request tries again, the main connection's auto-checkpoint is the net.
  }
  parentPort.postMessage('done');
});
`;

/** Options of the embedded store. */
export interface SqliteStorageOptions {
  /** Directory holding `renkei.db`; created when missing. Use ':memory:' for tests only. */
  dataDir: string;
  /**
   * Run WAL checkpoints on a worker thread (default true). false leaves them to SQLite,
   * inside the commit that fills the WAL past 1000 pages (for benchmarks).
   */
  checkpointInWorker?: boolean;
  /**
   * How long a write waits, asynchronously, while another process holds the database's write
   * lock before it fails with `StorageUnavailableError` (default 5000 ms). The driver is
   * synchronous, so SQLite's own `busy_timeout` would block the event loop: it is 0.
   */
  busyWaitMs?: number;
  /** Seals document updates, snapshots and record states (DATA_KEY_FILE); default stores them plain. */
  cipher?: DataCipher;
  /**
   * Take document updates through the update journal (`UpdateJournal`, default true on a file).
   * false appends each update to the database directly; tools that open the data directory
   * beside a running server pass false, so they never touch the server's journal.
   */
  updateJournal?: boolean;
}

/**
 * The journal is folded into the database this long after its first unfolded update at the
 * latest. Updates are clustered by board, so a batch writes about one page per board it
 * touches: a second of a 40-group course folds ~500 updates in ~40–80 pages instead of ~500
 * (bench/README.md, relay). A fold of 1,024 updates holds the event loop a few ms.
 */
const FOLD_AFTER_MS = 1000;
/** …or as soon as it holds this many. */
const FOLD_ROWS = 1024;
/** While folding fails (the database locked or failing), appends stop at this many waiting. */
const MAX_UNFOLDED = 20_000;
/** Errors of the journal file that say the disk cannot take it now. */
const FILE_UNAVAILABLE = /^(ENOSPC|EIO|EROFS|EDQUOT|EACCES|EPERM|EBADF)$/;

/** Codes SQLite answers while another connection holds a lock: wait and try again. */
const BUSY = /^SQLITE_(BUSY|LOCKED)/;
/** Codes that say the database cannot be written now (disk full, I/O error, read-only …). */
const UNAVAILABLE = /^SQLITE_(IOERR|FULL|CANTOPEN|READONLY|CORRUPT|NOTADB|PROTOCOL)/;

/**
 * The embedded default: better-sqlite3 in WAL mode. Calls run synchronously, so an
 * append has reached the update journal (and survives kill -9 of the process) when its
 * promise is created; the journal is folded into the database in batches (`UpdateJournal`,
 * SPEC S1). `synchronous = NORMAL` and the journal's plain `write` trade only power-loss
 * durability of the last changes.
 *
 * Single writer: one process (one instance) writes to a data directory at a time; scale-out
 * needs PostgreSQL. Each board's last seq is kept in memory (read once, on the board's first
 * append), so a second instance appending to the same board could hand out a seq already
 * used or already covered by a snapshot. Other instances may read (tools, tests).
 *
 * Updates live in one rowid b-tree clustered by board (migration 4): the id of an update is
 * (the board's stream number << 40) | seq, so an append changes one leaf page (plus those of
 * a split when it is full), with no index, sequence or foreign key to maintain, and a
 * compaction deletes one key range.
 */
export class SqliteStorage implements Storage {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  private readonly stmts;
  /**
   * Per board that appended: its stream number and the last seq handed out (the next append
   * gets one more). Read on the board's first append as the greater of its last stored
   * update and its snapshot's upto_seq, so a seq is never reused, also after a compaction
   * deleted every update or a restart; dropped when an append fails, so it is read again.
   */
  private readonly tips = new Map<string, { num: number; last: number }>();
  private readonly file: string;
  /**
   * WAL checkpoints run on a worker thread with its own connection, so their page copies and
   * fsyncs (several ms) do not stall the event loop inside a commit. Started on the first
   * request; `checkpointerOff` once closed or failed (SQLite then checkpoints in commits
   * again), and from the start for ':memory:' or `checkpointInWorker: false`.
   */
  private checkpointer: Worker | undefined;
  private readonly busyWaitMs: number;
  /** Encryption at rest (issue 17); PLAIN_CIPHER without DATA_KEY_FILE. */
  readonly cipher: DataCipher;
  private checkpointerOff: boolean;
  private checkpointPending = false;
  private appendsSinceCheckpoint = 0;
  /** The audit log, personal links and erasure (issue 17). */
  private readonly privacy: SqlitePrivacy;
  /** The update journal, while updates go through it (see `UpdateJournal`). */
  private journal: UpdateJournal | undefined;
  /** Updates in the journal and not yet in the database, in append order. */
  private unfolded: JournalEntry[] = [];
  private foldTimer: NodeJS.Timeout | undefined;
  /** Pause before the next try of a fold that failed (ms), growing while it keeps failing. */
  private foldRetryMs = FOLD_AFTER_MS;

  constructor(options: SqliteStorageOptions) {
    const file = options.dataDir === ':memory:' ? ':memory:' : path.join(options.dataDir, 'renkei.db');
    this.file = file;
    this.checkpointerOff = file === ':memory:' || options.checkpointInWorker === false;
    if (file !== ':memory:') fs.mkdirSync(options.dataDir, { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    // Never wait inside the driver (it would block the event loop): `write` waits asynchronously.
    this.db.pragma('busy_timeout = 0');
    this.busyWaitMs = options.busyWaitMs ?? 5000;
    this.cipher = options.cipher ?? PLAIN_CIPHER;
    migrate(this.db);
    this.privacy = new SqlitePrivacy({ db: this.db, write: (fn) => this.write(fn), erased: (id) => this.tips.delete(id), cipher: this.cipher, file });
    this.stmts = {
      insertBoard: this.db.prepare(
        `INSERT INTO boards (id, title, template, created_at, updated_at, owner_hash, edit_hash, view_hash, kind, workshop_id, edit_gen, view_gen, training)
         VALUES (@id, @title, @template, @created_at, @created_at, @owner_hash, @edit_hash, @view_hash, @kind, @workshop_id, @edit_gen, @view_gen, @training)`,
      ),
      getBoard: this.db.prepare<[string], BoardDbRow>('SELECT * FROM boards WHERE id = ?'),
      touch: this.db.prepare('UPDATE boards SET updated_at = MAX(updated_at, ?) WHERE id = ?'),
      insertStream: this.db.prepare('INSERT INTO doc_streams (board_id) VALUES (?)'),
      stream: this.db.prepare<[string], { num: number }>('SELECT num FROM doc_streams WHERE board_id = ?'),
      // [num, seq, data]. A plain INSERT: an id used twice fails, it never overwrites.
      append: this.db.prepare<[number, number, Buffer]>(`INSERT INTO doc_update_log (id, data) VALUES ((? << ${SEQ_BITS}) | ?, ?)`),
      tip: this.db.prepare<[string], { num: number; last: number }>(
        `SELECT s.num AS num, max(
           coalesce((SELECT upto_seq FROM doc_snapshots WHERE board_id = s.board_id), 0),
           coalesce((SELECT id & ${MAX_SEQ} FROM doc_update_log WHERE id > (s.num << ${SEQ_BITS}) AND id < ((s.num + 1) << ${SEQ_BITS})
                     ORDER BY id DESC LIMIT 1), 0)) AS last
         FROM doc_streams s WHERE s.board_id = ?`,
      ),
      snapshot: this.db.prepare<[string], { data: Buffer; upto_seq: number }>(
        'SELECT data, upto_seq FROM doc_snapshots WHERE board_id = ?',
      ),
      // [num, after, num]
      updatesAfter: this.db.prepare<[number, number, number], { seq: number; data: Buffer }>(
        `SELECT id & ${MAX_SEQ} AS seq, data FROM doc_update_log
         WHERE id > ((? << ${SEQ_BITS}) | ?) AND id < ((? + 1) << ${SEQ_BITS}) ORDER BY id`,
      ),
      upsertSnapshot: this.db.prepare(
        `INSERT INTO doc_snapshots (board_id, data, upto_seq) VALUES (?, ?, ?)
         ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq
         WHERE excluded.upto_seq >= doc_snapshots.upto_seq`,
      ),
      // [num, num, uptoSeq]
      deleteUpTo: this.db.prepare<[number, number, number]>(
        `DELETE FROM doc_update_log WHERE id > (? << ${SEQ_BITS}) AND id <= ((? << ${SEQ_BITS}) | ?)`,
      ),
      insertRecord: this.db.prepare(
        `INSERT INTO meeting_records (id, board_id, title, note, created_at, state, sha256, participants, attendees, consent, meeting)
         VALUES (@id, @board_id, @title, @note, @created_at, @state, @sha256, @participants, @attendees, @consent, @meeting)`,
      ),
      listRecords: this.db.prepare<[string], RecordDbRow>(
        `SELECT id, board_id, title, note, created_at, sha256, participants, attendees, consent, meeting FROM meeting_records
         WHERE board_id = ? ORDER BY created_at DESC, rowid DESC`,
      ),
      getRecord: this.db.prepare<[string, string], RecordDbRow>('SELECT * FROM meeting_records WHERE board_id = ? AND id = ?'),
      insertWorkshop: this.db.prepare('INSERT INTO workshops (id, title, template, join_code, join_open, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      insertGroup: this.db.prepare('INSERT INTO workshop_groups (workshop_id, idx, name, board_id) VALUES (?, ?, ?, ?)'),
      getWorkshop: this.db.prepare<[string], WorkshopDbRow>('SELECT * FROM workshops WHERE id = ?'),
      getWorkshopByCode: this.db.prepare<[string], WorkshopDbRow>('SELECT * FROM workshops WHERE join_code = ?'),
      groupsOf: this.db.prepare<[string], { idx: number; name: string; board_id: string }>('SELECT idx, name, board_id FROM workshop_groups WHERE workshop_id = ? ORDER BY idx'),
      insertMember: this.db.prepare(
        'INSERT INTO workshop_members (token_hash, workshop_id, board_id, private_board_id, name, role, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      getMember: this.db.prepare<[Buffer], MemberDbRow>('SELECT * FROM workshop_members WHERE token_hash = ?'),
      setJoinOpen: this.db.prepare<[number, string]>('UPDATE workshops SET join_open = ? WHERE id = ?'),
      listMembers: this.db.prepare<[string], MemberDbRow>('SELECT * FROM workshop_members WHERE workshop_id = ? ORDER BY created_at, rowid'),
      removeMember: this.db.prepare<[Buffer]>('DELETE FROM workshop_members WHERE token_hash = ?'),
      // [num, num]
      countUpdates: this.db.prepare<[number, number], { n: number }>(
        `SELECT COUNT(*) AS n FROM doc_update_log WHERE id > (? << ${SEQ_BITS}) AND id < ((? + 1) << ${SEQ_BITS})`,
      ),
      // [num, seq, data, num]. From the journal: an entry already folded (by a reader that
      // opened the directory, or before a crash emptied the file) is there already, and one of
      // a board erased meanwhile has no stream any more and is not written.
      fold: this.db.prepare<[number, number, Buffer, number]>(
        `INSERT OR IGNORE INTO doc_update_log (id, data)
         SELECT (? << ${SEQ_BITS}) | ?, ? WHERE EXISTS (SELECT 1 FROM doc_streams WHERE num = ?)`,
      ),
      // [num, seq]
      updateAt: this.db.prepare<[number, number], { data: Buffer }>(`SELECT data FROM doc_update_log WHERE id = (? << ${SEQ_BITS}) | ?`),
      // [num, num]
      lastOfStream: this.db.prepare<[number, number], { seq: number }>(
        `SELECT id & ${MAX_SEQ} AS seq FROM doc_update_log WHERE id > (? << ${SEQ_BITS}) AND id < ((? + 1) << ${SEQ_BITS}) ORDER BY id DESC LIMIT 1`,
      ),
    };
    if (file !== ':memory:' && options.updateJournal !== false) this.openJournal(path.join(options.dataDir, 'renkei.updates'));
  }

  /** Open the journal and fold what a stopped process left in it (SPEC S1). */
  private openJournal(file: string): void {
    const { journal, contents } = UpdateJournal.open(file);
    try {
      this.foldRows(contents.entries);
      // Whole entries are in the database now, and a torn tail is no update: start empty.
      journal.clear();
    } catch (err) {
      journal.close();
      throw err;
    }
    this.journal = journal;
  }

  /** Write journal entries to the database in one transaction. */
  private foldRows(rows: readonly JournalEntry[]): void {
    if (rows.length === 0) return;
    const moved = new Set<number>();
    this.db.transaction(() => {
      for (const r of rows) {
        if (this.stmts.fold.run(r.num, r.seq, r.data, r.num).changes > 0) continue;
        // Not written: folded before (the same bytes), or its board erased (no row). Different
        // bytes under its seq mean another writer took that seq (one writer per directory is
        // the rule, not a guarantee): the update is kept under the stream's next free seq.
        const there = this.stmts.updateAt.get(r.num, r.seq);
        if (!there || there.data.equals(r.data)) continue;
        const last = this.stmts.lastOfStream.get(r.num, r.num)?.seq ?? r.seq;
        this.stmts.append.run(r.num, last + 1, r.data);
        moved.add(r.num);
      }
    })();
    // Boards whose seqs moved read their tip again on their next append.
    if (moved.size > 0) for (const [boardId, tip] of this.tips) if (moved.has(tip.num)) this.tips.delete(boardId);
    this.appendsSinceCheckpoint += rows.length;
    if (this.appendsSinceCheckpoint >= CHECKPOINT_EVERY_APPENDS) this.requestCheckpoint();
  }

  /**
   * Bring the database up to every update appended: fold the journal's entries and empty it.
   * Runs (synchronously) before anything that reads or removes stored updates; throws what
   * SQLite throws (BUSY while another process holds the lock), the entries staying in the journal.
   */
  private fold(): void {
    if (!this.journal) return;
    clearTimeout(this.foldTimer);
    this.foldTimer = undefined;
    const rows = this.unfolded;
    this.foldRows(rows);
    this.unfolded = [];
    this.foldRetryMs = FOLD_AFTER_MS;
    this.journal.clear();
  }

  /** Fold on the timer or at the batch size; a failure leaves the entries for the next try. */
  private foldQuietly(): void {
    try {
      this.fold();
    } catch {
      // Locked or failing: the entries are safe in the journal. Try again later, less often;
      // appends fail with StorageUnavailableError once MAX_UNFOLDED wait.
      this.foldRetryMs = Math.min(this.foldRetryMs * 2, 1000);
      this.scheduleFold(this.foldRetryMs);
    }
  }

  private scheduleFold(ms: number): void {
    if (this.foldTimer) return;
    this.foldTimer = setTimeout(() => {
      this.foldTimer = undefined;
      this.foldQuietly();
    }, ms);
    this.foldTimer.unref();
  }

  /**
   * Run a write. The first attempt runs at once (synchronously, so an append has reached the
   * WAL when the promise is made); while another process holds the lock it is retried after a
   * growing pause, never blocking the event loop, up to `busyWaitMs`. A locked, full or failing
   * database rejects with `StorageUnavailableError`.
   */
  private async write<T>(fn: () => T): Promise<T> {
    let waited = 0;
    let pause = 2;
    for (;;) {
      try {
        return fn();
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (typeof code !== 'string') throw err;
        if (BUSY.test(code) && waited < this.busyWaitMs) {
          await sleep(pause);
          waited += pause;
          pause = Math.min(pause * 2, 100);
          continue;
        }
        if (BUSY.test(code)) throw new StorageUnavailableError(`the database is locked by another process (waited ${waited} ms)`, { cause: err });
        if (UNAVAILABLE.test(code)) throw new StorageUnavailableError(`the database cannot be written (${code})`, { cause: err });
        throw err;
      }
    }
  }

  async createBoard(board: NewBoard, initialState: Uint8Array): Promise<void> {
    return this.write(() => this.db.transaction(() => this.insertBoard(board, initialState))());
  }

  private insertBoard(board: NewBoard, initialState: Uint8Array): void {
    {
      this.stmts.insertBoard.run({
        kind: board.kind ?? 'board',
        workshop_id: board.workshopId ?? null,
        id: board.id,
        title: this.cipher.sealText(board.title, aad.title(board.id)),
        template: board.template,
        created_at: board.createdAt.getTime(),
        owner_hash: board.tokenHashes.owner,
        edit_hash: board.tokenHashes.edit,
        view_hash: board.tokenHashes.view,
        edit_gen: board.linkGenerations?.edit ?? null,
        view_gen: board.linkGenerations?.view ?? null,
        training: board.training ? 1 : 0,
      });
      this.stmts.upsertSnapshot.run(board.id, this.cipher.seal(initialState, aad.snapshot(board.id)), 0);
      const num = Number(this.stmts.insertStream.run(board.id).lastInsertRowid);
      if (num > MAX_STREAM) throw new RangeError('no update stream left for a new board');
    }
  }

  async createWorkshop(input: Parameters<Storage['createWorkshop']>[0]): Promise<void> {
    return this.write(() => this.db.transaction(() => {
      this.insertBoard(input.state.board, input.state.initialState);
      const w = input.workshop;
      this.stmts.insertWorkshop.run(w.id, w.title, w.template, w.joinCode, w.joinOpen === false ? 0 : 1, w.createdAt.getTime());
      for (const g of input.groups) {
        this.insertBoard(g.board, g.initialState);
        this.stmts.insertGroup.run(w.id, g.index, g.name, g.board.id);
      }
    })());
  }

  async getWorkshop(id: string): Promise<WorkshopRow | undefined> {
    return this.withGroups(this.stmts.getWorkshop.get(id));
  }

  async getWorkshopByCode(joinCode: string): Promise<WorkshopRow | undefined> {
    return this.withGroups(this.stmts.getWorkshopByCode.get(joinCode));
  }

  private withGroups(row: WorkshopDbRow | undefined): WorkshopRow | undefined {
    if (!row) return undefined;
    const groups = this.stmts.groupsOf.all(row.id).map((g) => ({ index: g.idx, name: g.name, boardId: g.board_id }));
    return { id: row.id, title: row.title, template: row.template, joinCode: row.join_code, joinOpen: row.join_open === 1, createdAt: new Date(row.created_at), groups };
  }

  async addMember(member: MemberRow, privateBoard: { board: NewBoard; initialState: Uint8Array }): Promise<void> {
    return this.write(() => this.db.transaction(() => {
      this.insertBoard(privateBoard.board, privateBoard.initialState);
      const m = member;
      this.stmts.insertMember.run(m.tokenHash, m.workshopId, m.boardId, m.privateBoardId, m.name, m.role, m.createdAt.getTime());
    })());
  }

  async getMember(tokenHash: Buffer): Promise<MemberRow | undefined> {
    const m = this.stmts.getMember.get(tokenHash);
    return m && toMemberRow(m);
  }

  async setJoinOpen(workshopId: string, open: boolean): Promise<boolean> {
    return this.write(() => this.stmts.setJoinOpen.run(open ? 1 : 0, workshopId).changes > 0);
  }

  async listMembers(workshopId: string): Promise<MemberRow[]> {
    return this.stmts.listMembers.all(workshopId).map(toMemberRow);
  }

  async removeMember(tokenHash: Buffer): Promise<boolean> {
    return this.write(() => this.stmts.removeMember.run(tokenHash).changes > 0);
  }

  async getBoard(id: string): Promise<BoardRow | undefined> {
    const row = this.stmts.getBoard.get(id);
    return row && toBoardRow({ ...row, title: this.cipher.openText(row.title, aad.title(row.id)) });
  }

  async setTokenHashes(id: string, hashes: Partial<Record<Capability, Buffer>>, generations: Partial<LinkGenerations> = {}): Promise<void> {
    const sets = [...Object.keys(hashes).map((cap) => `${cap}_hash = @${cap}`), ...Object.keys(generations).map((role) => `${role}_gen = @${role}_gen`)];
    if (sets.length === 0) return;
    const gens = Object.fromEntries(Object.entries(generations).map(([role, g]) => [`${role}_gen`, g]));
    // Column names come from the closed Capability union, never from the network.
    await this.write(() => this.db.prepare(`UPDATE boards SET ${sets.join(', ')} WHERE id = @id`).run({ id, ...hashes, ...gens }));
  }

  async setTraining(id: string, training: boolean): Promise<void> {
    await this.write(() => this.db.prepare('UPDATE boards SET training = ? WHERE id = ?').run(training ? 1 : 0, id));
  }

  async touchBoard(id: string, at: Date): Promise<void> {
    await this.write(() => this.stmts.touch.run(at.getTime(), id));
  }

  async getFacilitatorNotes(boardId: string): Promise<FacilitatorNotesRow | undefined> {
    const row = this.db.prepare<[string], { body: string; updated_at: number }>('SELECT body, updated_at FROM facilitator_notes WHERE board_id = ?').get(boardId);
    return row ? { body: row.body, updatedAt: new Date(row.updated_at) } : undefined;
  }

  async setFacilitatorNotes(boardId: string, body: string, at: Date): Promise<void> {
    await this.write(() =>
      this.db
        .prepare('INSERT INTO facilitator_notes (board_id, body, updated_at) VALUES (?, ?, ?) ON CONFLICT (board_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at')
        .run(boardId, body, at.getTime()),
    );
  }

  /** The board's stream number, or undefined for an unknown board. */
  private streamOf(boardId: string): number | undefined {
    return this.tips.get(boardId)?.num ?? this.stmts.stream.get(boardId)?.num;
  }

  async loadDocument(boardId: string): Promise<StoredDocument> {
    // The fold and the read in one synchronous step: nothing is appended between them.
    return this.write(() => (this.fold(), this.loadNow(boardId)));
  }

  private loadNow(boardId: string): StoredDocument {
    return this.db.transaction(() => {
      const snap = this.stmts.snapshot.get(boardId);
      const after = snap?.upto_seq ?? 0;
      const num = this.streamOf(boardId);
      const rows = num === undefined ? [] : this.stmts.updatesAfter.all(num, after, num);
      const last = rows.at(-1);
      return {
        snapshot: snap ? new Uint8Array(this.cipher.open(snap.data, aad.snapshot(boardId))) : undefined,
        updates: rows.map((r) => new Uint8Array(this.cipher.open(r.data, aad.update(boardId)))),
        lastSeq: last ? last.seq : after,
      };
    })();
  }

  async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    return this.write(() => this.appendNow(boardId, update));
  }

  /**
   * The append itself, synchronous: it is in the journal (or, without one, the WAL) when it
   * returns. `appendUpdate` runs it at once, so the relay's store-then-relay costs no extra turn.
   */
  appendNow(boardId: string, update: Uint8Array): number {
    const tip = this.tips.get(boardId) ?? this.readTip(boardId);
    const seq = tip.last + 1;
    if (seq > MAX_SEQ) throw new RangeError(`board ${boardId} has used all its update seqs`);
    const journal = this.journal;
    if (journal) {
      if (this.unfolded.length >= MAX_UNFOLDED) this.fold();
      const entry = { num: tip.num, seq, data: this.cipher.seal(update, aad.update(boardId)) };
      try {
        journal.append(entry);
      } catch (err) {
        if (err instanceof JournalBrokenError) this.abandonJournal();
        const code = (err as { code?: unknown }).code;
        if (typeof code === 'string' && FILE_UNAVAILABLE.test(code)) throw new StorageUnavailableError(`the update journal cannot be written (${code})`, { cause: err });
        throw err;
      }
      this.unfolded.push(entry);
      tip.last = seq;
      if (this.unfolded.length >= FOLD_ROWS) this.foldQuietly();
      else this.scheduleFold(FOLD_AFTER_MS);
      return seq;
    }
    try {
      this.stmts.append.run(tip.num, seq, this.cipher.seal(update, aad.update(boardId)));
    } catch (err) {
      // Nothing was stored: forget the tip so the next attempt reads it again.
      this.tips.delete(boardId);
      throw err;
    }
    tip.last = seq;
    if (++this.appendsSinceCheckpoint >= CHECKPOINT_EVERY_APPENDS) this.requestCheckpoint();
    return seq;
  }

  /**
   * Ask the checkpointer thread for a checkpoint, starting it on first use; one request at a
   * time. Never throws: the write before it has been stored.
   */
  private requestCheckpoint(): void {
    this.appendsSinceCheckpoint = 0;
    if (this.checkpointerOff || this.checkpointPending) return;
    try {
      const worker = this.checkpointer ?? this.startCheckpointer();
      this.checkpointPending = true;
      worker.postMessage('checkpoint');
    } catch {
      this.checkpointerFailed();
    }
  }

  private startCheckpointer(): Worker {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(CHECKPOINTER_SOURCE, { eval: true, workerData: { driver, file: this.file } });
    // Never keeps the process alive; an exit without close() leaves a WAL SQLite recovers.
    worker.unref();
    worker.on('message', () => {
      this.checkpointPending = false;
    });
    worker.on('error', () => this.checkpointerFailed());
    worker.on('exit', () => {
      if (!this.checkpointerOff) this.checkpointerFailed();
    });
    this.checkpointer = worker;
    this.db.pragma(`wal_autocheckpoint = ${MAIN_AUTOCHECKPOINT_PAGES}`);
    return worker;
  }

  /** Back to checkpoints inside commits, as SQLite does by default. */
  private checkpointerFailed(): void {
    this.checkpointerOff = true;
    this.checkpointer = undefined;
    if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
  }

  /**
   * Stop using a journal that cannot be trusted with more entries: fold what it holds (it stays
   * on disk for the next start if that fails) and append to the database directly from now on.
   */
  private abandonJournal(): void {
    const journal = this.journal;
    if (!journal) return;
    try {
      this.fold();
    } catch {
      // Its entries stay in the file, folded at the next start.
    }
    this.journal = undefined;
    if (this.unfolded.length > 0) {
      // Still to be folded from memory; the file keeps them too.
      const rows = this.unfolded;
      this.unfolded = [];
      try {
        this.foldRows(rows);
      } catch {
        // Left in the file for the next start.
      }
    }
    try {
      journal.close();
    } catch {
      // Nothing more to do with it.
    }
  }

  /** Read a board's stream and last seq (updates or snapshot) and keep them; throws for an unknown board. */
  private readTip(boardId: string): { num: number; last: number } {
    this.fold();
    const tip = this.stmts.tip.get(boardId);
    if (!tip) throw new Error(`unknown board ${boardId}`);
    this.tips.set(boardId, tip);
    return tip;
  }

  async compact(boardId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    if (!Number.isSafeInteger(uptoSeq) || uptoSeq < 0 || uptoSeq > MAX_SEQ) throw new RangeError(`bad uptoSeq ${uptoSeq}`);
    await this.write(() => (this.fold(), this.db.transaction(() => {
      this.stmts.upsertSnapshot.run(boardId, this.cipher.seal(snapshot, aad.snapshot(boardId)), uptoSeq);
      const num = this.streamOf(boardId);
      if (num !== undefined) this.stmts.deleteUpTo.run(num, num, uptoSeq);
    })()));
    // Callers compact up to a seq they were given, so this changes nothing; it keeps the
    // next seq above every snapshot's upto_seq even if one were ahead.
    const tip = this.tips.get(boardId);
    if (tip && uptoSeq > tip.last) tip.last = uptoSeq;
    // The snapshot may be many pages.
    this.requestCheckpoint();
  }

  async countUpdates(boardId: string): Promise<number> {
    return this.write(() => {
      this.fold();
      const num = this.streamOf(boardId);
      return num === undefined ? 0 : (this.stmts.countUpdates.get(num, num)?.n ?? 0);
    });
  }

  async createRecord(record: MeetingRecordRow): Promise<void> {
    await this.write(() => this.stmts.insertRecord.run({
      id: record.id,
      board_id: record.boardId,
      title: this.sealRecordText(record, 'title', record.title),
      note: this.sealRecordText(record, 'note', record.note),
      created_at: record.createdAt.getTime(),
      state: this.cipher.seal(record.state, aad.record(record.boardId, record.id)),
      sha256: record.sha256,
      participants: this.sealRecordText(record, 'participants', JSON.stringify(record.participants)),
      attendees: this.sealRecordText(record, 'attendees', JSON.stringify(record.attendees)),
      consent: record.consent ? this.sealRecordText(record, 'consent', JSON.stringify(record.consent)) : null,
      meeting: record.meeting ? this.sealRecordText(record, 'meeting', JSON.stringify(record.meeting)) : null,
    }));
  }

  async listRecords(boardId: string): Promise<MeetingRecordMeta[]> {
    return this.stmts.listRecords.all(boardId).map((r) => toRecordMeta(this.openRecordTexts(r)));
  }

  private sealRecordText(record: { boardId: string; id: string }, field: string, text: string): string {
    return this.cipher.sealText(text, aad.recordText(record.boardId, record.id, field));
  }

  /** A record row with its sealed texts opened. */
  private openRecordTexts(r: RecordDbRow): RecordDbRow {
    const open = (field: string, v: string) => this.cipher.openText(v, aad.recordText(r.board_id, r.id, field));
    return { ...r, title: open('title', r.title), note: open('note', r.note), participants: open('participants', r.participants), attendees: open('attendees', r.attendees), consent: r.consent === null ? null : open('consent', r.consent), meeting: r.meeting === null ? null : open('meeting', r.meeting) };
  }

  async getRecord(boardId: string, recordId: string): Promise<MeetingRecordRow | undefined> {
    const row = this.stmts.getRecord.get(boardId, recordId);
    if (!row?.state) return undefined;
    return { ...toRecordMeta(this.openRecordTexts(row)), state: new Uint8Array(this.cipher.open(row.state, aad.record(boardId, recordId))) };
  }

  appendAudit(row: NewAuditRow): Promise<AuditRow> {
    return this.privacy.appendAudit(row);
  }

  listAudit(boardId: string, limit: number): Promise<AuditRow[]> {
    return this.privacy.listAudit(boardId, limit);
  }

  auditBoardIds(): Promise<string[]> {
    return this.privacy.auditBoardIds();
  }

  readAuditChain(boardId: string): Promise<AuditRow[]> {
    return this.privacy.readAuditChain(boardId);
  }

  createPersonalLink(link: PersonalLinkRow): Promise<void> {
    return this.privacy.createPersonalLink(link);
  }

  listPersonalLinks(boardId: string): Promise<PersonalLinkRow[]> {
    return this.privacy.listPersonalLinks(boardId);
  }

  getPersonalLinkByHash(tokenHash: Buffer): Promise<PersonalLinkRow | undefined> {
    return this.privacy.getPersonalLinkByHash(tokenHash);
  }

  revokePersonalLink(boardId: string, linkId: string, at: Date): Promise<PersonalLinkRow | undefined> {
    return this.privacy.revokePersonalLink(boardId, linkId, at);
  }

  touchPersonalLink(linkId: string, at: Date): Promise<void> {
    return this.privacy.touchPersonalLink(linkId, at);
  }

  async eraseBoard(boardId: string, opts: { keepRecords: boolean }): Promise<ErasedBoard | undefined> {
    const erased = await this.privacy.eraseBoard(boardId, opts);
    // Updates of the board still in the journal are never written (their stream is gone, see
    // the fold statement); the file is emptied now, so none of its bytes outlive the deletion.
    if (erased) await this.write(() => this.fold());
    return erased;
  }

  boardsUntouchedSince(cutoff: Date): Promise<{ id: string; updatedAt: Date }[]> {
    return this.privacy.boardsUntouchedSince(cutoff);
  }

  recordsCreatedBefore(cutoff: Date): Promise<{ id: string; boardId: string; createdAt: Date }[]> {
    return this.privacy.recordsCreatedBefore(cutoff);
  }

  eraseRecords(records: readonly { id: string; boardId: string }[]): Promise<number> {
    return this.privacy.eraseRecords(records);
  }

  async resealAll(): Promise<ResealProgress> {
    await this.write(() => this.fold());
    return this.privacy.resealAll();
  }

  async health(): Promise<StorageHealth> {
    try {
      this.db.prepare('SELECT 1').get();
      return { ok: true };
    } catch (err) {
      return { ok: false, detail: (err as Error).message };
    }
  }

  async close(): Promise<void> {
    if (this.journal) {
      try {
        this.fold();
      } catch {
        // Locked or failing: the entries stay in the journal, folded at the next start.
      }
      clearTimeout(this.foldTimer);
      this.journal.close();
      this.journal = undefined;
    }
    const worker = this.checkpointer;
    this.checkpointer = undefined;
    this.checkpointerOff = true;
    if (worker) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      // Held until it has closed its connection, even if nothing else keeps the process up.
      worker.ref();
      worker.postMessage('close');
      await exited;
    }
    if (this.db.open) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
  }
}

function toRecordMeta(row: RecordDbRow): MeetingRecordMeta {
  return {
    id: row.id,
    boardId: row.board_id,
    title: row.title,
    note: row.note,
    createdAt: new Date(row.created_at),
    sha256: row.sha256,
    participants: JSON.parse(row.participants) as Attendee[],
    attendees: JSON.parse(row.attendees) as Attendee[],
    // Written by createRecord from a validated RecordConsent; a row is never updated.
    consent: row.consent ? (JSON.parse(row.consent) as RecordConsent) : null,
    // Written by createRecord from validated MeetingDetails; a row is never updated.
    meeting: row.meeting ? (JSON.parse(row.meeting) as MeetingDetails) : null,
  };
}

function toMemberRow(m: MemberDbRow): MemberRow {
  return { tokenHash: m.token_hash, workshopId: m.workshop_id, boardId: m.board_id, privateBoardId: m.private_board_id, name: m.name, role: m.role, createdAt: new Date(m.created_at) };
}

function toBoardRow(row: BoardDbRow): BoardRow {
  return {
    id: row.id,
    title: row.title,
    template: row.template,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    tokenHashes: { owner: row.owner_hash, edit: row.edit_hash, view: row.view_hash },
    kind: row.kind,
    workshopId: row.workshop_id,
    linkGenerations: { edit: row.edit_gen, view: row.view_gen },
    training: row.training === 1,
  };
}

/** Apply the numbered migrations not yet applied, each in its own transaction. */
function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const applied = new Set(db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all().map((r) => r.version));
  for (const m of SQLITE_MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
    })();
  }
}
