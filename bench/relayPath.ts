/**
 * In-process micro-benchmark of one document update's path through each relay, without
 * sockets or a second process, so a busy machine disturbs it less than the end-to-end run:
 * µs of CPU per update for Yjs alone, our frame check, our Room with a no-op store and with
 * SQLite, and the reference's `setupWSConnection`. Six participants per board, each update
 * relayed to the other five (the reference also echoes it to the writer).
 * Usage: node dist/bench/relayPath.js [updates=4000] [reps=5] [participants=6]
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { docs as referenceDocs, setupWSConnection } from '@y/websocket-server/utils';
import { recordsMap } from '../shared/doc/index.ts';
import { createLogger } from '../server/logger.ts';
import { checkUpdate, createMetrics, DEFAULT_SESSION_LIMITS, parseClientMessage, Room, systemClock } from '../server/relay/index.ts';
import { createSession } from '../server/relay/Session.ts';
import { SqliteStorage, type Storage } from '../server/storage/index.ts';
import { shapeRecord } from './lib/records.ts';
import { median } from './lib/stats.ts';

let PARTICIPANTS = 6;

/** Sync-update frames as six stock clients would send them, writing tldraw-sized records. */
function makeFrames(n: number): Array<{ writer: number; frame: Uint8Array; update: Uint8Array }> {
  const docs = Array.from({ length: PARTICIPANTS }, () => new Y.Doc());
  const out: Array<{ writer: number; frame: Uint8Array; update: Uint8Array }> = [];
  docs.forEach((doc, writer) =>
    doc.on('update', (update: Uint8Array) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0); // sync
      encoding.writeVarUint(e, 2); // update
      encoding.writeVarUint8Array(e, update);
      out.push({ writer, frame: encoding.toUint8Array(e), update });
    }),
  );
  for (let i = 0; i < n; i++) {
    const w = i % PARTICIPANTS;
    const key = `shape:c${w}-${Math.floor(i / PARTICIPANTS) % 4}`;
    recordsMap(docs[w] as Y.Doc).set(key, shapeRecord({ key, n: i, stamp: { t: i, w: i, c: w } }));
  }
  return out;
}

type Frames = ReturnType<typeof makeFrames>;

function cpuUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

function yjsOnly(frames: Frames): number {
  const doc = new Y.Doc();
  doc.on('update', () => undefined);
  const t = cpuUs();
  for (const f of frames) Y.applyUpdate(doc, f.update);
  return (cpuUs() - t) / frames.length;
}

/**
 * The pre-check our room falls back to while its document waits for missing data (parse and
 * `checkUpdate`) plus apply, minus apply alone: the check needs the document it places items in.
 */
function checkOnly(frames: Frames): number {
  const doc = new Y.Doc();
  doc.on('update', () => undefined);
  const t = cpuUs();
  for (const f of frames) {
    const parsed = parseClientMessage(f.frame);
    if (!parsed.ok || parsed.value.kind !== 'sync-update') throw new Error('frame refused');
    const checked = checkUpdate(parsed.value.update, 'board', doc);
    if (!checked.ok) throw new Error(`frame refused: ${checked.error}`);
    Y.applyUpdate(doc, f.update);
  }
  return (cpuUs() - t) / frames.length - yjsOnly(frames);
}

const noStore = {
  kind: 'sqlite',
  loadDocument: async () => ({ snapshot: undefined, updates: [], lastSeq: 0 }),
  appendUpdate: (() => {
    let seq = 0;
    return async () => ++seq;
  })(),
  compact: async () => undefined,
  touchBoard: async () => undefined,
} as unknown as Storage;

