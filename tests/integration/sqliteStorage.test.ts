import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../server/storage/index.ts';
import { SQLITE_MIGRATIONS } from '../../server/storage/sqliteMigrations.ts';
import { removeDir, tempDir } from '../helpers/server.ts';
import { newBoard, storageContractSuite } from './storageContract.ts';

// SPEC S1–S3, S5, S6 against the embedded store, on a real file in a temporary directory.
storageContractSuite('SqliteStorage', async () => {
  const dataDir = tempDir('renkei-sqlite-');
  return {
    storage: new SqliteStorage({ dataDir }),
    openAnother: async () => new SqliteStorage({ dataDir }),
    cleanup: async () => removeDir(dataDir),
  };
});

/** Run `fn` with a fresh data directory, removed afterwards whatever happens. */
async function withDataDir(fn: (dataDir: string) => Promise<void>): Promise<void> {
  const dataDir = tempDir('renkei-sqlite-');
  try {
    await fn(dataDir);
  } finally {
    removeDir(dataDir);
  }
}

/** A store on `dataDir` holding one new board. */
async function storageWithBoard(dataDir: string, options: { updateJournal?: boolean } = {}): Promise<{ storage: SqliteStorage; board: ReturnType<typeof newBoard> }> {
  const storage = new SqliteStorage({ dataDir, ...options });
  const board = newBoard();
  await storage.createBoard(board, new Uint8Array([0, 0]));
  return { storage, board };
}

