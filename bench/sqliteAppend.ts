/**
 * Micro-benchmark of the relay's per-update SQLite append, WAL and synchronous=NORMAL as the
 * server opens it, before and after migration 4:
 * - before: the schema of migrations 1–3 (AUTOINCREMENT seq, index on (board_id, seq), FK to
 *   boards) with the statements SqliteStorage used then, checkpoints inside commits;
 * - after: the real SqliteStorage (migration 4: one rowid b-tree clustered by board, seq per
 *   board from memory), with its checkpointer thread and, to tell the two apart, without;
 * - not taken: a WITHOUT ROWID table keyed (board_id, seq), the first plan for migration 4
 *   (an index b-tree: rows over ~1 KB go to overflow pages).
 *
 * Like the relay: 40 boards written in turn, every append awaited, the event loop given a
 * turn every 10 appends, each board compacted every 500 of its updates (COMPACT_EVERY_UPDATES)
 * with a 20 KB snapshot. Each variant runs `rounds` times, interleaved, after a warm-up run
 * that also fills the tables. CPU (whole process, and the main thread alone where Linux says)
 * and wall are per update, compaction included, medians of the rounds; latency is of each
 * append alone, all rounds pooled, so it holds the checkpoints SQLite runs inside a commit.
 * Sizes: 520 B (a tldraw shape record as the relay bench writes it) and a mix (7 × 530 B,
 * 2 × 1.2 KB, 1 × 3 KB).
 *
 * Usage: node dist/bench/sqliteAppend.js [updates=20000] [rounds=3] [dir=os.tmpdir()]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { SqliteStorage } from '../server/storage/SqliteStorage.ts';
import { SQLITE_MIGRATIONS } from '../server/storage/sqliteMigrations.ts';

const BOARDS = 40;
const COMPACT_EVERY = 500;
const SNAPSHOT = Buffer.alloc(20_000, 3);
const YIELD_EVERY = 10;

interface Variant {
  name: string;
  open(dir: string): Promise<Target>;
  /** Whether WAL frames per append can be counted (not while a checkpointer thread reuses the WAL). */
  countPages: boolean;
}

