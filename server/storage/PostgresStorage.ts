import pg from 'pg';
import * as Y from 'yjs';
import type { Capability, MeetingDetails, RecordConsent } from '../../shared/protocol/index.ts';
import { PG_MIGRATIONS } from './pgMigrations.ts';
import { PostgresPrivacy } from './PostgresPrivacy.ts';
import { aad, PLAIN_CIPHER, type DataCipher } from './DataCipher.ts';
import type { DocKind } from '../../shared/doc/index.ts';
import type { Attendee, ResealProgress, AuditRow, ErasedBoard, NewAuditRow, PersonalLinkRow, BoardRow, FacilitatorNotesRow, LinkGenerations, MeetingRecordMeta, MeetingRecordRow, MemberRow, NewBoard, Storage, StorageHealth, StoredDocument, WorkshopRow } from './Storage.ts';

/** Options of the PostgreSQL store. */
export interface PostgresStorageOptions {
  connectionString: string;
  /** Pool size; each instance keeps its own pool. */
  max?: number;
  /** How long a query waits for a connection before failing as unavailable (default 5000 ms). */
  connectionTimeoutMs?: number;
  /** Seals document updates, snapshots and record states (DATA_KEY_FILE); default stores them plain. */
  cipher?: DataCipher;
}

/** A lock key for migrations, so that instances starting together migrate once. */
const MIGRATION_LOCK = 7_242_001;

interface RecordPgRow {
  id: string;
  board_id: string;
  title: string;
  note: string;
  created_at: Date;
  state?: Buffer;
  sha256: string;
  participants: Attendee[];
  attendees: Attendee[];
  consent: RecordConsent | null;
  meeting: MeetingDetails | null;
}

/**
 * The scale-out store. Several relay instances share it: appends are plain commits, and
 * compaction folds in exactly the rows it read, merged with the stored snapshot, under a
 * row lock — so two instances compacting the same board lose and double nothing (SPEC S3).
 */
export class PostgresStorage implements Storage {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  /** The audit log, personal links and erasure (issue 17). */
  private readonly privacy: PostgresPrivacy;
  /** Encryption at rest (issue 17); PLAIN_CIPHER without DATA_KEY_FILE. */
  readonly cipher: DataCipher;

  private constructor(pool: pg.Pool, cipher: DataCipher) {
    this.pool = pool;
    this.cipher = cipher;
    this.privacy = new PostgresPrivacy({ pool, tx: (work) => this.tx(work), cipher });
  }

