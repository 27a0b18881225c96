import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqliteStorage } from '../../server/storage/index.ts';
import { parseJournal, UpdateJournal } from '../../server/storage/UpdateJournal.ts';
import { removeDir, tempDir } from '../helpers/server.ts';
import { newBoard } from './storageContract.ts';

// SPEC S1: the SQLite store takes each update into its journal with one write and folds the
// journal into the database in batches. These tests look at the files themselves.

const JOURNAL = 'renkei.updates';

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) removeDir(d);
});

function dataDir(): string {
  const d = tempDir('renkei-journal-');
  dirs.push(d);
  return d;
}

/** Rows of the board's stream as another connection sees them in the database file. */
function rowsInDatabase(dir: string, boardId: string): Buffer[] {
  const db = new Database(path.join(dir, 'renkei.db'), { readonly: true });
  try {
    return db
      .prepare<[string], { data: Buffer }>('SELECT u.data AS data FROM doc_update_log u JOIN doc_streams s ON (u.id >> 40) = s.num WHERE s.board_id = ? ORDER BY u.id')
      .all(boardId)
      .map((r) => r.data);
  } finally {
    db.close();
  }
}

/**
 * What a crash leaves: the directory's files as they are now (the process wrote them with
 * write(2); kill -9 leaves exactly this in the page cache), copied while nothing writes
 * (the store's calls are synchronous).
 */
function crashImage(dir: string): string {
  const image = dataDir();
  for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(image, f));
  return image;
}

/** A store on `dir` holding one new board. */
async function withBoard(dir: string, options: { checkpointInWorker?: boolean } = {}): Promise<{ storage: SqliteStorage; board: ReturnType<typeof newBoard> }> {
  const storage = new SqliteStorage({ dataDir: dir, ...options });
  const board = newBoard();
  await storage.createBoard(board, new Uint8Array([0, 0]));
  return { storage, board };
}

const update = (i: number) => new Uint8Array(Buffer.from(`update-${i}-`.padEnd(300, 'x')));

