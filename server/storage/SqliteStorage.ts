import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Capability } from '../../shared/protocol/index.ts';
import type { DocKind } from '../../shared/doc/index.ts';
import type { Attendee, BoardRow, MeetingRecordMeta, MeetingRecordRow, MemberRow, NewBoard, Storage, StorageHealth, StoredDocument, WorkshopRow } from './Storage.ts';
import { SQLITE_MIGRATIONS } from './sqliteMigrations.ts';

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
}

interface WorkshopDbRow {
  id: string;
  title: string;
  template: string;
  join_code: string;
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

/** Options of the embedded store. */
export interface SqliteStorageOptions {
  /** Directory holding `renkei.db`; created when missing. Use ':memory:' for tests only. */
  dataDir: string;
}

/**
 * The embedded default: better-sqlite3 in WAL mode. Calls run synchronously, so an
 * append has reached the WAL (and survives kill -9 of the process) when its promise is
 * created; `synchronous = NORMAL` trades only power-loss durability of the last commits.
 */
export class SqliteStorage implements Storage {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  private readonly stmts;

  constructor(options: SqliteStorageOptions) {
    const file = options.dataDir === ':memory:' ? ':memory:' : path.join(options.dataDir, 'renkei.db');
    if (file !== ':memory:') fs.mkdirSync(options.dataDir, { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.stmts = {
      insertBoard: this.db.prepare(
        `INSERT INTO boards (id, title, template, created_at, updated_at, owner_hash, edit_hash, view_hash, kind, workshop_id)
         VALUES (@id, @title, @template, @created_at, @created_at, @owner_hash, @edit_hash, @view_hash, @kind, @workshop_id)`,
      ),
      getBoard: this.db.prepare<[string], BoardDbRow>('SELECT * FROM boards WHERE id = ?'),
      touch: this.db.prepare('UPDATE boards SET updated_at = MAX(updated_at, ?) WHERE id = ?'),
      append: this.db.prepare('INSERT INTO doc_updates (board_id, data) VALUES (?, ?)'),
      snapshot: this.db.prepare<[string], { data: Buffer; upto_seq: number }>(
        'SELECT data, upto_seq FROM doc_snapshots WHERE board_id = ?',
      ),
      updatesAfter: this.db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE board_id = ? AND seq > ? ORDER BY seq',
      ),
      upsertSnapshot: this.db.prepare(
        `INSERT INTO doc_snapshots (board_id, data, upto_seq) VALUES (?, ?, ?)
         ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq
         WHERE excluded.upto_seq >= doc_snapshots.upto_seq`,
      ),
      deleteUpTo: this.db.prepare('DELETE FROM doc_updates WHERE board_id = ? AND seq <= ?'),
      insertRecord: this.db.prepare(
        `INSERT INTO meeting_records (id, board_id, title, note, created_at, state, sha256, participants, attendees)
         VALUES (@id, @board_id, @title, @note, @created_at, @state, @sha256, @participants, @attendees)`,
      ),
      listRecords: this.db.prepare<[string], RecordDbRow>(
        `SELECT id, board_id, title, note, created_at, sha256, participants, attendees FROM meeting_records
         WHERE board_id = ? ORDER BY created_at DESC, rowid DESC`,
      ),
      getRecord: this.db.prepare<[string, string], RecordDbRow>('SELECT * FROM meeting_records WHERE board_id = ? AND id = ?'),
      insertWorkshop: this.db.prepare('INSERT INTO workshops (id, title, template, join_code, created_at) VALUES (?, ?, ?, ?, ?)'),
      insertGroup: this.db.prepare('INSERT INTO workshop_groups (workshop_id, idx, name, board_id) VALUES (?, ?, ?, ?)'),
      getWorkshop: this.db.prepare<[string], WorkshopDbRow>('SELECT * FROM workshops WHERE id = ?'),
      getWorkshopByCode: this.db.prepare<[string], WorkshopDbRow>('SELECT * FROM workshops WHERE join_code = ?'),
      groupsOf: this.db.prepare<[string], { idx: number; name: string; board_id: string }>('SELECT idx, name, board_id FROM workshop_groups WHERE workshop_id = ? ORDER BY idx'),
      insertMember: this.db.prepare(
        'INSERT INTO workshop_members (token_hash, workshop_id, board_id, private_board_id, name, role, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      getMember: this.db.prepare<[Buffer], MemberDbRow>('SELECT * FROM workshop_members WHERE token_hash = ?'),
      countUpdates: this.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM doc_updates WHERE board_id = ?'),
    };
  }

  async createBoard(board: NewBoard, initialState: Uint8Array): Promise<void> {
    this.db.transaction(() => this.insertBoard(board, initialState))();
  }

  private insertBoard(board: NewBoard, initialState: Uint8Array): void {
    {
      this.stmts.insertBoard.run({
        kind: board.kind ?? 'board',
        workshop_id: board.workshopId ?? null,
        id: board.id,
        title: board.title,
        template: board.template,
        created_at: board.createdAt.getTime(),
        owner_hash: board.tokenHashes.owner,
        edit_hash: board.tokenHashes.edit,
        view_hash: board.tokenHashes.view,
      });
      this.stmts.upsertSnapshot.run(board.id, Buffer.from(initialState), 0);
    }
  }

  async createWorkshop(input: Parameters<Storage['createWorkshop']>[0]): Promise<void> {
    this.db.transaction(() => {
      this.insertBoard(input.state.board, input.state.initialState);
      const w = input.workshop;
      this.stmts.insertWorkshop.run(w.id, w.title, w.template, w.joinCode, w.createdAt.getTime());
      for (const g of input.groups) {
        this.insertBoard(g.board, g.initialState);
        this.stmts.insertGroup.run(w.id, g.index, g.name, g.board.id);
      }
    })();
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
    return { id: row.id, title: row.title, template: row.template, joinCode: row.join_code, createdAt: new Date(row.created_at), groups };
  }

  async addMember(member: MemberRow, privateBoard: { board: NewBoard; initialState: Uint8Array }): Promise<void> {
    this.db.transaction(() => {
      this.insertBoard(privateBoard.board, privateBoard.initialState);
      const m = member;
      this.stmts.insertMember.run(m.tokenHash, m.workshopId, m.boardId, m.privateBoardId, m.name, m.role, m.createdAt.getTime());
    })();
  }

  async getMember(tokenHash: Buffer): Promise<MemberRow | undefined> {
    const m = this.stmts.getMember.get(tokenHash);
    if (!m) return undefined;
    return { tokenHash: m.token_hash, workshopId: m.workshop_id, boardId: m.board_id, privateBoardId: m.private_board_id, name: m.name, role: m.role, createdAt: new Date(m.created_at) };
  }

  async getBoard(id: string): Promise<BoardRow | undefined> {
    const row = this.stmts.getBoard.get(id);
    return row && toBoardRow(row);
  }

  async setTokenHashes(id: string, hashes: Partial<Record<Capability, Buffer>>): Promise<void> {
    const sets = Object.entries(hashes).map(([cap]) => `${cap}_hash = @${cap}`);
    if (sets.length === 0) return;
    // Column names come from the closed Capability union, never from the network.
    this.db.prepare(`UPDATE boards SET ${sets.join(', ')} WHERE id = @id`).run({ id, ...hashes });
  }

  async touchBoard(id: string, at: Date): Promise<void> {
    this.stmts.touch.run(at.getTime(), id);
  }

  async loadDocument(boardId: string): Promise<StoredDocument> {
    return this.db.transaction(() => {
      const snap = this.stmts.snapshot.get(boardId);
      const after = snap?.upto_seq ?? 0;
      const rows = this.stmts.updatesAfter.all(boardId, after);
      const last = rows.at(-1);
      return {
        snapshot: snap ? new Uint8Array(snap.data) : undefined,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastSeq: last ? last.seq : after,
      };
    })();
  }

  async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    const info = this.stmts.append.run(boardId, Buffer.from(update.buffer, update.byteOffset, update.byteLength));
    return Number(info.lastInsertRowid);
  }

  async compact(boardId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.stmts.upsertSnapshot.run(boardId, Buffer.from(snapshot), uptoSeq);
      this.stmts.deleteUpTo.run(boardId, uptoSeq);
    })();
  }

  async countUpdates(boardId: string): Promise<number> {
    return this.stmts.countUpdates.get(boardId)?.n ?? 0;
  }

  async createRecord(record: MeetingRecordRow): Promise<void> {
    this.stmts.insertRecord.run({
      id: record.id,
      board_id: record.boardId,
      title: record.title,
      note: record.note,
      created_at: record.createdAt.getTime(),
      state: Buffer.from(record.state),
      sha256: record.sha256,
      participants: JSON.stringify(record.participants),
      attendees: JSON.stringify(record.attendees),
    });
  }

  async listRecords(boardId: string): Promise<MeetingRecordMeta[]> {
    return this.stmts.listRecords.all(boardId).map(toRecordMeta);
  }

  async getRecord(boardId: string, recordId: string): Promise<MeetingRecordRow | undefined> {
    const row = this.stmts.getRecord.get(boardId, recordId);
    if (!row?.state) return undefined;
    return { ...toRecordMeta(row), state: new Uint8Array(row.state) };
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
  };
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
