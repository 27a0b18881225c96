import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardInfo, CurrentLinksResponse, RotateLinksResponse } from '../../shared/protocol/index.ts';
import { hashToken, newToken } from '../../server/auth/tokens.ts';
import { SQLITE_MIGRATIONS } from '../../server/storage/sqliteMigrations.ts';
import { api } from '../helpers/http.ts';
import { removeDir, startServer, tempDir, type TestServer } from '../helpers/server.ts';

// Issue 13 on the SQLite file itself (this file is SQLite-only: the scale-backbone project,
// which reruns the integration suite on PostgreSQL, leaves it out like sqliteStorage.test.ts).
describe('owner links in the SQLite file', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('stores no token in the clear', async () => {
    const board = await srv.createBoard();
    const db = new Database(path.join(srv.dataDir, 'renkei.db'), { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('SELECT * FROM boards WHERE id = ?').get(board.id) as Record<string, unknown>;
      const dump = JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64url') : v));
      for (const t of Object.values(board.tokens)) expect(dump).not.toContain(t);
      expect(Buffer.compare(row.edit_hash as Buffer, hashToken(board.tokens.edit))).toBe(0);
    } finally {
      db.close();
    }
  });
});

// Issue 13: a board made before derivation (random tokens) keeps working after the migration.
describe('a board from before link derivation', () => {
  it('keeps its random links, shows only the owner link, and derives new ones on rotation', async () => {
    const dataDir = tempDir();
    const tokens = { owner: newToken(), edit: newToken(), view: newToken() };
    const db = new Database(path.join(dataDir, 'renkei.db'));
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    for (const m of SQLITE_MIGRATIONS.filter((x) => x.version <= 4)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
    }
    db.prepare('INSERT INTO boards (id, title, template, created_at, updated_at, owner_hash, edit_hash, view_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run('oldboard0000000000000A', '古いボード', 'blank', Date.now(), Date.now(), hashToken(tokens.owner), hashToken(tokens.edit), hashToken(tokens.view));
    db.prepare('INSERT INTO doc_streams (board_id) VALUES (?)').run('oldboard0000000000000A');
    db.close();
    const srv = await startServer({ dataDir });
    try {
      const id = 'oldboard0000000000000A';
      for (const role of ['owner', 'edit', 'view'] as const) {
        expect(((await api(srv.baseUrl, 'GET', `/api/boards/${id}`, { token: tokens[role] })).body as BoardInfo).role).toBe(role);
      }
      expect(((await api(srv.baseUrl, 'GET', `/api/boards/${id}/links`, { token: tokens.owner })).body as CurrentLinksResponse).tokens).toEqual({ owner: tokens.owner });
      const fresh = (await api(srv.baseUrl, 'POST', `/api/boards/${id}/links/rotate`, { token: tokens.owner, json: {} })).body as RotateLinksResponse;
      expect(((await api(srv.baseUrl, 'GET', `/api/boards/${id}/links`, { token: tokens.owner })).body as CurrentLinksResponse).tokens).toEqual({ owner: tokens.owner, edit: fresh.tokens.edit, view: fresh.tokens.view });
    } finally {
      await srv.stop();
      removeDir(dataDir);
    }
  });
});
