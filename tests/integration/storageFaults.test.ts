import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { ApiErrorCode } from '../../shared/protocol/index.ts';
import { buildServerForChild, startChildServer } from '../helpers/childServer.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { api } from '../helpers/http.ts';
import { removeDir, startServer, tempDir, type TestServer } from '../helpers/server.ts';
import { waitUntil } from '../helpers/wait.ts';
import { TEST_CONSENT } from '../helpers/consent.ts';

/** Hold SQLite's write lock on a data directory from another connection, as another process would. */
function holdWriteLock(dataDir: string): { release: () => void } {
  const db = new Database(path.join(dataDir, 'renkei.db'));
  db.exec('BEGIN EXCLUSIVE');
  return {
    release: () => {
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

// SQLite-only faults: the lock of another process on the database file. The first three
// append each update to the database directly (SQLITE_UPDATE_JOURNAL=false), where a lock
// stops appends; with the update journal (the default) it does not, see the last block.
describe('storage faults on SQLite (SPEC S4, S8)', () => {
  let srv: TestServer;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    srv = await startServer({ env: { SQLITE_BUSY_WAIT_MS: '60000', SQLITE_UPDATE_JOURNAL: 'false' } });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv.stop();
    removeDir(srv.dataDir);
  });

  // SPEC S8: a write lock held by another process makes writes wait without blocking the event
  // loop: other boards are served meanwhile, and the write lands once the lock is gone.
  it("waits for another process's write lock without blocking anyone, then stores the edit", async () => {
    const board = await srv.createBoard();
    const other = await srv.createBoard();
    const writer = connectClient(srv.wsUrl, board.id, board.tokens.edit);
    const reader = connectClient(srv.wsUrl, board.id, board.tokens.view);
    const a = connectClient(srv.wsUrl, other.id, other.tokens.edit);
    const b = connectClient(srv.wsUrl, other.id, other.tokens.view);
    clients.push(writer, reader, a, b);
    await Promise.all([writer.synced, reader.synced, a.synced, b.synced]);
    const closes: number[] = [];
    writer.provider.on('connection-close', (e: { code?: number } | null) => closes.push(e?.code ?? 0));

    const lock = holdWriteLock(srv.dataDir);
    putRecord(writer.doc, shapeRecord('while-locked', { x: 1 }));
    // The room has applied the edit (it changed the document); storing it waits for the lock.
    await waitUntil(() => (srv.server.registry.peek(board.id)?.pipeline.lastChangeAt ?? 0) > 0, { what: 'the edit to reach the room' });
    // While the edit waits for the lock, the server answers HTTP and relays another board's awareness.
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${other.id}`, { token: other.tokens.view })).status).toBe(200);
    a.provider.awareness.setLocalStateField('user', { name: '別の会議', role: 'soudan', color: '#123456' });
    await new Promise<void>((resolve) => {
      const check = () => [...b.provider.awareness.getStates().values()].some((s) => (s as { user?: { name?: string } }).user?.name === '別の会議') && resolve();
      b.provider.awareness.on('change', check);
      check();
    });
    expect(recordsMap(reader.doc).has('shape:while-locked')).toBe(false);
    lock.release();
    await waitForDoc(reader.doc, (d) => recordsMap(d).has('shape:while-locked'));
    expect(closes).toEqual([]);
    expect(srv.server.metrics.storeFailures).toBe(0);
  });
});

describe('a storage outage (SPEC S4, S7)', () => {
  let srv: TestServer;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    srv = await startServer({ env: { SQLITE_BUSY_WAIT_MS: '50', SQLITE_UPDATE_JOURNAL: 'false' } });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv.stop();
    removeDir(srv.dataDir);
  });

  // SPEC S4: records and exports answer 503 at once while the board's updates cannot be stored.
  it('answers records and exports with 503 naming storage while updates cannot be stored', async () => {
    const board = await srv.createBoard();
    const writer = connectClient(srv.wsUrl, board.id, board.tokens.edit);
    clients.push(writer);
    await writer.synced;
    const lock = holdWriteLock(srv.dataDir);
    try {
      putRecord(writer.doc, shapeRecord('unsaved'));
      await waitUntil(() => srv.server.metrics.storeFailures > 0, { what: 'the append to fail' });
      const saved = await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records`, { token: board.tokens.owner, json: { title: '会議', consent: TEST_CONSENT } });
      expect(saved.status).toBe(503);
      expect((saved.body as { error: { code: string } }).error.code).toBe(ApiErrorCode.StorageUnavailable);
      const exported = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/export.tldr`, { token: board.tokens.view });
      expect(exported.status).toBe(503);
      expect(JSON.stringify(exported.body)).toMatch(/storage/);
    } finally {
      lock.release();
    }
    // Once storage is back the edit is stored, and both calls work again.
    await waitUntil(() => srv.server.metrics.lastStoreSuccessAt > srv.server.metrics.lastStoreFailureAt, { what: 'the retry to succeed', timeoutMs: 15_000 });
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/export.tldr`, { token: board.tokens.view })).status).toBe(200);
  });
});

