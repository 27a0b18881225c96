/** A numbered schema change; append-only, a shipped one is never edited. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The SQLite schema, in order. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'boards-and-documents',
    sql: `
      CREATE TABLE boards (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        template TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        owner_hash BLOB NOT NULL,
        edit_hash BLOB NOT NULL,
        view_hash BLOB NOT NULL
      );
      CREATE TABLE doc_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        data BLOB NOT NULL
      );
      CREATE INDEX doc_updates_board_seq ON doc_updates (board_id, seq);
      CREATE TABLE doc_snapshots (
        board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
        data BLOB NOT NULL,
        upto_seq INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'meeting-records',
    sql: `
      CREATE TABLE meeting_records (
        id TEXT PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards(id),
        title TEXT NOT NULL,
        note TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        state BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        participants TEXT NOT NULL,
        attendees TEXT NOT NULL
      );
      CREATE INDEX meeting_records_board ON meeting_records (board_id, created_at);
      -- A record is the meeting as it was: the database itself refuses to change or drop one.
      CREATE TRIGGER meeting_records_no_update BEFORE UPDATE ON meeting_records
      BEGIN SELECT RAISE(ABORT, 'meeting records are immutable'); END;
      CREATE TRIGGER meeting_records_no_delete BEFORE DELETE ON meeting_records
      BEGIN SELECT RAISE(ABORT, 'meeting records are immutable'); END;
    `,
  },
  {
    version: 3,
    name: 'workshops',
    sql: `
      ALTER TABLE boards ADD COLUMN kind TEXT NOT NULL DEFAULT 'board';
      ALTER TABLE boards ADD COLUMN workshop_id TEXT;
      CREATE TABLE workshops (
        id TEXT PRIMARY KEY REFERENCES boards(id),
        title TEXT NOT NULL,
        template TEXT NOT NULL,
        join_code TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE workshop_groups (
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        idx INTEGER NOT NULL,
        name TEXT NOT NULL,
        board_id TEXT NOT NULL REFERENCES boards(id),
        PRIMARY KEY (workshop_id, idx)
      );
      CREATE TABLE workshop_members (
        token_hash BLOB PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        board_id TEXT NOT NULL REFERENCES boards(id),
        private_board_id TEXT NOT NULL REFERENCES boards(id),
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `,
  },
  {
    // Appends changed 3 b-trees per commit (table leaf, index leaf, sqlite_sequence) plus a
    // foreign-key probe of boards. Now one rowid b-tree clustered by board: each board has a
    // stream number, and an update's id (rowid) is (stream << 40) | seq, its seq per board
    // (the old global seqs are kept: they are increasing per board, which is all a seq must
    // be). A rowid table keeps rows up to ~4 KB in the leaf (a WITHOUT ROWID table, being an
    // index b-tree, spills rows over ~1 KB to overflow pages), and compaction deletes a range.
    // No REFERENCES boards on the updates any more: nothing deletes a board (ON DELETE
    // CASCADE never fired), the relay writes only to a board it has looked up, and
    // SqliteStorage.appendUpdate refuses a board without a stream (doc_streams references
    // boards). SqliteStorage allocates seqs; it is the only writer.
    // doc_updates stays as a read-only view with the old columns, for ad-hoc queries and tools.
    version: 4,
    name: 'doc-updates-clustered-by-board',
    sql: `
      CREATE TABLE doc_streams (
        num INTEGER PRIMARY KEY,
        board_id TEXT NOT NULL UNIQUE REFERENCES boards(id)
      );
      INSERT INTO doc_streams (board_id) SELECT id FROM boards ORDER BY rowid;
      -- Old seqs come from one AUTOINCREMENT counter; one at 2^40 or above would not fit.
      CREATE TEMP TABLE doc_update_log_guard (too_big INTEGER CHECK (too_big = 0));
      INSERT INTO doc_update_log_guard SELECT count(*) FROM doc_updates WHERE seq >= (1 << 40);
      DROP TABLE doc_update_log_guard;
      CREATE TABLE doc_update_log (
        id INTEGER PRIMARY KEY,
        data BLOB NOT NULL
      );
      INSERT INTO doc_update_log (id, data)
        SELECT (s.num << 40) | u.seq, u.data FROM doc_updates u JOIN doc_streams s ON s.board_id = u.board_id
        ORDER BY 1;
      DROP INDEX doc_updates_board_seq;
      DROP TABLE doc_updates;
      CREATE VIEW doc_updates (board_id, seq, data) AS
        SELECT s.board_id, u.id & ((1 << 40) - 1), u.data
        FROM doc_streams s JOIN doc_update_log u ON u.id > (s.num << 40) AND u.id < ((s.num + 1) << 40);
    `,
  },
  {
    // Issue 13: the edit and view tokens are derived from the owner token (HMAC with a
    // per-role generation that rotation bumps; server/auth/linkTokens.ts), so any browser
    // holding the owner link can show them. NULL: a board made before, with random tokens.
    // training: a 研修用 board, whose records need no consent.
    version: 5,
    name: 'link-generations-training-consent',
    sql: `
      ALTER TABLE boards ADD COLUMN edit_gen INTEGER;
      ALTER TABLE boards ADD COLUMN view_gen INTEGER;
      ALTER TABLE boards ADD COLUMN training INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE meeting_records ADD COLUMN consent TEXT;
    `,
  },
  {
    // Issue 12 §4: a facilitator can end joining with a workshop's code.
    version: 6,
    name: 'workshop-join-open',
    sql: `
      ALTER TABLE workshops ADD COLUMN join_open INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX workshop_members_workshop ON workshop_members (workshop_id, created_at);
    `,
  },
  {
    // Issue 13: the 会議の要点 (第4表 and モニタリング facts) confirmed when a record is saved
    // (shared/protocol/meeting.ts, JSON); NULL for a record saved before, whose minutes read
    // the 会議の要点 card of its snapshot if it has one.
    version: 9,
    name: 'record-meeting-details',
    sql: `
      ALTER TABLE meeting_records ADD COLUMN meeting TEXT;
    `,
  },
  {
    // 講師メモ: owner-only text kept beside the board, never in its document (issue 14).
    version: 10,
    name: 'facilitator-notes',
    sql: `
      CREATE TABLE facilitator_notes (
        board_id TEXT PRIMARY KEY REFERENCES boards (id) ON DELETE CASCADE,
        body TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `,
  },
];
