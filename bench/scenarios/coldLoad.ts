import path from 'node:path';
import Database from 'better-sqlite3';
import { BenchClient } from '../lib/loadgen.ts';
import type { ServerKind, ServerUnderTest } from '../lib/servers.ts';
import { median } from '../lib/stats.ts';
import { delay, pollUntil, withTimeout } from '../lib/time.ts';
import * as Y from 'yjs';

/** Parameters of the cold-load scenario. */
export interface ColdLoadParams {
  shapes: number;
  batch: number;
  repeats: number;
  /** Wait after the last client left before a cold join (ours unloads after ROOM_IDLE_MS). */
  unloadWaitMs: number;
}

/** One timed join. */
export interface JoinSample {
  /** From creating the provider to holding every record. */
  ms: number;
  /** From creating the provider to its socket being open (upgrade, auth). */
  openMs: number;
  /** Server CPU used during the join. */
  serverCpuMs: number;
  /** Ours: the room was seen unloaded before the join (see `pendingUpdates`). */
  unloadVerified?: boolean;
}

/** What the cold-load scenario measured on one server. */
export interface ColdLoadResult {
  scenario: 'cold-load';
  server: ServerKind;
  shapes: number;
  records: number;
  docBytes: number;
  writeMs: number;
  /** Joins with no session on the board (ours: room unloaded; reference: doc still in memory). */
  cold: JoinSample[];
  /** Joins while another client holds the room loaded. */
  warm: JoinSample[];
  coldMedianMs: number;
  warmMedianMs: number;
  serverRssMiB: number;
  serverWarnings: string[];
}

type Log = (msg: string) => void;
const PROBE_KEY = 'shape:bench-probe';

/**
 * Number of updates stored after the snapshot of a board, read from our server's SQLite
 * file. With COMPACT_IDLE_MS long and COMPACT_EVERY_UPDATES not reached, only the final
 * snapshot of an unloading room folds them away, so 0 after a probe write means the room
 * was unloaded (SPEC R6, S3).
 */
function pendingUpdates(dataDir: string, boardId: string): number {
  const db = new Database(path.join(dataDir, 'renkei.db'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM doc_updates WHERE board_id = ?').get(boardId);
    return row?.n ?? -1;
  } finally {
    db.close();
  }
}

/** Run the cold-load scenario on one server. */
export async function runColdLoad(server: ServerUnderTest, p: ColdLoadParams, log: Log): Promise<ColdLoadResult> {
  const access = await server.newRoom();
  const open: BenchClient[] = [];
  let index = 0;
  const client = () => {
    const c = new BenchClient({ serverUrl: server.wsUrl, access, index: index++ });
    open.push(c);
    return c;
  };
  const leave = async (c: BenchClient) => {
    // Let queued frames reach the server before the close frame.
    await pollUntil(() => c.bufferedAmount === 0, 5000, 5);
    c.destroy();
  };
  try {
    const writer = client();
    const observer = client();
    await withTimeout(Promise.all([writer.synced, observer.synced]), 30_000, 'cold-load writers sync');
    const writeStart = performance.now();
    writer.writeShape(PROBE_KEY, 0);
    for (let i = 0; i < p.shapes; i += p.batch) {
      writer.doc.transact(() => {
        for (let j = i; j < Math.min(p.shapes, i + p.batch); j++) writer.writeShape(`shape:cold-${j}`, j);
      });
      // The observer holds a write only after the server stored it (ours stores before relaying).
      const want = writer.records.size;
      if (!(await pollUntil(() => observer.records.size >= want, 30_000, 5))) throw new Error(`cold-load: batch at ${i} not relayed within 30 s`);
    }
    const writeMs = performance.now() - writeStart;
    const records = writer.records.size;
    const docBytes = Y.encodeStateAsUpdate(writer.doc).byteLength;
    log(`  wrote ${p.shapes} shapes (${(docBytes / 1024).toFixed(0)} KiB encoded, ${records} records) in ${writeMs.toFixed(0)} ms`);
    await leave(writer);
    await leave(observer);

    const join = async (opts: { probe: boolean }): Promise<JoinSample> => {
      const cpu0 = server.cpuMs();
      const c = client();
      await withTimeout(c.synced, 60_000, 'cold-load join');
      if (!(await pollUntil(() => c.records.size >= records, 30_000, 1))) throw new Error('cold-load: join did not receive every record');
      const ms = performance.now() - c.createdAt;
      const sample: JoinSample = { ms, openMs: (c.openedAt ?? Number.NaN) - c.createdAt, serverCpuMs: server.cpuMs() - cpu0 };
      // One small write, so that unloading this room must fold it into a new snapshot.
      if (opts.probe) c.writeShape(PROBE_KEY, index);
      await leave(c);
      return sample;
    };

    const cold: JoinSample[] = [];
    for (let r = 0; r < p.repeats; r++) {
      await delay(p.unloadWaitMs);
      const verified = server.dataDir !== undefined && access.params.token !== undefined ? pendingUpdates(server.dataDir, access.room) === 0 : undefined;
      const sample = await join({ probe: true });
      cold.push(verified === undefined ? sample : { ...sample, unloadVerified: verified });
    }
    const holder = client();
    await withTimeout(holder.synced, 60_000, 'cold-load holder');
    const warm: JoinSample[] = [];
    for (let r = 0; r < p.repeats; r++) {
      await delay(200);
      warm.push(await join({ probe: false }));
    }
    const serverRssMiB = server.rssKiB() / 1024;
    await leave(holder);
    return {
      scenario: 'cold-load',
      server: server.kind,
      shapes: p.shapes,
      records,
      docBytes,
      writeMs,
      cold,
      warm,
      coldMedianMs: median(cold.map((s) => s.ms)),
      warmMedianMs: median(warm.map((s) => s.ms)),
      serverRssMiB,
      serverWarnings: server.warnings.slice(0, 20),
    };
  } finally {
    for (const c of open) c.destroy();
  }
}