describe('stopping during a storage outage', () => {
  let child: { entry: string; remove: () => void };
  beforeAll(() => {
    child = buildServerForChild();
  }, 120_000);
  afterAll(() => child.remove());

  // SPEC R6/S4: SIGTERM while an update cannot be stored ends within SHUTDOWN_TIMEOUT_MS and logs what was lost.
  it('exits after SIGTERM within the configured bound, naming what could not be stored', async () => {
    const dataDir = tempDir();
    const server = await startChildServer(child.entry, { DATA_DIR: dataDir, SQLITE_BUSY_WAIT_MS: '50', SQLITE_UPDATE_JOURNAL: 'false', SHUTDOWN_TIMEOUT_MS: '1500', LOG_LEVEL: 'info' });
    let log = '';
    server.proc.stdout?.on('data', (c: Buffer) => (log += c.toString()));
    server.proc.stderr?.on('data', (c: Buffer) => (log += c.toString()));
    const created = (await api(server.baseUrl, 'POST', '/api/boards', { json: {} })).body as { id: string; tokens: { edit: string } };
    const writer = connectClient(server.wsUrl, created.id, created.tokens.edit);
    await writer.synced;
    const lock = holdWriteLock(dataDir);
    try {
      putRecord(writer.doc, shapeRecord('lost-at-shutdown'));
      await waitUntil(() => log.includes('storing an update failed'), { what: 'the append to fail', timeoutMs: 10_000 });
      const exit = await server.kill('SIGTERM');
      expect(exit.signal).toBeNull();
      expect(log).toMatch(/shutting down with updates that could not be stored/);
      expect(log).toMatch(/"unstored":1/);
    } finally {
      writer.destroy();
      lock.release();
      removeDir(dataDir);
    }
  }, 60_000);
});

describe('a lock on the database with the update journal (SPEC S1, S8)', () => {
  let srv: TestServer;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    srv = await startServer({ env: { SQLITE_BUSY_WAIT_MS: '60000' } });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv.stop();
    removeDir(srv.dataDir);
  });

  /** The board's updates in the database file, as another connection reads them. */
  const rowsInDatabase = (boardId: string): number => {
    const db = new Database(path.join(srv.dataDir, 'renkei.db'), { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM doc_update_log u JOIN doc_streams s ON (u.id >> 40) = s.num WHERE s.board_id = ?').get(boardId) as { n: number }).n;
    } finally {
      db.close();
    }
  };

  // SPEC S1: an edit is stored in the journal, so another process's lock on the database holds
  // nobody up: the edit is relayed at once, and lands in the database once the lock is gone.
  it("relays and keeps edits while another process holds the database's lock, folding them in after", async () => {
    const board = await srv.createBoard();
    const writer = connectClient(srv.wsUrl, board.id, board.tokens.edit);
    const reader = connectClient(srv.wsUrl, board.id, board.tokens.view);
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);
    putRecord(writer.doc, shapeRecord('before-lock', { x: 0 }));
    await waitForDoc(reader.doc, (d) => recordsMap(d).has('shape:before-lock'));
    await waitUntil(() => rowsInDatabase(board.id) >= 1, { what: 'the first edit to be folded in' });
    const before = rowsInDatabase(board.id);

    const lock = holdWriteLock(srv.dataDir);
    try {
      putRecord(writer.doc, shapeRecord('while-locked', { x: 1 }));
      await waitForDoc(reader.doc, (d) => recordsMap(d).has('shape:while-locked'));
      // Relayed, and only in the journal: the database has not changed under the lock.
      expect(rowsInDatabase(board.id)).toBe(before);
      expect(fs.statSync(path.join(srv.dataDir, 'renkei.updates')).size).toBeGreaterThan(0);
    } finally {
      lock.release();
    }
    await waitUntil(() => rowsInDatabase(board.id) > before, { what: 'the edit to be folded in after the lock' });
    expect(srv.server.metrics.storeFailures).toBe(0);
  });
});
