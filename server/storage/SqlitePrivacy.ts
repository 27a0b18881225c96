import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { chainHash, GENESIS_HASH } from '../audit/chain.ts';
import { StorageUnavailableError, type AuditRow, type ErasedBoard, type NewAuditRow, type PersonalLinkRow, type ResealProgress } from './Storage.ts';
import { aad, type DataCipher } from './DataCipher.ts';
import { setImmediate as yieldTurn } from 'node:timers/promises';

interface AuditDbRow {
  board_id: string;
  seq: number;
  at: number;
  event: string;
  detail: string;
  prev_hash: Buffer;
  hash: Buffer;
}

/** A record's sealed values, as keys:rotate reads them. */
interface SealedRecordRow {
  id: string;
  board_id: string;
  state: Buffer;
  title: string;
  note: string;
  participants: string;
  attendees: string;
  consent: string | null;
}

interface LinkDbRow {
  id: string;
  board_id: string;
  token_hash: Buffer;
  name: string;
  role: 'edit' | 'view';
  note: string;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
  last_used_at: number | null;
}

/** Bits of an update's id that hold its seq (as in SqliteStorage). */
const SEQ_BITS = 40;

/** What the privacy tables need from the SQLite store they belong to. */
export interface SqlitePrivacyDeps {
  db: Database.Database;
  /** Run a write with the store's lock handling. */
  write: <T>(fn: () => T) => Promise<T>;
  /** A board was erased: forget what is cached about it. */
  erased: (boardId: string) => void;
  cipher: DataCipher;
  /** The database file (':memory:' for tests), for the compacting thread's own connection. */
  file: string;
}

/** Rows re-sealed per transaction by keys:rotate. */
const RESEAL_BATCH = 200;

/**
 * The audit log, personal links and erasure on SQLite (issue 17), apart from SqliteStorage so
 * each file stays readable. Synchronous like the rest of the store: an audit append reads the
 * last hash and inserts in one transaction, and one process writes, so the chain never forks.
 */
export class SqlitePrivacy {
  private readonly db: Database.Database;
  private readonly write: SqlitePrivacyDeps['write'];
  private readonly erased: SqlitePrivacyDeps['erased'];
  private readonly cipher: DataCipher;
  private readonly file: string;
  private readonly stmts;

