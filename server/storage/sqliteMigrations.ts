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
];
