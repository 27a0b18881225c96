import * as Y from 'yjs';
import type { ChildMemory } from '../lib/Inspector.ts';
import { BenchClient } from '../lib/loadgen.ts';
import type { RoomAccess, ServerKind, ServerUnderTest } from '../lib/servers.ts';
import { delay, mapLimit, pollUntil, withTimeout } from '../lib/time.ts';

/** Parameters of the idle-memory scenario. */
export interface IdleMemoryParams {
  boards: number;
  shapesPerBoard: number;
  /** Boards loaded first and not counted, so one-time costs (JIT, pools) stay out. */
  warmupBoards: number;
  settleMs: number;
}

/** Memory of the child at one point, after a forced GC when an inspector is attached. */
export interface MemoryPoint extends ChildMemory {
  rssKiBProc: number;
}

/** What the idle-memory scenario measured on one server. */
export interface IdleMemoryResult {
  scenario: 'idle-memory';
  server: ServerKind;
  boards: number;
  gcForced: boolean;
  avgDocBytes: number;
  before: MemoryPoint;
  after: MemoryPoint;
  /** RSS growth per loaded idle board. */
  rssKiBPerBoard: number;
  /** V8 heap + external growth per board (after GC): the document and the room. */
  heapKiBPerBoard: number;
  /** RSS per board minus its encoded document size. */
  rssBeyondDocKiB: number;
  serverWarnings: string[];
}

type Log = (msg: string) => void;

async function memoryPoint(server: ServerUnderTest): Promise<MemoryPoint> {
  if (server.inspector) {
    const inspector = server.inspector;
    await withTimeout(inspector.collectGarbage(3), 30_000, 'forced GC in the server');
    await delay(300);
    const m = await withTimeout(inspector.memoryUsage(), 10_000, 'memoryUsage of the server');
    return { ...m, rssKiBProc: server.rssKiB() };
  }
  const rss = server.rssKiB();
  return { rss: rss * 1024, heapTotal: Number.NaN, heapUsed: Number.NaN, external: Number.NaN, arrayBuffers: Number.NaN, rssKiBProc: rss };
}

/** Load a board once (connect, write a few shapes, leave) and return its encoded size. */
async function loadOnce(server: ServerUnderTest, access: RoomAccess, index: number, shapes: number): Promise<number> {
  const c = new BenchClient({ serverUrl: server.wsUrl, access, index });
  try {
    await withTimeout(c.synced, 30_000, 'idle-memory sync');
    c.doc.transact(() => {
      for (let i = 0; i < shapes; i++) c.writeShape(`shape:idle-${index}-${i}`, i);
    });
    await pollUntil(() => c.bufferedAmount === 0, 5000, 5);
    return Y.encodeStateAsUpdate(c.doc).byteLength;
  } finally {
    c.destroy();
  }
}

/** Measure memory per idle loaded board: load many small boards, let everyone leave, compare. */
export async function runIdleMemory(server: ServerUnderTest, p: IdleMemoryParams, log: Log): Promise<IdleMemoryResult> {
  const rooms = await mapLimit(Array.from({ length: p.boards + p.warmupBoards }, (_, i) => i), 8, () => server.newRoom());
  const warmup = rooms.slice(0, p.warmupBoards);
  const measured = rooms.slice(p.warmupBoards);
  log(`  ${rooms.length} boards created; loading ${warmup.length} warm-up boards`);
  await mapLimit(warmup, 10, (access, i) => loadOnce(server, access, i, p.shapesPerBoard));
  await delay(p.settleMs);
  const before = await memoryPoint(server);
  log(`  baseline RSS ${(before.rssKiBProc / 1024).toFixed(1)} MiB; loading ${measured.length} boards`);
  const sizes = await mapLimit(measured, 10, (access, i) => loadOnce(server, access, p.warmupBoards + i, p.shapesPerBoard));
  await delay(p.settleMs);
  const after = await memoryPoint(server);
  const avgDocBytes = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  const rssKiBPerBoard = (after.rssKiBProc - before.rssKiBProc) / p.boards;
  const heap = (m: MemoryPoint) => m.heapUsed + m.external;
  const heapKiBPerBoard = (heap(after) - heap(before)) / 1024 / p.boards;
  log(`  ${p.boards} idle boards: RSS +${rssKiBPerBoard.toFixed(1)} KiB/board, heap+external +${heapKiBPerBoard.toFixed(1)} KiB/board, doc ${(avgDocBytes / 1024).toFixed(1)} KiB encoded`);
  return {
    scenario: 'idle-memory',
    server: server.kind,
    boards: p.boards,
    gcForced: server.inspector !== undefined,
    avgDocBytes,
    before,
    after,
    rssKiBPerBoard,
    heapKiBPerBoard,
    rssBeyondDocKiB: rssKiBPerBoard - avgDocBytes / 1024,
    serverWarnings: server.warnings.slice(0, 20),
  };
}