/** One store under test, reduced to what the loop needs. */
interface Target {
  append(boardId: string, update: Uint8Array): Promise<number>;
  compact(boardId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
  /** The connection, to read and set pragmas. */
  db: Database.Database;
  close(): Promise<void>;
}

const boardIds = Array.from({ length: BOARDS }, (_, i) => `board-${i.toString().padStart(4, '0')}-xxxxxxxxxxxx`);
const hash = Buffer.alloc(32, 1);

/**
 * The store as it was before migration 4: migrations 1–3 and SqliteStorage's statements of
 * then; or, `withoutRowid`, the alternative weighed for migration 4: doc_updates as one
 * WITHOUT ROWID table keyed (board_id, seq), seq per board from memory, no FK.
 */
async function openBefore(dir: string, withoutRowid = false): Promise<Target> {
  const db = new Database(path.join(dir, 'renkei.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  for (const m of SQLITE_MIGRATIONS) if (m.version <= 3) db.transaction(() => db.exec(m.sql))();
  const insertBoard = db.prepare(
    `INSERT INTO boards (id, title, template, created_at, updated_at, owner_hash, edit_hash, view_hash) VALUES (?, 'bench', 'blank', 0, 0, ?, ?, ?)`,
  );
  const upsertSnapshot = db.prepare(
    `INSERT INTO doc_snapshots (board_id, data, upto_seq) VALUES (?, ?, ?)
     ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq
     WHERE excluded.upto_seq >= doc_snapshots.upto_seq`,
  );
  db.transaction(() => {
    for (const b of boardIds) {
      insertBoard.run(b, hash, hash, hash);
      upsertSnapshot.run(b, SNAPSHOT, 0);
    }
  })();
  if (withoutRowid) {
    db.exec(`DROP TABLE doc_updates;
      CREATE TABLE doc_updates (board_id TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (board_id, seq)) WITHOUT ROWID`);
  }
  const deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE board_id = ? AND seq <= ?');
  let append: (boardId: string, data: Buffer) => number;
  if (withoutRowid) {
    const insert = db.prepare('INSERT INTO doc_updates (board_id, seq, data) VALUES (?, ?, ?)');
    const last = new Map<string, number>();
    append = (boardId, data) => {
      const seq = (last.get(boardId) ?? 0) + 1;
      insert.run(boardId, seq, data);
      last.set(boardId, seq);
      return seq;
    };
  } else {
    const insert = db.prepare('INSERT INTO doc_updates (board_id, data) VALUES (?, ?)');
    append = (boardId, data) => Number(insert.run(boardId, data).lastInsertRowid);
  }
  return {
    db,
    append: async (boardId, update) => append(boardId, Buffer.from(update.buffer, update.byteOffset, update.byteLength)),
    compact: async (boardId, snapshot, uptoSeq) => {
      db.transaction(() => {
        upsertSnapshot.run(boardId, Buffer.from(snapshot), uptoSeq);
        deleteUpTo.run(boardId, uptoSeq);
      })();
    },
    close: async () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

/** The real SqliteStorage of today. */
async function openAfter(dir: string, checkpointInWorker: boolean): Promise<Target> {
  const storage = new SqliteStorage({ dataDir: dir, checkpointInWorker });
  for (const b of boardIds) {
    await storage.createBoard({ id: b, title: 'bench', template: 'blank', createdAt: new Date(0), tokenHashes: { owner: hash, edit: hash, view: hash } }, SNAPSHOT);
  }
  return {
    db: storage.db,
    append: (boardId, update) => storage.appendUpdate(boardId, update),
    compact: (boardId, snapshot, uptoSeq) => storage.compact(boardId, snapshot, uptoSeq),
    close: () => storage.close(),
  };
}

const VARIANTS: Variant[] = [
  { name: 'before: migrations 1–3 (AUTOINCREMENT + index + FK)', open: (dir) => openBefore(dir), countPages: true },
  { name: 'after: SqliteStorage (migration 4), checkpoints in a worker', open: (dir) => openAfter(dir, true), countPages: false },
  { name: 'after: SqliteStorage (migration 4), checkpoints in commits', open: (dir) => openAfter(dir, false), countPages: true },
  { name: 'not taken: WITHOUT ROWID (board_id, seq), checkpoints in commits', open: (dir) => openBefore(dir, true), countPages: true },
];

interface Sample {
  cpuUs: number;
  mainCpuUs: number | undefined;
  wallUs: number;
  /** Wall time of each append, µs. */
  latencies: Float64Array;
}

/** CPU time of the main thread so far, µs, from /proc (Linux); undefined elsewhere. */
function mainThreadCpuUs(): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1e6) / 100; // CLK_TCK is 100 on Linux
  } catch {
    return undefined;
  }
}

/** Write `updates` updates of the given sizes round robin over the boards, compacting as the relay does. */
async function drive(t: Target, updates: number, sizes: Buffer[], latencies?: Float64Array): Promise<void> {
  const counts = new Map<string, number>();
  for (let i = 0; i < updates; i++) {
    // Boards in a scrambled but fixed order, as writes from many rooms arrive.
    const board = boardIds[(i * 7 + (i >> 3)) % BOARDS] as string;
    const data = sizes[i % sizes.length] as Buffer;
    const t0 = performance.now();
    const seq = await t.append(board, data);
    if (latencies) latencies[i] = (performance.now() - t0) * 1000;
    const n = (counts.get(board) ?? 0) + 1;
    counts.set(board, n);
    if (n % COMPACT_EVERY === 0) await t.compact(board, SNAPSHOT, seq);
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await turn();
  }
}

async function run(v: Variant, updates: number, sizes: Buffer[], parent: string): Promise<Sample> {
  const dir = fs.mkdtempSync(path.join(parent, 'renkei-sqlite-bench-'));
  try {
    const t = await v.open(dir);
    await drive(t, updates, sizes); // fill to a steady state first
    const latencies = new Float64Array(updates);
    const main0 = mainThreadCpuUs();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await drive(t, updates, sizes, latencies);
    const wallUs = ((performance.now() - t0) * 1000) / updates;
    const cpu = process.cpuUsage(cpu0);
    const main1 = mainThreadCpuUs();
    await t.close();
    return {
      cpuUs: (cpu.user + cpu.system) / updates,
      mainCpuUs: main0 === undefined || main1 === undefined ? undefined : (main1 - main0) / updates,
      wallUs,
      latencies,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** WAL frames (pages) written per append, with auto-checkpoint off so the WAL only grows. */
async function walFramesPerAppend(v: Variant, sizes: Buffer[], parent: string): Promise<number> {
  const dir = fs.mkdtempSync(path.join(parent, 'renkei-sqlite-bench-'));
  try {
    const t = await v.open(dir);
    await drive(t, 8000, sizes);
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    t.db.pragma('wal_autocheckpoint = 0');
    const n = 3000;
    // No compaction falls in this window (each board is at 200–275 of its updates).
    await drive(t, n, sizes);
    const pageSize = t.db.pragma('page_size', { simple: true }) as number;
    const frames = (fs.statSync(path.join(dir, 'renkei.db-wal')).size - 32) / (pageSize + 24);
    await t.close();
    return frames / n;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/** CLI entry. */
async function main(): Promise<void> {
  const updates = Number(process.argv[2] ?? 20_000);
  const rounds = Number(process.argv[3] ?? 3);
  const parent = process.argv[4] ?? os.tmpdir();
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const f = (x: number | undefined, w = 7) => (x === undefined ? '–' : x.toFixed(1)).padStart(w);
  const SIZES: Array<[string, Buffer[]]> = [
    ['520 B', [Buffer.alloc(520, 7)]],
    ['mix 7 × 530 B, 2 × 1.2 KB, 1 × 3 KB', [...Array.from({ length: 7 }, () => Buffer.alloc(530, 7)), Buffer.alloc(1200, 7), Buffer.alloc(1200, 7), Buffer.alloc(3000, 7)]],
  ];
  out(`${updates} appends over ${BOARDS} boards × ${rounds} rounds, compaction every ${COMPACT_EVERY} per board, WAL, synchronous=NORMAL, in ${parent}`);
  for (const [sizeName, sizes] of SIZES) {
    for (const v of VARIANTS) await run(v, 2000, sizes, parent); // warm up
    const samples = VARIANTS.map(() => [] as Sample[]);
    for (let r = 0; r < rounds; r++) for (const [i, v] of VARIANTS.entries()) samples[i]!.push(await run(v, updates, sizes, parent));
    out(`\nupdates of ${sizeName}: per update, µs (CPU and wall: medians of rounds, compaction included; latency of the append alone, all rounds)`);
    out(`${'CPU'.padStart(7)} ${'main'.padStart(7)} ${'wall'.padStart(7)} ${'p50'.padStart(7)} ${'p99'.padStart(7)} ${'p99.9'.padStart(7)} ${'max'.padStart(8)} ${'pages'.padStart(6)}  variant`);
    for (const [i, v] of VARIANTS.entries()) {
      const ss = samples[i]!;
      const all = new Float64Array(ss.reduce((n, s) => n + s.latencies.length, 0));
      let o = 0;
      for (const s of ss) {
        all.set(s.latencies, o);
        o += s.latencies.length;
      }
      all.sort();
      const mains = ss.map((s) => s.mainCpuUs).filter((x): x is number => x !== undefined);
      const frames = v.countPages ? await walFramesPerAppend(v, sizes, parent) : undefined;
      out(
        `${f(median(ss.map((s) => s.cpuUs)))} ${f(mains.length ? median(mains) : undefined)} ${f(median(ss.map((s) => s.wallUs)))} ${f(quantile(all, 0.5))} ${f(quantile(all, 0.99))} ${f(quantile(all, 0.999))} ${f(all[all.length - 1], 8)} ${(frames === undefined ? '–' : frames.toFixed(2)).padStart(6)}  ${v.name}`,
      );
    }
  }
  out('\nmain: CPU of the main thread alone (/proc, 10 ms ticks); pages: WAL frames written per append (auto-checkpoint off, no compaction).');
}

await main();
