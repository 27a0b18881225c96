import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../server/storage/index.ts';
import { SQLITE_MIGRATIONS } from '../../server/storage/sqliteMigrations.ts';
import { removeDir, tempDir } from '../helpers/server.ts';

// Migration 7 (issue 17) may run after later-numbered migrations on a database that got those
// first (numbers were handed out to parallel work): it remakes the records' triggers and never
// rebuilds the records table, so a column another migration added survives with its values.
describe('migration 7 on SQLite', () => {
  it('keeps a column a later migration added to meeting_records, and its values', async () => {
    const dataDir = tempDir('renkei-mig7-');
    try {
      const db = new Database(path.join(dataDir, 'renkei.db'));
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
      for (const m of SQLITE_MIGRATIONS.filter((m) => m.version <= 6)) {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
      }
      // As migration 9 elsewhere does.
      db.exec('ALTER TABLE meeting_records ADD COLUMN meeting TEXT');
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(9, 'record-meeting-details', Date.now());
      db.exec(`INSERT INTO boards (id, title, template, created_at, updated_at, owner_hash, edit_hash, view_hash) VALUES ('b1', 't', 'blank', 0, 0, x'00', x'01', x'02')`);
      db.exec(`INSERT INTO meeting_records (id, board_id, title, note, created_at, state, sha256, participants, attendees, meeting) VALUES ('r1', 'b1', 'r', '', 0, x'0000', 'h', '[]', '[]', '{"place":"自宅"}')`);
      db.close();

      const store = new SqliteStorage({ dataDir, checkpointInWorker: false });
      expect(store.db.prepare('SELECT meeting FROM meeting_records WHERE id = ?').get('r1')).toEqual({ meeting: '{"place":"自宅"}' });
      expect(() => store.db.prepare("UPDATE meeting_records SET meeting = 'x' WHERE id = 'r1'").run()).toThrow(/immutable/);
      expect(() => store.db.prepare("DELETE FROM meeting_records WHERE id = 'r1'").run()).toThrow(/immutable/);
      expect((await store.eraseBoard('b1', { keepRecords: false }))?.records).toBe(1);
      await store.close();
    } finally {
      removeDir(dataDir);
    }
  });
});