async function ours(frames: Frames, store: 'none' | 'sqlite'): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-relaypath-'));
  const boardId = `bench-board-${Math.random().toString(36).slice(2)}`;
  let storage: Storage = noStore;
  let sqlite: SqliteStorage | undefined;
  try {
    if (store === 'sqlite') {
      sqlite = new SqliteStorage({ dataDir: dir });
      const hash = Buffer.alloc(32);
      await sqlite.createBoard(
        { id: boardId, title: 'bench', template: 'blank', createdAt: new Date(), tokenHashes: { owner: hash, edit: hash, view: hash } },
        Y.encodeStateAsUpdate(new Y.Doc()),
      );
      storage = sqlite;
    }
    const room = new Room({
      boardId,
      kind: 'board',
      store: storage,
      logger: createLogger('silent'),
      metrics: createMetrics(),
      compactEveryUpdates: 500,
      compactIdleMs: 3_600_000,
    });
    await room.load();
    let sent = 0;
    // Only relayed updates are counted: the room also sends each session its step 1 once its wait ends.
    const countUpdates = (frame: Uint8Array): void => {
      if (frame[0] === 0 && frame[1] === 2) sent++;
    };
    const sessions = Array.from({ length: PARTICIPANTS }, () =>
      createSession({ socket: { send: countUpdates, close: () => undefined, bufferedAmount: 0 }, capability: 'edit', limits: DEFAULT_SESSION_LIMITS, clock: systemClock }),
    );
    for (const s of sessions) room.connect(s);
    sent = 0;
    const t = cpuUs();
    for (const f of frames) {
      room.handleMessage(sessions[f.writer] as (typeof sessions)[number], f.frame);
      // As over a socket: each frame's store-then-relay runs before the next frame arrives.
      await room.pipeline.flush();
    }
    const us = (cpuUs() - t) / frames.length;
    if (sent !== frames.length * (PARTICIPANTS - 1)) throw new Error(`ours relayed ${sent} frames, expected ${frames.length * (PARTICIPANTS - 1)}`);
    await room.destroy();
    return us;
  } finally {
    await sqlite?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

class FakeConn extends EventEmitter {
  readyState = 1;
  binaryType = 'arraybuffer';
  sent = 0;
  send(_m: Uint8Array, _opts: unknown, _cb?: (err?: Error) => void): void {
    this.sent++;
  }
  close(): void {
    this.readyState = 3;
  }
  ping(): void {}
}

function reference(frames: Frames): number {
  const docName = `bench-${Math.random().toString(36).slice(2)}`;
  const conns = Array.from({ length: PARTICIPANTS }, () => new FakeConn());
  for (const c of conns) setupWSConnection(c as never, { url: `/${docName}` } as never, { docName });
  const t = cpuUs();
  for (const f of frames) {
    // ws hands the reference an ArrayBuffer of its own (binaryType 'arraybuffer').
    (conns[f.writer] as FakeConn).emit('message', f.frame.slice().buffer);
  }
  const us = (cpuUs() - t) / frames.length;
  for (const c of conns) c.emit('close');
  // Without persistence the reference keeps every document (and its awareness timer) forever.
  referenceDocs.get(docName)?.destroy();
  referenceDocs.delete(docName);
  return us;
}

/** CLI entry. */
async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 4000);
  const reps = Number(process.argv[3] ?? 5);
  PARTICIPANTS = Number(process.argv[4] ?? 6);
  const frames = makeFrames(n);
  const avgBytes = frames.reduce((a, f) => a + f.update.byteLength, 0) / frames.length;
  const results: Record<string, number[]> = {
    'Yjs applyUpdate alone': [],
    'fallback pre-check (checkUpdate)': [],
    'ours: Room, no-op store': [],
    'ours: Room, SQLite': [],
    'reference: setupWSConnection': [],
  };
  await ours(frames.slice(0, 500), 'sqlite'); // warm up JIT on every path
  reference(frames.slice(0, 500));
  for (let r = 0; r < reps; r++) {
    results['Yjs applyUpdate alone']?.push(yjsOnly(frames));
    results['fallback pre-check (checkUpdate)']?.push(checkOnly(frames));
    results['ours: Room, no-op store']?.push(await ours(frames, 'none'));
    results['ours: Room, SQLite']?.push(await ours(frames, 'sqlite'));
    results['reference: setupWSConnection']?.push(reference(frames));
  }
  process.stdout.write(`${n} updates of ${avgBytes.toFixed(0)} B (tldraw-sized records), ${PARTICIPANTS} participants (writers: all), median of ${reps} reps, µs CPU per update:\n`);
  for (const [name, v] of Object.entries(results)) {
    process.stdout.write(`  ${median(v).toFixed(1).padStart(7)}  (${v.map((x) => x.toFixed(0)).join(' ')})  ${name}\n`);
  }
}

void main();
