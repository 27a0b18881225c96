import type { Migration } from './sqliteMigrations.ts';

/** The PostgreSQL schema, in order; append-only. */
export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'boards-and-documents',
    sql: `
      CREATE TABLE boards (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        template TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        owner_hash BYTEA NOT NULL,
        edit_hash BYTEA NOT NULL,
        view_hash BYTEA NOT NULL
      );
      CREATE TABLE doc_updates (
        seq BIGSERIAL PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        data BYTEA NOT NULL
      );
      CREATE INDEX doc_updates_board_seq ON doc_updates (board_id, seq);
      CREATE TABLE doc_snapshots (
        board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
        data BYTEA NOT NULL,
        upto_seq BIGINT NOT NULL
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
        created_at TIMESTAMPTZ NOT NULL,
        state BYTEA NOT NULL,
        sha256 TEXT NOT NULL,
        participants JSONB NOT NULL,
        attendees JSONB NOT NULL
      );
      CREATE INDEX meeting_records_board ON meeting_records (board_id, created_at);
      CREATE FUNCTION meeting_records_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'meeting records are immutable'; END $$;
      CREATE TRIGGER meeting_records_no_update BEFORE UPDATE OR DELETE ON meeting_records
      FOR EACH ROW EXECUTE FUNCTION meeting_records_immutable();
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
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE workshop_groups (
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        idx INTEGER NOT NULL,
        name TEXT NOT NULL,
        board_id TEXT NOT NULL REFERENCES boards(id),
        PRIMARY KEY (workshop_id, idx)
      );
      CREATE TABLE workshop_members (
        token_hash BYTEA PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id),
        board_id TEXT NOT NULL REFERENCES boards(id),
        private_board_id TEXT NOT NULL REFERENCES boards(id),
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'meeting-records-no-truncate',
    sql: `
      CREATE TRIGGER meeting_records_no_truncate BEFORE TRUNCATE ON meeting_records
      FOR EACH STATEMENT EXECUTE FUNCTION meeting_records_immutable();
    `,
  },
  {
    // Issue 13: derived link generations (NULL: random tokens of an older board) and 研修用.
    version: 5,
    name: 'link-generations-training-consent',
    sql: `
      ALTER TABLE boards ADD COLUMN edit_gen INTEGER;
      ALTER TABLE boards ADD COLUMN view_gen INTEGER;
      ALTER TABLE boards ADD COLUMN training BOOLEAN NOT NULL DEFAULT FALSE;
      ALTER TABLE meeting_records ADD COLUMN consent JSONB;
    `,
  },
  {
    // Issue 12 §4: a facilitator can end joining with a workshop's code.
    version: 6,
    name: 'workshop-join-open',
    sql: `
      ALTER TABLE workshops ADD COLUMN join_open BOOLEAN NOT NULL DEFAULT TRUE;
      CREATE INDEX workshop_members_workshop ON workshop_members (workshop_id, created_at);
    `,
  },
  {
    // Issue 13: the 会議の要点 confirmed when a record is saved (shared/protocol/meeting.ts).
    version: 9,
    name: 'record-meeting-details',
    sql: `
      ALTER TABLE meeting_records ADD COLUMN meeting JSONB;
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
        updated_at TIMESTAMPTZ NOT NULL
      );
    `,
  },
];
