import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardInfo, CurrentLinksResponse, RotateLinksResponse } from '../../shared/protocol/index.ts';
import { hashToken, newToken } from '../../server/auth/tokens.ts';
import { SQLITE_MIGRATIONS } from '../../server/storage/sqliteMigrations.ts';
import { api, apiError } from '../helpers/http.ts';
import { removeDir, startServer, tempDir, type TestServer } from '../helpers/server.ts';

// Issue 13: the owner sees the edit and view links in any browser; the store keeps only hashes.
describe('owner links derived from the owner token', () => {
  let srv: TestServer;
  const links = (boardId: string, token: string) => api(srv.baseUrl, 'GET', `/api/boards/${boardId}/links`, { token });
  const roleOf = async (boardId: string, token: string) => {
    const r = await api(srv.baseUrl, 'GET', `/api/boards/${boardId}`, { token });
    return r.status === 200 ? (r.body as BoardInfo).role : r.status;
  };

  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('gives the owner, and only the owner, the same edit and view links the board was created with', async () => {
    const board = await srv.createBoard();
    const res = await links(board.id, board.tokens.owner);
    expect(res.status).toBe(200);
    const body = res.body as CurrentLinksResponse;
    expect(body.tokens).toEqual(board.tokens);
    expect(body.links).toEqual(board.links);
    expect((await links(board.id, board.tokens.edit)).status).toBe(403);
    expect((await links(board.id, board.tokens.view)).status).toBe(403);
    expect((await links(board.id, newToken())).status).toBe(401);
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

  it('shows the rotated links afterwards, and the old ones stop working', async () => {
    const board = await srv.createBoard();
    const rotated = (await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/links/rotate`, { token: board.tokens.owner, json: {} })).body as RotateLinksResponse;
    const shown = (await links(board.id, board.tokens.owner)).body as CurrentLinksResponse;
    expect(shown.tokens.edit).toBe(rotated.tokens.edit);
    expect(shown.tokens.view).toBe(rotated.tokens.view);
    expect(shown.tokens.edit).not.toBe(board.tokens.edit);
    expect(await roleOf(board.id, shown.tokens.edit!)).toBe('edit');
    expect(await roleOf(board.id, shown.tokens.view!)).toBe('view');
    expect(await roleOf(board.id, board.tokens.edit)).toBe(401);
    // A second rotation moves on again: never back to a generation already used.
    const again = (await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/links/rotate`, { token: board.tokens.owner, json: { roles: ['view'] } })).body as RotateLinksResponse;
    expect(again.tokens.view).not.toBe(rotated.tokens.view);
    expect(((await links(board.id, board.tokens.owner)).body as CurrentLinksResponse).tokens).toEqual({ owner: board.tokens.owner, edit: rotated.tokens.edit, view: again.tokens.view });
  });

  it('after the owner link alone is rotated, keeps the edit link working but no longer shows it until it is rotated', async () => {
    const board = await srv.createBoard();
    const owner = ((await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/links/rotate`, { token: board.tokens.owner, json: { roles: ['owner'] } })).body as RotateLinksResponse).tokens.owner!;
    expect(await roleOf(board.id, board.tokens.edit)).toBe('edit');
    expect(((await links(board.id, owner)).body as CurrentLinksResponse).tokens).toEqual({ owner });
    const fresh = (await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/links/rotate`, { token: owner, json: {} })).body as RotateLinksResponse;
    expect(((await links(board.id, owner)).body as CurrentLinksResponse).tokens).toEqual({ owner, edit: fresh.tokens.edit, view: fresh.tokens.view });
  });

  it('marks exercise boards 研修用 from the start and lets the owner mark a blank board', async () => {
    const exercise = await srv.createBoard({ template: 'exercise-1' });
    expect(((await api(srv.baseUrl, 'GET', `/api/boards/${exercise.id}`, { token: exercise.tokens.view })).body as BoardInfo).training).toBe(true);
    const blank = await srv.createBoard();
    expect(((await api(srv.baseUrl, 'GET', `/api/boards/${blank.id}`, { token: blank.tokens.view })).body as BoardInfo).training).toBe(false);
    const bad = await api(srv.baseUrl, 'POST', `/api/boards/${blank.id}/training`, { token: blank.tokens.owner, json: { training: 'yes' } });
    expect(bad.status).toBe(400);
    expect(apiError(bad.body)?.field).toBe('training');
    expect((await api(srv.baseUrl, 'POST', `/api/boards/${blank.id}/training`, { token: blank.tokens.edit, json: { training: true } })).status).toBe(403);
    expect((await api(srv.baseUrl, 'POST', `/api/boards/${blank.id}/training`, { token: blank.tokens.owner, json: { training: true } })).status).toBe(200);
    expect(((await api(srv.baseUrl, 'GET', `/api/boards/${blank.id}`, { token: blank.tokens.view })).body as BoardInfo).training).toBe(true);
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