describe('SqliteStorage specifics', () => {
  // SPEC S6: numbered migrations are applied once each and recorded, also across reopenings.
  it('records each migration once, also after reopening', async () => {
    await withDataDir(async (dataDir) => {
      await new SqliteStorage({ dataDir }).close();
      const again = new SqliteStorage({ dataDir });
      await again.createBoard(newBoard(), new Uint8Array([0, 0]));
      await again.close();
      await new SqliteStorage({ dataDir }).close();
      const db = new Database(path.join(dataDir, 'renkei.db'), { readonly: true });
      const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>;
      db.close();
      expect(rows.map((r) => r.version)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
    });
  });

  // SPEC S5: the database holds no token in clear, only 32-byte hashes.
  it('stores 32-byte hashes only', async () => {
    await withDataDir(async (dataDir) => {
      const { storage, board } = await storageWithBoard(dataDir);
      const columns = storage.db.prepare('SELECT * FROM boards WHERE id = ?').get(board.id) as Record<string, unknown>;
      await storage.close();
      for (const role of ['owner', 'edit', 'view']) {
        const v = columns[`${role}_hash`];
        expect(Buffer.isBuffer(v) && v.length).toBe(32);
      }
      expect(Object.keys(columns).some((k) => /token/i.test(k))).toBe(false);
    });
  });

  // SPEC S1, S3: a seq is never handed out twice, also once a compaction deleted every
  // update (the last seq is then only in the snapshot) and after reopening the data.
  it('keeps seqs increasing across a compaction of every update and across reopening', async () => {
    await withDataDir(async (dataDir) => {
      const board = newBoard();
      let storage = new SqliteStorage({ dataDir });
      await storage.createBoard(board, new Uint8Array([0, 0]));
      const seqs: number[] = [];
      for (let i = 0; i < 3; i++) seqs.push(await storage.appendUpdate(board.id, new Uint8Array([1, i])));
      await storage.compact(board.id, new Uint8Array([0, 0]), seqs[2]!);
      expect(await storage.countUpdates(board.id)).toBe(0);
      seqs.push(await storage.appendUpdate(board.id, new Uint8Array([1, 3])));
      await storage.compact(board.id, new Uint8Array([0, 0]), seqs[3]!);
      await storage.close();

      // Reopened with every update compacted away: the next seq comes from the snapshot.
      storage = new SqliteStorage({ dataDir });
      expect((await storage.loadDocument(board.id)).lastSeq).toBe(seqs[3]);
      seqs.push(await storage.appendUpdate(board.id, new Uint8Array([1, 4])));
      seqs.push(await storage.appendUpdate(board.id, new Uint8Array([1, 5])));
      await storage.close();

      // Reopened with updates stored: the next seq comes from the last of them.
      storage = new SqliteStorage({ dataDir });
      const loaded = await storage.loadDocument(board.id);
      expect(loaded.lastSeq).toBe(seqs[5]);
      expect(loaded.updates.map((u) => [...u])).toEqual([[1, 4], [1, 5]]);
      seqs.push(await storage.appendUpdate(board.id, new Uint8Array([1, 6])));
      await storage.close();
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]!).toBeGreaterThan(seqs[i - 1]!);
    });
  });

  // SPEC S1, S4: an append that failed stores nothing and costs no seq that breaks anything;
  // the next one reads the board's last seq again. Here a row appears under the next id
  // behind the storage's back, so its own insert fails on the primary key.
  it('reads the last seq again after a failed append (appending to the database directly)', async () => {
    await withDataDir(async (dataDir) => {
      const { storage, board } = await storageWithBoard(dataDir, { updateJournal: false });
      const first = await storage.appendUpdate(board.id, new Uint8Array([1]));
      const { num } = storage.db.prepare('SELECT num FROM doc_streams WHERE board_id = ?').get(board.id) as { num: number };
      storage.db.prepare('INSERT INTO doc_update_log (id, data) VALUES ((? << 40) | ?, ?)').run(num, first + 1, Buffer.from([2]));
      await expect(storage.appendUpdate(board.id, new Uint8Array([3]))).rejects.toThrow();
      const next = await storage.appendUpdate(board.id, new Uint8Array([4]));
      expect(next).toBe(first + 2);
      const loaded = await storage.loadDocument(board.id);
      expect(loaded.updates.map((u) => [...u])).toEqual([[1], [2], [4]]);
      expect(loaded.lastSeq).toBe(next);
      await storage.close();
    });
  });

  // SPEC S6: a data directory of the schema before migration 4 (one AUTOINCREMENT seq over
  // all boards, index, FK) is upgraded with every row and seq as it was.
  it('upgrades a data directory made with migrations 1–3, rows and seqs intact', async () => {
    await withDataDir(async (dataDir) => {
      fs.mkdirSync(dataDir, { recursive: true });
      const old = new Database(path.join(dataDir, 'renkei.db'));
      old.pragma('journal_mode = WAL');
      old.pragma('foreign_keys = ON');
      old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
      for (const m of SQLITE_MIGRATIONS.filter((m) => m.version <= 3)) {
        old.exec(m.sql);
        old.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
      }
      const boards = [newBoard(), newBoard(), newBoard()];
      for (const b of boards) {
        old
          .prepare(`INSERT INTO boards (id, title, template, created_at, updated_at, owner_hash, edit_hash, view_hash) VALUES (?, ?, 'blank', 0, 0, ?, ?, ?)`)
          .run(b.id, b.title, b.tokenHashes.owner, b.tokenHashes.edit, b.tokenHashes.view);
        old.prepare('INSERT INTO doc_snapshots (board_id, data, upto_seq) VALUES (?, ?, 0)').run(b.id, Buffer.from([0, 0]));
      }
      // Interleaved appends as the old relay made them: one global seq.
      const append = old.prepare('INSERT INTO doc_updates (board_id, data) VALUES (?, ?)');
      const oldSeqs: number[][] = [[], [], []];
      for (let i = 0; i < 12; i++) {
        const b = i % 3 === 2 ? 1 : i % 2; // boards 0 and 1 only
        oldSeqs[b]!.push(Number(append.run(boards[b]!.id, Buffer.from([b, i])).lastInsertRowid));
      }
      // Board 0 compacted part of its updates; board 2 has none; board 1 all of them, and the
      // highest seq ever handed out (deleted) was one of board 1's.
      const compact = (b: number, upto: number) => {
        old.prepare('UPDATE doc_snapshots SET data = ?, upto_seq = ? WHERE board_id = ?').run(Buffer.from([9, b]), upto, boards[b]!.id);
        old.prepare('DELETE FROM doc_updates WHERE board_id = ? AND seq <= ?').run(boards[b]!.id, upto);
      };
      compact(0, oldSeqs[0]![1]!);
      compact(1, oldSeqs[1]!.at(-1)!);
      const before = boards.map((b) => old.prepare('SELECT seq, data FROM doc_updates WHERE board_id = ? ORDER BY seq').all(b.id));
      old.close();

      const storage = new SqliteStorage({ dataDir });
      try {
        const versions = (storage.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>).map((r) => r.version);
        expect(versions).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
        const loaded = await Promise.all(boards.map((b) => storage.loadDocument(b.id)));
        // Board 0: the updates after its snapshot, in order, with their seqs.
        expect(loaded[0]!.updates.map((u) => [...u])).toEqual((before[0] as Array<{ data: Buffer }>).map((r) => [...r.data]));
        expect(loaded[0]!.updates).toHaveLength(oldSeqs[0]!.length - 2);
        expect(loaded[0]!.lastSeq).toBe(oldSeqs[0]!.at(-1));
        expect(await storage.countUpdates(boards[0]!.id)).toBe(oldSeqs[0]!.length - 2);
        expect([...loaded[0]!.snapshot!]).toEqual([9, 0]);
        // The old table's name is now a read-only view with its columns.
        expect(storage.db.prepare('SELECT seq, data FROM doc_updates WHERE board_id = ? ORDER BY seq').all(boards[0]!.id)).toEqual(before[0]);
        // Board 1: everything compacted; its snapshot keeps its upto_seq.
        expect(loaded[1]!.updates).toEqual([]);
        expect(loaded[1]!.lastSeq).toBe(oldSeqs[1]!.at(-1));
        // Board 2: nothing appended yet.
        expect(loaded[2]!).toMatchObject({ updates: [], lastSeq: 0 });
        // New appends continue above each board's last seq.
        const next = await Promise.all(boards.map((b, i) => storage.appendUpdate(b.id, new Uint8Array([i, 99]))));
        expect(next[0]).toBeGreaterThan(oldSeqs[0]!.at(-1)!);
        expect(next[1]).toBeGreaterThan(oldSeqs[1]!.at(-1)!);
        expect(next[2]).toBeGreaterThan(0);
        const again = await storage.loadDocument(boards[0]!.id);
        expect(again.updates.map((u) => [...u])).toEqual([...(before[0] as Array<{ data: Buffer }>).map((r) => [...r.data]), [0, 99]]);
        expect(again.lastSeq).toBe(next[0]);
      } finally {
        await storage.close();
      }
    });
  });

  // Checkpoints run on a worker thread once appends start: the store keeps working across
  // many of them, close() ends the thread and empties the WAL, and nothing is lost.
  it('checkpoints on a worker thread and closes cleanly', async () => {
    await withDataDir(async (dataDir) => {
      const { storage, board } = await storageWithBoard(dataDir);
      const reader = new SqliteStorage({ dataDir });
      let last = 0;
      for (let i = 0; i < 1200; i++) {
        last = await storage.appendUpdate(board.id, new Uint8Array(500).fill(i % 251));
        // Let the checkpointer's answers in, as a server's event loop would.
        if (i % 50 === 49) await new Promise((r) => setImmediate(r));
      }
      // The writer folds its update journal before it reads (SPEC S1); another connection
      // sees what has been folded.
      expect(await storage.countUpdates(board.id)).toBe(1200);
      expect((await reader.loadDocument(board.id)).lastSeq).toBe(last);
      // The thread runs: the main connection's own auto-checkpoint is only a safety net now.
      expect(storage.db.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(1000);
      await reader.close();
      await storage.close();
      expect(fs.statSync(path.join(dataDir, 'renkei.db-wal'), { throwIfNoEntry: false })?.size ?? 0).toBe(0);
      const reopened = new SqliteStorage({ dataDir });
      const loaded = await reopened.loadDocument(board.id);
      expect(loaded.updates).toHaveLength(1200);
      expect(loaded.lastSeq).toBe(last);
      await reopened.close();
    });
  });
});
