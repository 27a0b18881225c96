/**
 * What issue 17 costs the hot path and the owner:
 * - an append on SQLite, plain and sealed (DATA_KEY_FILE: AES-256-GCM), µs per append, for a
 *   typical small update (a card moved) and a larger one (a pasted block of text);
 * - deleting one board (rows, then VACUUM and WAL truncation on a worker thread) in a database
 *   of `boards` boards, ms, and the longest the event loop was held meanwhile (ms).
 * Each figure is the median of `rounds` runs.
 *
 * Usage: node dist/bench/privacy.js [rounds=5] [boards=300]
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { aesGcmCipher, SqliteStorage, type DataCipher } from '../server/storage/index.ts';
import { hashToken, newId, newToken } from '../server/auth/tokens.ts';

const rounds = Number(process.argv[2] ?? 5);
const boards = Number(process.argv[3] ?? 300);
const APPENDS = 5000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function newBoard(id: string) {
  return { id, title: `bench ${id}`, template: 'blank', createdAt: new Date(), tokenHashes: { owner: hashToken(newToken()), edit: hashToken(newToken()), view: hashToken(newToken()) } };
}

async function appendCost(cipher: DataCipher | undefined, size: number): Promise<number> {
  const runs: number[] = [];
  for (let r = 0; r < rounds + 1; r++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-bench-privacy-'));
    const store = new SqliteStorage({ dataDir: dir, ...(cipher ? { cipher } : {}) });
    const id = newId();
    await store.createBoard(newBoard(id), new Uint8Array([0, 0]));
    const update = randomBytes(size);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < APPENDS; i++) store.appendNow(id, update);
    const us = Number(process.hrtime.bigint() - t0) / 1000 / APPENDS;
    if (r > 0) runs.push(us);
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return median(runs);
}

async function deleteCost(cipher: DataCipher | undefined): Promise<{ ms: number; fileMb: number; loopHeldMs: number }> {
  const runs: number[] = [];
  const held: number[] = [];
  let fileMb = 0;
  for (let r = 0; r < rounds; r++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-bench-privacy-'));
    const store = new SqliteStorage({ dataDir: dir, ...(cipher ? { cipher } : {}) });
    const ids: string[] = [];
    for (let b = 0; b < boards; b++) {
      const id = newId();
      ids.push(id);
      // A board of a few meetings: a 40 KB snapshot and 100 updates of ~300 bytes.
      await store.createBoard(newBoard(id), randomBytes(40_000));
      for (let i = 0; i < 100; i++) store.appendNow(id, randomBytes(300));
    }
    fileMb = fs.statSync(path.join(dir, 'renkei.db')).size / 1e6;
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const t0 = process.hrtime.bigint();
    await store.eraseBoard(ids[Math.floor(boards / 2)]!, { keepRecords: false });
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    loop.disable();
    held.push(loop.max / 1e6);
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { ms: median(runs), fileMb, loopHeldMs: median(held) };
}

const key = aesGcmCipher({ current: 'bench', keys: new Map([['bench', randomBytes(32)]]) });
const out = {
  appendUs: {
    plain200B: await appendCost(undefined, 200),
    sealed200B: await appendCost(key, 200),
    plain8KB: await appendCost(undefined, 8192),
    sealed8KB: await appendCost(key, 8192),
  },
  deleteOneBoard: { boards, ...(await deleteCost(undefined)) },
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