  constructor(deps: SqlitePrivacyDeps) {
    this.db = deps.db;
    this.write = deps.write;
    this.erased = deps.erased;
    this.cipher = deps.cipher;
    this.file = deps.file;
    const db = this.db;
    this.stmts = {
      lastAudit: db.prepare<[string], { seq: number; hash: Buffer }>('SELECT seq, hash FROM audit_log WHERE board_id = ? ORDER BY seq DESC LIMIT 1'),
      insertAudit: db.prepare('INSERT INTO audit_log (board_id, seq, at, event, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      listAudit: db.prepare<[string, number], AuditDbRow>('SELECT * FROM audit_log WHERE board_id = ? ORDER BY seq DESC LIMIT ?'),
      chain: db.prepare<[string], AuditDbRow>('SELECT * FROM audit_log WHERE board_id = ? ORDER BY seq'),
      auditBoards: db.prepare<[], { board_id: string }>('SELECT DISTINCT board_id FROM audit_log ORDER BY board_id'),
      insertLink: db.prepare(
        'INSERT INTO personal_links (id, board_id, token_hash, name, role, note, created_at, expires_at, revoked_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      listLinks: db.prepare<[string], LinkDbRow>('SELECT * FROM personal_links WHERE board_id = ? ORDER BY created_at, rowid'),
      linkByHash: db.prepare<[Buffer], LinkDbRow>('SELECT * FROM personal_links WHERE token_hash = ?'),
      linkById: db.prepare<[string, string], LinkDbRow>('SELECT * FROM personal_links WHERE board_id = ? AND id = ?'),
      revokeLink: db.prepare<[number, string, string]>('UPDATE personal_links SET revoked_at = coalesce(revoked_at, ?) WHERE board_id = ? AND id = ?'),
      touchLink: db.prepare<[number, string]>('UPDATE personal_links SET last_used_at = max(coalesce(last_used_at, 0), ?) WHERE id = ?'),
      stream: db.prepare<[string], { num: number }>('SELECT num FROM doc_streams WHERE board_id = ?'),
      boardKind: db.prepare<[string], { kind: string }>('SELECT kind FROM boards WHERE id = ?'),
      groupBoards: db.prepare<[string], { id: string }>('SELECT board_id AS id FROM workshop_groups WHERE workshop_id = ? ORDER BY idx'),
      privateBoards: db.prepare<[string], { id: string }>('SELECT private_board_id AS id FROM workshop_members WHERE workshop_id = ?'),
      deleteMembers: db.prepare<[string]>('DELETE FROM workshop_members WHERE workshop_id = ?'),
      deleteGroups: db.prepare<[string]>('DELETE FROM workshop_groups WHERE workshop_id = ?'),
      deleteWorkshop: db.prepare<[string]>('DELETE FROM workshops WHERE id = ?'),
      permit: db.prepare<[string]>('INSERT OR IGNORE INTO record_permits (board_id) VALUES (?)'),
      unpermit: db.prepare<[string]>('DELETE FROM record_permits WHERE board_id = ?'),
      deleteRecordsOf: db.prepare<[string]>('DELETE FROM meeting_records WHERE board_id = ?'),
      deleteRecord: db.prepare<[string, string]>('DELETE FROM meeting_records WHERE board_id = ? AND id = ?'),
      deleteUpdates: db.prepare<[number, number]>(`DELETE FROM doc_update_log WHERE id > (? << ${SEQ_BITS}) AND id < ((? + 1) << ${SEQ_BITS})`),
      deleteSnapshot: db.prepare<[string]>('DELETE FROM doc_snapshots WHERE board_id = ?'),
      deleteStream: db.prepare<[string]>('DELETE FROM doc_streams WHERE board_id = ?'),
      deleteLinks: db.prepare<[string]>('DELETE FROM personal_links WHERE board_id = ?'),
      deleteBoard: db.prepare<[string]>('DELETE FROM boards WHERE id = ?'),
      // Ordinary boards, and whole workshops whose every document (state, groups, private areas) is that old.
      untouched: db.prepare<{ cutoff: number }, { id: string; updated_at: number }>(
        `SELECT id, updated_at FROM boards WHERE kind = 'board' AND workshop_id IS NULL AND updated_at <= @cutoff
         UNION ALL
         SELECT w.id, MAX(b.updated_at) AS updated_at FROM boards w JOIN boards b ON b.id = w.id OR b.workshop_id = w.id
         WHERE w.kind = 'workshop' GROUP BY w.id HAVING MAX(b.updated_at) <= @cutoff
         ORDER BY updated_at`,
      ),
      updatesFrom: db.prepare<[number, number], { id: number; data: Buffer; board_id: string }>(
        `SELECT u.id AS id, u.data AS data, s.board_id AS board_id FROM doc_update_log u JOIN doc_streams s ON s.num = (u.id >> ${SEQ_BITS})
         WHERE u.id > ? ORDER BY u.id LIMIT ?`,
      ),
      resealUpdate: db.prepare<[Buffer, number]>('UPDATE doc_update_log SET data = ? WHERE id = ?'),
      snapshotsFrom: db.prepare<[string, number], { board_id: string; data: Buffer }>('SELECT board_id, data FROM doc_snapshots WHERE board_id > ? ORDER BY board_id LIMIT ?'),
      // Only if no compaction replaced it meanwhile.
      resealSnapshot: db.prepare<[Buffer, string, Buffer]>('UPDATE doc_snapshots SET data = ? WHERE board_id = ? AND data = ?'),
      recordsFrom: db.prepare<[string, number], SealedRecordRow>(
        'SELECT id, board_id, state, title, note, participants, attendees, consent FROM meeting_records WHERE id > ? ORDER BY id LIMIT ?',
      ),
      resealRecord: db.prepare<[Buffer, string, string, string, string, string | null, string]>(
        'UPDATE meeting_records SET state = ?, title = ?, note = ?, participants = ?, attendees = ?, consent = ? WHERE id = ?',
      ),
      titlesFrom: db.prepare<[string, number], { id: string; title: string }>('SELECT id, title FROM boards WHERE id > ? ORDER BY id LIMIT ?'),
      resealTitle: db.prepare<[string, string, string]>('UPDATE boards SET title = ? WHERE id = ? AND title = ?'),
      linksFrom: db.prepare<[string, number], { id: string; name: string; note: string }>('SELECT id, name, note FROM personal_links WHERE id > ? ORDER BY id LIMIT ?'),
      resealLink: db.prepare<[string, string, string]>('UPDATE personal_links SET name = ?, note = ? WHERE id = ?'),
      recordsBefore: db.prepare<[number], { id: string; board_id: string; created_at: number }>(
        'SELECT id, board_id, created_at FROM meeting_records WHERE created_at <= ? ORDER BY created_at, rowid',
      ),
    };
  }

  async appendAudit(row: NewAuditRow): Promise<AuditRow> {
    return this.write(() =>
      this.db.transaction((): AuditRow => {
        const last = this.stmts.lastAudit.get(row.boardId);
        const seq = (last?.seq ?? 0) + 1;
        const prevHash = last?.hash ?? GENESIS_HASH;
        const atMs = row.at.getTime();
        const hash = chainHash(prevHash, { boardId: row.boardId, seq, atMs, event: row.event, detail: row.detail });
        this.stmts.insertAudit.run(row.boardId, seq, atMs, row.event, row.detail, prevHash, hash);
        return { ...row, seq, prevHash, hash };
      })(),
    );
  }

  async listAudit(boardId: string, limit: number): Promise<AuditRow[]> {
    return this.stmts.listAudit.all(boardId, limit).map(toAuditRow);
  }

  async auditBoardIds(): Promise<string[]> {
    return this.stmts.auditBoards.all().map((r) => r.board_id);
  }

  async readAuditChain(boardId: string): Promise<AuditRow[]> {
    return this.stmts.chain.all(boardId).map(toAuditRow);
  }

  async createPersonalLink(l: PersonalLinkRow): Promise<void> {
    await this.write(() =>
      this.stmts.insertLink.run(l.id, l.boardId, l.tokenHash, this.cipher.sealText(l.name, aad.linkText(l.id, 'name')), l.role, this.cipher.sealText(l.note, aad.linkText(l.id, 'note')), l.createdAt.getTime(), ms(l.expiresAt), ms(l.revokedAt), ms(l.lastUsedAt)),
    );
  }

  async listPersonalLinks(boardId: string): Promise<PersonalLinkRow[]> {
    return this.stmts.listLinks.all(boardId).map((r) => this.link(r));
  }

  async getPersonalLinkByHash(tokenHash: Buffer): Promise<PersonalLinkRow | undefined> {
    const row = this.stmts.linkByHash.get(tokenHash);
    return row && this.link(row);
  }

  async revokePersonalLink(boardId: string, linkId: string, at: Date): Promise<PersonalLinkRow | undefined> {
    return this.write(() => {
      this.stmts.revokeLink.run(at.getTime(), boardId, linkId);
      const row = this.stmts.linkById.get(boardId, linkId);
      return row && this.link(row);
    });
  }

  async touchPersonalLink(linkId: string, at: Date): Promise<void> {
    await this.write(() => this.stmts.touchLink.run(at.getTime(), linkId));
  }

  async eraseBoard(boardId: string, opts: { keepRecords: boolean }): Promise<ErasedBoard | undefined> {
    const erased = await this.write(() => {
      // Kept records still reference their board (meeting_records → boards): its row can go only
      // with foreign keys off, which SQLite allows outside a transaction; on this one connection
      // nothing else runs meanwhile (the driver is synchronous).
      if (opts.keepRecords) this.db.pragma('foreign_keys = OFF');
      try {
        return this.eraseTransaction(boardId, opts.keepRecords);
      } finally {
        if (opts.keepRecords) this.db.pragma('foreign_keys = ON');
      }
    });
    if (erased) {
      for (const id of erased.boards) this.erased(id);
      await this.compactFile();
    }
    return erased;
  }

  /** The deletion's transaction: a board's rows, or a workshop's whole. */
  private eraseTransaction(boardId: string, keepRecords: boolean): ErasedBoard | undefined {
    const opts = { keepRecords };
    return this.db.transaction((): ErasedBoard | undefined => {
      const board = this.stmts.boardKind.get(boardId);
      if (!board) return undefined;
      // A workshop goes whole: its state document, group boards and members' private areas.
      const ids =
        board.kind === 'workshop'
          ? [boardId, ...this.stmts.groupBoards.all(boardId).map((r) => r.id), ...this.stmts.privateBoards.all(boardId).map((r) => r.id)]
          : [boardId];
      if (board.kind === 'workshop') {
        this.stmts.deleteMembers.run(boardId);
        this.stmts.deleteGroups.run(boardId);
        this.stmts.deleteWorkshop.run(boardId);
      }
      let records = 0;
      for (const id of ids) records += this.eraseRows(id, opts.keepRecords);
      // With foreign keys off, ON DELETE CASCADE did not run: remove what still points at a
      // removed board, in whatever table refers to boards (records kept on purpose aside).
      if (opts.keepRecords) {
        for (const v of this.db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[]) {
          if (v.parent === 'boards' && v.table !== 'meeting_records' && v.rowid !== null) this.db.prepare(`DELETE FROM "${v.table.replace(/"/g, '""')}" WHERE rowid = ?`).run(v.rowid);
        }
      }
      return { records, boards: ids };
    })();
  }

  /** Remove one board's rows (inside the caller's transaction); how many records went. */
  private eraseRows(boardId: string, keepRecords: boolean): number {
    let records = 0;
    if (!keepRecords) {
      // The records' delete trigger lets a delete through only while this permit exists.
      this.stmts.permit.run(boardId);
      records = this.stmts.deleteRecordsOf.run(boardId).changes;
      this.stmts.unpermit.run(boardId);
    }
    const stream = this.stmts.stream.get(boardId);
    if (stream) this.stmts.deleteUpdates.run(stream.num, stream.num);
    this.stmts.deleteSnapshot.run(boardId);
    this.stmts.deleteStream.run(boardId);
    this.stmts.deleteLinks.run(boardId);
    this.stmts.deleteBoard.run(boardId);
    return records;
  }

  async boardsUntouchedSince(cutoff: Date): Promise<{ id: string; updatedAt: Date }[]> {
    return this.stmts.untouched.all({ cutoff: cutoff.getTime() }).map((r) => ({ id: r.id, updatedAt: new Date(r.updated_at) }));
  }

  async recordsCreatedBefore(cutoff: Date): Promise<{ id: string; boardId: string; createdAt: Date }[]> {
    return this.stmts.recordsBefore.all(cutoff.getTime()).map((r) => ({ id: r.id, boardId: r.board_id, createdAt: new Date(r.created_at) }));
  }

  async eraseRecords(records: readonly { id: string; boardId: string }[]): Promise<number> {
    if (records.length === 0) return 0;
    const n = await this.write(() =>
      this.db.transaction(() => {
        let count = 0;
        for (const r of records) {
          this.stmts.permit.run(r.boardId);
          count += this.stmts.deleteRecord.run(r.boardId, r.id).changes;
          this.stmts.unpermit.run(r.boardId);
        }
        return count;
      })(),
    );
    await this.compactFile();
    return n;
  }

  async resealAll(): Promise<ResealProgress> {
    const done: ResealProgress = { updates: 0, snapshots: 0, records: 0, texts: 0 };
    const current = this.cipher.currentKeyId;
    const stale = (v: Buffer) => this.cipher.keyIdOf(v) !== current;
    for (let after = 0; ; ) {
      const rows = this.stmts.updatesFrom.all(after, RESEAL_BATCH);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      done.updates += await this.write(() =>
        this.db.transaction(() => {
          let n = 0;
          for (const r of rows.filter((r) => stale(r.data))) {
            n += this.stmts.resealUpdate.run(this.cipher.seal(this.cipher.open(r.data, aad.update(r.board_id)), aad.update(r.board_id)), r.id).changes;
          }
          return n;
        })(),
      );
      await yieldTurn();
    }
    for (let after = ''; ; ) {
      const rows = this.stmts.snapshotsFrom.all(after, RESEAL_BATCH / 10);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.board_id;
      done.snapshots += await this.write(() =>
        this.db.transaction(() => {
          let n = 0;
          for (const r of rows.filter((r) => stale(r.data))) {
            const a = aad.snapshot(r.board_id);
            n += this.stmts.resealSnapshot.run(this.cipher.seal(this.cipher.open(r.data, a), a), r.board_id, r.data).changes;
          }
          return n;
        })(),
      );
      await yieldTurn();
    }
    const staleText = (v: string | null) => v !== null && this.cipher.keyIdOfText(v) !== current;
    const reText = (v: string, a: string) => this.cipher.sealText(this.cipher.openText(v, a), a);
    for (let after = ''; ; ) {
      const rows = this.stmts.recordsFrom.all(after, RESEAL_BATCH / 10);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      done.records += await this.write(() =>
        this.db.transaction(() => {
          let n = 0;
          for (const r of rows.filter((r) => stale(r.state) || [r.title, r.note, r.participants, r.attendees, r.consent].some(staleText))) {
            const t = (field: string, v: string) => reText(v, aad.recordText(r.board_id, r.id, field));
            const a = aad.record(r.board_id, r.id);
            // The records' update trigger lets sealed values change under a permit (never id, time or sha-256).
            this.stmts.permit.run(r.board_id);
            n += this.stmts.resealRecord.run(
              this.cipher.seal(this.cipher.open(r.state, a), a),
              t('title', r.title),
              t('note', r.note),
              t('participants', r.participants),
              t('attendees', r.attendees),
              r.consent === null ? null : t('consent', r.consent),
              r.id,
            ).changes;
            this.stmts.unpermit.run(r.board_id);
          }
          return n;
        })(),
      );
      await yieldTurn();
    }
    for (let after = ''; ; ) {
      const rows = this.stmts.titlesFrom.all(after, RESEAL_BATCH);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      done.texts += await this.write(() =>
        this.db.transaction(() => rows.filter((r) => staleText(r.title)).reduce((n, r) => n + this.stmts.resealTitle.run(reText(r.title, aad.title(r.id)), r.id, r.title).changes, 0))(),
      );
      await yieldTurn();
    }
    for (let after = ''; ; ) {
      const rows = this.stmts.linksFrom.all(after, RESEAL_BATCH);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      done.texts += await this.write(() =>
        this.db
          .transaction(() =>
            rows
              .filter((r) => staleText(r.name) || staleText(r.note))
              .reduce((n, r) => n + this.stmts.resealLink.run(reText(r.name, aad.linkText(r.id, 'name')), reText(r.note, aad.linkText(r.id, 'note')), r.id).changes, 0),
          )(),
      );
      await yieldTurn();
    }
    return done;
  }

  /**
   * Rewrite the file without the freed pages (VACUUM; deleted rows otherwise linger in free
   * pages, also those freed by earlier compactions), then copy the WAL back and truncate it to
   * zero bytes, so neither file holds the removed content. On a file this runs on a worker
   * thread with its own connection: the event loop stays free (VACUUM of a 23 MB file takes
   * about 0.3 s, bench:privacy) while appends wait for its lock, asynchronously (S8).
   */
  private async compactFile(): Promise<void> {
    if (this.file === ':memory:') {
      this.db.exec('VACUUM');
      return;
    }
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(VACUUM_SOURCE, { eval: true, workerData: { driver, file: this.file, busyMs: VACUUM_BUSY_MS } });
    const outcome = await new Promise<{ ok: boolean; message?: string }>((resolve) => {
      worker.once('message', (m: { ok: boolean; message?: string }) => resolve(m));
      worker.once('error', (err) => resolve({ ok: false, message: err.message }));
      worker.once('exit', (code) => resolve({ ok: false, message: `the compacting thread exited (${code})` }));
    });
    await worker.terminate();
    if (!outcome.ok) throw new StorageUnavailableError(`the freed space could not be compacted: ${outcome.message ?? ''}`);
  }

  /** A link row with its sealed name and note opened. */
  private link(r: Parameters<typeof toLinkRow>[0]): PersonalLinkRow {
    const row = toLinkRow(r);
    return { ...row, name: this.cipher.openText(row.name, aad.linkText(row.id, 'name')), note: this.cipher.openText(row.note, aad.linkText(row.id, 'note')) };
  }
}

/** How long the compacting thread waits for the database's lock (it may block: it is not the event loop). */
const VACUUM_BUSY_MS = 30_000;

/**
 * The compacting thread (CommonJS, run with eval): VACUUM, then wal_checkpoint(TRUNCATE) until
 * it is not busy, on its own connection; answers { ok } once done.
 *
 * The truncating checkpoint waits for readers through the busy handler, but another checkpoint
 * in progress makes it return busy at once: the storage's checkpointer thread copies the WAL
 * VACUUM has just filled with the whole database, which takes a while. So it tries again every
 * few milliseconds (this thread may block) until busyMs have passed; fifty tries in a row were
 * over in a moment and made a board's deletion answer 503 after the rows were gone.
 */
const VACUUM_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
try {
  const db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('busy_timeout = ' + workerData.busyMs);
  db.exec('VACUUM');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + workerData.busyMs;
  let busy = db.pragma('wal_checkpoint(TRUNCATE)')[0].busy;
  while (busy !== 0 && Date.now() < deadline) {
    Atomics.wait(pause, 0, 0, 5);
    busy = db.pragma('wal_checkpoint(TRUNCATE)')[0].busy;
  }
  db.close();
  parentPort.postMessage(busy === 0 ? { ok: true } : { ok: false, message: 'the WAL stayed busy' });
} catch (err) {
  parentPort.postMessage({ ok: false, message: err.message });
}
`;

function ms(d: Date | null): number | null {
  return d ? d.getTime() : null;
}

function toAuditRow(r: AuditDbRow): AuditRow {
  return { boardId: r.board_id, seq: r.seq, at: new Date(r.at), event: r.event, detail: r.detail, prevHash: r.prev_hash, hash: r.hash };
}

function toLinkRow(r: LinkDbRow): PersonalLinkRow {
  const d = (v: number | null) => (v === null ? null : new Date(v));
  return {
    id: r.id,
    boardId: r.board_id,
    tokenHash: r.token_hash,
    name: r.name,
    role: r.role,
    note: r.note,
    createdAt: new Date(r.created_at),
    expiresAt: d(r.expires_at),
    revokedAt: d(r.revoked_at),
    lastUsedAt: d(r.last_used_at),
  };
}
