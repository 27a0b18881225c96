/**
 * Micro-benchmark of the relay's per-update SQLite append (SqliteStorage.appendUpdate): the
 * schema of migration 1, WAL and synchronous=NORMAL as the server opens it, and variants
 * the lead may weigh. Usage: node dist/bench/sqliteAppend.js [updates=10000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

interface Variant {
  name: string;
  autoincrement: boolean;
  foreignKeys: boolean;
  /** Updates per transaction: 1 is one autocommit per update, as today. */
  batch: number;
}

const VARIANTS: Variant[] = [
  { name: 'as today: AUTOINCREMENT, FK on, one commit per update', autoincrement: true, foreignKeys: true, batch: 1 },
  { name: 'FK off', autoincrement: true, foreignKeys: false, batch: 1 },
  { name: 'no AUTOINCREMENT (plain INTEGER PRIMARY KEY)', autoincrement: false, foreignKeys: true, batch: 1 },
  { name: 'group commit, 10 updates per transaction', autoincrement: true, foreignKeys: true, batch: 10 },
  { name: 'group commit, 50 updates per transaction', autoincrement: true, foreignKeys: true, batch: 50 },
];

/** Time `updates` appends of ~520-byte updates over 40 boards for one variant; µs of CPU and wall per update. */
function run(v: Variant, updates: number): { cpuUs: number; wallUs: number; walBytesPerUpdate: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-sqlite-bench-'));
  try {
    const db = new Database(path.join(dir, 'renkei.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`foreign_keys = ${v.foreignKeys ? 'ON' : 'OFF'}`);
    db.exec(`
      CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL);
      CREATE TABLE doc_updates (
        seq INTEGER PRIMARY KEY ${v.autoincrement ? 'AUTOINCREMENT' : ''},
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        data BLOB NOT NULL
      );
      CREATE INDEX doc_updates_board_seq ON doc_updates (board_id, seq);
    `);
    const boards = Array.from({ length: 40 }, (_, i) => `board-${i.toString().padStart(4, '0')}-xxxxxxxxxxxx`);
    const insertBoard = db.prepare('INSERT INTO boards (id, title) VALUES (?, ?)');
    for (const b of boards) insertBoard.run(b, b);
    const append = db.prepare('INSERT INTO doc_updates (board_id, data) VALUES (?, ?)');
    const many = db.transaction((rows: Array<[string, Buffer]>) => {
      for (const [b, d] of rows) append.run(b, d);
    });
    const data = Buffer.alloc(520, 7);
    const walBefore = fs.existsSync(path.join(dir, 'renkei.db-wal')) ? fs.statSync(path.join(dir, 'renkei.db-wal')).size : 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < updates; i += v.batch) {
      if (v.batch === 1) append.run(boards[i % boards.length] as string, data);
      else many(Array.from({ length: v.batch }, (_, j) => [boards[(i + j) % boards.length] as string, data] as [string, Buffer]));
    }
    const wallUs = ((performance.now() - t0) * 1000) / updates;
    const cpu = process.cpuUsage(cpu0);
    // The WAL is checkpointed (and reused) every 1000 pages; this is a rough lower bound.
    const walAfter = fs.statSync(path.join(dir, 'renkei.db-wal')).size;
    db.close();
    return { cpuUs: (cpu.user + cpu.system) / updates, wallUs, walBytesPerUpdate: Math.max(0, walAfter - walBefore) / updates };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** CLI entry. */
function main(): void {
  const updates = Number(process.argv[2] ?? 10_000);
  run(VARIANTS[0] as Variant, 1000); // warm up
  process.stdout.write(`${updates} appends of 520 B over 40 boards, WAL, synchronous=NORMAL\n`);
  for (const v of VARIANTS) {
    const r = run(v, updates);
    process.stdout.write(`  ${r.cpuUs.toFixed(1).padStart(6)} µs CPU ${r.wallUs.toFixed(1).padStart(6)} µs wall per update   ${v.name}\n`);
  }
}

main();