describe('SqliteStorage update journal', () => {
  it('holds appended updates in the journal until the fold, and a crash loses none of them', async () => {
    const dir = dataDir();
    const { storage, board } = await withBoard(dir);
    const seqs: number[] = [];
    for (let i = 0; i < 10; i++) seqs.push(await storage.appendUpdate(board.id, update(i)));
    // Not in the database yet (the fold has not run), every one in the journal.
    expect(rowsInDatabase(dir, board.id)).toHaveLength(0);
    const inJournal = parseJournal(fs.readFileSync(path.join(dir, JOURNAL)));
    expect(inJournal.entries.map((e) => e.seq)).toEqual(seqs);
    expect(inJournal.tornBytes).toBe(0);

    const image = crashImage(dir);
    await storage.close();
    const restarted = new SqliteStorage({ dataDir: image });
    try {
      const loaded = await restarted.loadDocument(board.id);
      expect(loaded.updates.map((u) => Buffer.from(u).toString())).toEqual(seqs.map((_, i) => Buffer.from(update(i)).toString()));
      expect(loaded.lastSeq).toBe(seqs.at(-1));
      // Folded at start-up, so the journal is empty and the next seq follows the last.
      expect(fs.statSync(path.join(image, JOURNAL)).size).toBe(0);
      expect(await restarted.appendUpdate(board.id, update(10))).toBe(seqs.at(-1)! + 1);
    } finally {
      await restarted.close();
    }
  });

  it('drops a torn last entry and keeps every whole one', async () => {
    const dir = dataDir();
    const { storage, board } = await withBoard(dir);
    for (let i = 0; i < 5; i++) await storage.appendUpdate(board.id, update(i));
    const image = crashImage(dir);
    await storage.close();
    // The sixth write was cut short: its header and half its data reached the file.
    const whole = fs.readFileSync(path.join(image, JOURNAL));
    const firstEntry = whole.subarray(0, whole.byteLength / 5);
    fs.appendFileSync(path.join(image, JOURNAL), firstEntry.subarray(0, 150));
    // And a flipped byte inside an otherwise whole entry is no entry either.
    const corrupt = Buffer.from(firstEntry);
    const last = corrupt.byteLength - 1;
    corrupt.writeUInt8(corrupt.readUInt8(last) ^ 0xff, last);
    expect(parseJournal(Buffer.concat([whole, corrupt])).entries).toHaveLength(5);

    const restarted = new SqliteStorage({ dataDir: image });
    try {
      const loaded = await restarted.loadDocument(board.id);
      expect(loaded.updates).toHaveLength(5);
      expect(fs.statSync(path.join(image, JOURNAL)).size).toBe(0);
    } finally {
      await restarted.close();
    }
  });

  it('folds on its own shortly after an append, without any read', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const dir = dataDir();
    const { storage, board } = await withBoard(dir, { checkpointInWorker: false });
    await storage.appendUpdate(board.id, update(1));
    await storage.appendUpdate(board.id, update(2));
    expect(rowsInDatabase(dir, board.id)).toHaveLength(0);
    // 1 s after the first waiting update (FOLD_AFTER_MS).
    vi.advanceTimersByTime(999);
    expect(rowsInDatabase(dir, board.id)).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(rowsInDatabase(dir, board.id).map((b) => b.toString())).toEqual([update(1), update(2)].map((u) => Buffer.from(u).toString()));
    expect(fs.statSync(path.join(dir, JOURNAL)).size).toBe(0);
    await storage.close();
    // Closed empty: the file is gone.
    expect(fs.existsSync(path.join(dir, JOURNAL))).toBe(false);
  });

  it('folds before a compaction, so a compacted update never comes back', async () => {
    const dir = dataDir();
    const { storage, board } = await withBoard(dir);
    const seqs: number[] = [];
    for (let i = 0; i < 6; i++) seqs.push(await storage.appendUpdate(board.id, update(i)));
    await storage.compact(board.id, new Uint8Array([9, 9]), seqs[3]!);
    const image = crashImage(dir);
    await storage.close();
    const restarted = new SqliteStorage({ dataDir: image });
    try {
      expect(await restarted.countUpdates(board.id)).toBe(2);
      const loaded = await restarted.loadDocument(board.id);
      expect([...loaded.snapshot!]).toEqual([9, 9]);
      expect(loaded.updates.map((u) => Buffer.from(u).toString())).toEqual([update(4), update(5)].map((u) => Buffer.from(u).toString()));
    } finally {
      await restarted.close();
    }
  });

  it('keeps nothing of an erased board, in the journal or from it', async () => {
    const dir = dataDir();
    const storage = new SqliteStorage({ dataDir: dir });
    const board = newBoard();
    const other = newBoard();
    await storage.createBoard(board, new Uint8Array([0, 0]));
    await storage.createBoard(other, new Uint8Array([0, 0]));
    const secret = new Uint8Array(Buffer.from('氏名：山田花子 secret-marker'));
    // (A board's first append reads its tip, which folds: the other board's goes first.)
    await storage.appendUpdate(other.id, update(1));
    await storage.appendUpdate(board.id, new Uint8Array([1]));
    await storage.appendUpdate(board.id, secret);
    expect(fs.readFileSync(path.join(dir, JOURNAL)).includes(Buffer.from('secret-marker'))).toBe(true);
    await storage.eraseBoard(board.id, { keepRecords: false });
    expect(fs.readFileSync(path.join(dir, JOURNAL)).includes(Buffer.from('secret-marker'))).toBe(false);
    expect(rowsInDatabase(dir, other.id)).toHaveLength(1);
    await storage.close();
  });

  it('does not write a journal entry whose board has no stream any more', async () => {
    const dir = dataDir();
    const { storage, board } = await withBoard(dir);
    await storage.close();
    // A journal left by a process that appended to a board erased before its fold.
    const { journal } = UpdateJournal.open(path.join(dir, JOURNAL));
    journal.append({ num: 4242, seq: 1, data: Buffer.from('orphan') });
    journal.close();
    const restarted = new SqliteStorage({ dataDir: dir });
    try {
      const all = restarted.db.prepare('SELECT count(*) AS n FROM doc_update_log').get() as { n: number };
      expect(all.n).toBe(0);
    } finally {
      await restarted.close();
    }
  });

  it('keeps an update whose seq another writer took, under the next free seq', async () => {
    const dir = dataDir();
    const { storage, board } = await withBoard(dir);
    const first = await storage.appendUpdate(board.id, new Uint8Array([1]));
    expect(await storage.countUpdates(board.id)).toBe(1);
    // A second writer (one writer per directory is the rule, not a guarantee) takes the next seq.
    const { num } = storage.db.prepare('SELECT num FROM doc_streams WHERE board_id = ?').get(board.id) as { num: number };
    storage.db.prepare('INSERT INTO doc_update_log (id, data) VALUES ((? << 40) | ?, ?)').run(num, first + 1, Buffer.from([2]));
    await storage.appendUpdate(board.id, new Uint8Array([3]));
    await storage.appendUpdate(board.id, new Uint8Array([4]));
    const loaded = await storage.loadDocument(board.id);
    expect(loaded.updates.map((u) => [...u])).toEqual([[1], [2], [3], [4]]);
    // The board's tip is read again: the next append goes after all of them.
    const next = await storage.appendUpdate(board.id, new Uint8Array([5]));
    expect(next).toBe(loaded.lastSeq + 1);
    await storage.close();
  });
});