  /** Connect and apply pending migrations. */
  static async open(opts: PostgresStorageOptions): Promise<PostgresStorage> {
    // Without a connection time-out a request during an outage would wait for minutes.
    const pool = new pg.Pool({ connectionString: opts.connectionString, max: opts.max ?? 10, connectionTimeoutMillis: opts.connectionTimeoutMs ?? 5000 });
    // An idle client's error (e.g. the server restarted) must not crash the process.
    pool.on('error', () => undefined);
    const storage = new PostgresStorage(pool, opts.cipher ?? PLAIN_CIPHER);
    await storage.migrate();
    return storage;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const m of PG_MIGRATIONS) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
  }

  async createBoard(board: NewBoard, initialState: Uint8Array): Promise<void> {
    await this.tx((c) => insertBoard(c, board, initialState, this.cipher));
  }

  async createWorkshop(input: Parameters<Storage['createWorkshop']>[0]): Promise<void> {
    await this.tx(async (c) => {
      await insertBoard(c, input.state.board, input.state.initialState, this.cipher);
      const w = input.workshop;
      await c.query('INSERT INTO workshops (id, title, template, join_code, join_open, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [w.id, w.title, w.template, w.joinCode, w.joinOpen !== false, w.createdAt]);
      for (const g of input.groups) {
        await insertBoard(c, g.board, g.initialState, this.cipher);
        await c.query('INSERT INTO workshop_groups (workshop_id, idx, name, board_id) VALUES ($1, $2, $3, $4)', [w.id, g.index, g.name, g.board.id]);
      }
    });
  }

  async getWorkshop(id: string): Promise<WorkshopRow | undefined> {
    return this.withGroups((await this.pool.query<WorkshopPgRow>('SELECT * FROM workshops WHERE id = $1', [id])).rows[0]);
  }

  async getWorkshopByCode(joinCode: string): Promise<WorkshopRow | undefined> {
    return this.withGroups((await this.pool.query<WorkshopPgRow>('SELECT * FROM workshops WHERE join_code = $1', [joinCode])).rows[0]);
  }

  private async withGroups(row: WorkshopPgRow | undefined): Promise<WorkshopRow | undefined> {
    if (!row) return undefined;
    const { rows } = await this.pool.query<{ idx: number; name: string; board_id: string }>('SELECT idx, name, board_id FROM workshop_groups WHERE workshop_id = $1 ORDER BY idx', [row.id]);
    return { id: row.id, title: row.title, template: row.template, joinCode: row.join_code, joinOpen: row.join_open, createdAt: row.created_at, groups: rows.map((g) => ({ index: g.idx, name: g.name, boardId: g.board_id })) };
  }

  async addMember(member: MemberRow, privateBoard: { board: NewBoard; initialState: Uint8Array }): Promise<void> {
    await this.tx(async (c) => {
      await insertBoard(c, privateBoard.board, privateBoard.initialState, this.cipher);
      const m = member;
      await c.query(
        'INSERT INTO workshop_members (token_hash, workshop_id, board_id, private_board_id, name, role, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [m.tokenHash, m.workshopId, m.boardId, m.privateBoardId, m.name, m.role, m.createdAt],
      );
    });
  }

  async getMember(tokenHash: Buffer): Promise<MemberRow | undefined> {
    const { rows } = await this.pool.query<MemberPgRow>('SELECT * FROM workshop_members WHERE token_hash = $1', [tokenHash]);
    return rows[0] && toMemberRow(rows[0]);
  }

  async setJoinOpen(workshopId: string, open: boolean): Promise<boolean> {
    return ((await this.pool.query('UPDATE workshops SET join_open = $1 WHERE id = $2', [open, workshopId])).rowCount ?? 0) > 0;
  }

  async listMembers(workshopId: string): Promise<MemberRow[]> {
    const { rows } = await this.pool.query<MemberPgRow>('SELECT * FROM workshop_members WHERE workshop_id = $1 ORDER BY created_at, token_hash', [workshopId]);
    return rows.map(toMemberRow);
  }

  async removeMember(tokenHash: Buffer): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM workshop_members WHERE token_hash = $1', [tokenHash])).rowCount ?? 0) > 0;
  }

  async getBoard(id: string): Promise<BoardRow | undefined> {
    const { rows } = await this.pool.query<{ id: string; title: string; template: string; created_at: Date; updated_at: Date; owner_hash: Buffer; edit_hash: Buffer; view_hash: Buffer; kind: DocKind; workshop_id: string | null; edit_gen: number | null; view_gen: number | null; training: boolean }>(
      'SELECT * FROM boards WHERE id = $1',
      [id],
    );
    const r = rows[0];
    if (!r) return undefined;
    return { id: r.id, title: this.cipher.openText(r.title, aad.title(r.id)), template: r.template, createdAt: r.created_at, updatedAt: r.updated_at, tokenHashes: { owner: r.owner_hash, edit: r.edit_hash, view: r.view_hash }, kind: r.kind, workshopId: r.workshop_id, linkGenerations: { edit: r.edit_gen, view: r.view_gen }, training: r.training };
  }

  async setTokenHashes(id: string, hashes: Partial<Record<Capability, Buffer>>, generations: Partial<LinkGenerations> = {}): Promise<void> {
    const entries: [string, Buffer | number | null][] = [
      ...(Object.entries(hashes) as [Capability, Buffer][]).map(([cap, h]): [string, Buffer] => [`${cap}_hash`, h]),
      ...Object.entries(generations).map(([role, g]): [string, number | null] => [`${role}_gen`, g ?? null]),
    ];
    if (entries.length === 0) return;
    // Column names come from the closed Capability union, never from the network.
    const sets = entries.map(([col], i) => `${col} = $${i + 2}`).join(', ');
    await this.pool.query(`UPDATE boards SET ${sets} WHERE id = $1`, [id, ...entries.map(([, v]) => v)]);
  }

  async setTraining(id: string, training: boolean): Promise<void> {
    await this.pool.query('UPDATE boards SET training = $2 WHERE id = $1', [id, training]);
  }

  async touchBoard(id: string, at: Date): Promise<void> {
    await this.pool.query('UPDATE boards SET updated_at = GREATEST(updated_at, $2) WHERE id = $1', [id, at]);
  }

  async getFacilitatorNotes(boardId: string): Promise<FacilitatorNotesRow | undefined> {
    const { rows } = await this.pool.query<{ body: string; updated_at: Date }>('SELECT body, updated_at FROM facilitator_notes WHERE board_id = $1', [boardId]);
    const row = rows[0];
    return row ? { body: row.body, updatedAt: row.updated_at } : undefined;
  }

  async setFacilitatorNotes(boardId: string, body: string, at: Date): Promise<void> {
    await this.pool.query(
      'INSERT INTO facilitator_notes (board_id, body, updated_at) VALUES ($1, $2, $3) ON CONFLICT (board_id) DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at',
      [boardId, body, at],
    );
  }

  async loadDocument(boardId: string): Promise<StoredDocument> {
    // Every remaining row, not only those above the snapshot's mark: a row that committed
    // late with a lower seq was not folded into the snapshot and must still be read.
    // One snapshot of the database for both reads: a compaction committing between them
    // would otherwise hide the rows it folded into a snapshot this load did not see.
    const c = await this.pool.connect();
    let snap: pg.QueryResult<{ data: Buffer; upto_seq: string }>;
    let upd: pg.QueryResult<{ seq: string; data: Buffer }>;
    try {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      snap = await c.query('SELECT data, upto_seq FROM doc_snapshots WHERE board_id = $1', [boardId]);
      upd = await c.query('SELECT seq, data FROM doc_updates WHERE board_id = $1 ORDER BY seq', [boardId]);
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
    const s = snap.rows[0];
    const last = upd.rows.at(-1);
    return {
      snapshot: s ? new Uint8Array(this.cipher.open(s.data, aad.snapshot(boardId))) : undefined,
      updates: upd.rows.map((r) => new Uint8Array(this.cipher.open(r.data, aad.update(boardId)))),
      lastSeq: Math.max(last ? Number(last.seq) : 0, s ? Number(s.upto_seq) : 0),
    };
  }

  async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    const { rows } = await this.pool.query<{ seq: string }>('INSERT INTO doc_updates (board_id, data) VALUES ($1, $2) RETURNING seq', [
      boardId,
      this.cipher.seal(update, aad.update(boardId)),
    ]);
    return Number(rows[0]?.seq);
  }

  async compact(boardId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    await this.tx(async (c) => {
      // The board's row first, as a deletion takes it (FOR UPDATE) before the rows that hang on
      // it: locked in the same order, a compaction racing a deletion waits for it instead of
      // deadlocking (it held the snapshot row the deletion's cascade needed). A board deleted
      // meanwhile has nothing left to compact.
      const board = await c.query('SELECT 1 FROM boards WHERE id = $1 FOR KEY SHARE', [boardId]);
      if (board.rowCount === 0) return;
      const snap = await c.query<{ data: Buffer; upto_seq: string }>('SELECT data, upto_seq FROM doc_snapshots WHERE board_id = $1 FOR UPDATE', [boardId]);
      const rows = await c.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM doc_updates WHERE board_id = $1 AND seq <= $2 ORDER BY seq', [boardId, uptoSeq]);
      // The union of what is stored and what the caller holds: another instance may have
      // written rows, or compacted, that this caller has not seen.
      const parts = [...(snap.rows[0] ? [this.cipher.open(snap.rows[0].data, aad.snapshot(boardId))] : []), ...rows.rows.map((r) => this.cipher.open(r.data, aad.update(boardId))), snapshot];
      const doc = new Y.Doc();
      try {
        for (const p of parts) Y.applyUpdate(doc, p);
        const merged = Y.encodeStateAsUpdate(doc);
        const mark = Math.max(uptoSeq, snap.rows[0] ? Number(snap.rows[0].upto_seq) : 0);
        await c.query(
          `INSERT INTO doc_snapshots (board_id, data, upto_seq) VALUES ($1, $2, $3)
           ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq`,
          [boardId, this.cipher.seal(merged, aad.snapshot(boardId)), mark],
        );
        if (rows.rows.length > 0) await c.query('DELETE FROM doc_updates WHERE seq = ANY($1::bigint[])', [rows.rows.map((r) => r.seq)]);
      } finally {
        doc.destroy();
      }
    });
  }

  async countUpdates(boardId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM doc_updates WHERE board_id = $1', [boardId]);
    return Number(rows[0]?.n ?? 0);
  }

  async createRecord(record: MeetingRecordRow): Promise<void> {
    await this.pool.query(
      `INSERT INTO meeting_records (id, board_id, title, note, created_at, state, sha256, participants, attendees, consent, meeting) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [
        record.id,
        record.boardId,
        this.sealRecordText(record, 'title', record.title),
        this.sealRecordText(record, 'note', record.note),
        record.createdAt,
        this.cipher.seal(record.state, aad.record(record.boardId, record.id)),
        record.sha256,
        this.sealRecordJson(record, 'participants', record.participants),
        this.sealRecordJson(record, 'attendees', record.attendees),
        record.consent ? this.sealRecordJson(record, 'consent', record.consent) : null,
        record.meeting ? this.sealRecordJson(record, 'meeting', record.meeting) : null,
      ],
    );
  }

  async listRecords(boardId: string): Promise<MeetingRecordMeta[]> {
    const { rows } = await this.pool.query<RecordPgRow>(
      `SELECT id, board_id, title, note, created_at, sha256, participants, attendees, consent, meeting FROM meeting_records WHERE board_id = $1 ORDER BY created_at DESC, id DESC`,
      [boardId],
    );
    return rows.map((r) => toRecordMeta(this.openRecordTexts(r)));
  }

  private sealRecordText(record: { boardId: string; id: string }, field: string, text: string): string {
    return this.cipher.sealText(text, aad.recordText(record.boardId, record.id, field));
  }

  /** A JSONB value: the JSON itself, or when sealing, the sealed JSON text as a JSON string. */
  private sealRecordJson(record: { boardId: string; id: string }, field: string, value: unknown): string {
    const json = JSON.stringify(value);
    return this.cipher.enabled ? JSON.stringify(this.sealRecordText(record, field, json)) : json;
  }

  /** A record row with its sealed texts opened (a sealed JSONB value arrives as a string). */
  private openRecordTexts(r: RecordPgRow): RecordPgRow {
    const open = (field: string, v: string) => this.cipher.openText(v, aad.recordText(r.board_id, r.id, field));
    // A JSONB value is parsed by pg; a sealed one is a JSON string holding the sealed JSON text.
    const json = <T>(field: string, v: T | string): T => (typeof v === 'string' ? (JSON.parse(open(field, v)) as T) : v);
    return {
      ...r,
      title: open('title', r.title),
      note: open('note', r.note),
      participants: json('participants', r.participants),
      attendees: json('attendees', r.attendees),
      consent: r.consent === null ? null : json('consent', r.consent),
      meeting: r.meeting === null ? null : json('meeting', r.meeting),
    };
  }

  async getRecord(boardId: string, recordId: string): Promise<MeetingRecordRow | undefined> {
    const { rows } = await this.pool.query<RecordPgRow>('SELECT * FROM meeting_records WHERE board_id = $1 AND id = $2', [boardId, recordId]);
    const r = rows[0];
    if (!r?.state) return undefined;
    return { ...toRecordMeta(this.openRecordTexts(r)), state: new Uint8Array(this.cipher.open(r.state, aad.record(boardId, recordId))) };
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

  eraseBoard(boardId: string, opts: { keepRecords: boolean }): Promise<ErasedBoard | undefined> {
    return this.privacy.eraseBoard(boardId, opts);
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

  resealAll(): Promise<ResealProgress> {
    return this.privacy.resealAll();
  }

  async health(): Promise<StorageHealth> {
    try {
      await this.pool.query('SELECT 1');
      return { ok: true };
    } catch (err) {
      return { ok: false, detail: (err as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async tx<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await work(c);
      await c.query('COMMIT');
      return out;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }
}

interface MemberPgRow {
  token_hash: Buffer;
  workshop_id: string;
  board_id: string;
  private_board_id: string;
  name: string;
  role: string;
  created_at: Date;
}

function toMemberRow(m: MemberPgRow): MemberRow {
  return { tokenHash: m.token_hash, workshopId: m.workshop_id, boardId: m.board_id, privateBoardId: m.private_board_id, name: m.name, role: m.role, createdAt: m.created_at };
}

interface WorkshopPgRow {
  id: string;
  title: string;
  template: string;
  join_code: string;
  join_open: boolean;
  created_at: Date;
}

async function insertBoard(c: pg.PoolClient, board: NewBoard, initialState: Uint8Array, cipher: DataCipher): Promise<void> {
  await c.query(
    `INSERT INTO boards (id, title, template, created_at, updated_at, owner_hash, edit_hash, view_hash, kind, workshop_id, edit_gen, view_gen, training) VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [board.id, cipher.sealText(board.title, aad.title(board.id)), board.template, board.createdAt, board.tokenHashes.owner, board.tokenHashes.edit, board.tokenHashes.view, board.kind ?? 'board', board.workshopId ?? null, board.linkGenerations?.edit ?? null, board.linkGenerations?.view ?? null, board.training ?? false],
  );
  await c.query('INSERT INTO doc_snapshots (board_id, data, upto_seq) VALUES ($1, $2, 0)', [board.id, cipher.seal(initialState, aad.snapshot(board.id))]);
}

function toRecordMeta(r: RecordPgRow): MeetingRecordMeta {
  return { id: r.id, boardId: r.board_id, title: r.title, note: r.note, createdAt: r.created_at, sha256: r.sha256, participants: r.participants, attendees: r.attendees, consent: r.consent ?? null, meeting: r.meeting ?? null };
}
