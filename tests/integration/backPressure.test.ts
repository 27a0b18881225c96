import fs from 'node:fs';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { buildServerForChild, startChildServer, type ChildServer } from '../helpers/childServer.ts';
import { connectClient, putRecord, shapeRecord, type TestClient } from '../helpers/clients.ts';
import { awarenessFrame, encodeAwareness, syncStep1Frame } from '../helpers/frames.ts';
import { api } from '../helpers/http.ts';
import { boardWsUrl, RawClient } from '../helpers/rawSocket.ts';
import { removeDir, tempDir } from '../helpers/server.ts';
import { StalledSocket } from '../helpers/stalledSocket.ts';
import { waitUntil } from '../helpers/wait.ts';

/** Resident memory of a process, in MB. */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

/** The p-quantile of a sample. */
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

type Created = { id: string; tokens: { owner: string; edit: string; view: string } };

// SPEC R10. The server runs in a child process so its memory can be measured alone.
describe('a socket that does not read cannot grow the server (SPEC R10)', () => {
  let child: { entry: string; remove: () => void };
  let server: ChildServer;
  let dataDir: string;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    child = buildServerForChild();
    dataDir = tempDir();
    server = await startChildServer(child.entry, { DATA_DIR: dataDir, SESSION_MAX_BUFFERED_BYTES: String(1024 * 1024) });
  }, 120_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.kill('SIGTERM');
    child.remove();
    removeDir(dataDir);
  });

  const serverMetrics = async () =>
    ((await api(server.baseUrl, 'GET', '/api/health')).body as { sessions: { slowConsumers: number; droppedStep1: number } }).sessions;
  const create = async (template?: string): Promise<Created> => (await api(server.baseUrl, 'POST', '/api/boards', { json: template ? { template } : {} })).body as Created;

  it('a view link hammering sync step 1 for 10 s without reading: memory stays flat, the flood is not answered, another board gets every edit', async () => {
    // A board of ~100 KB.
    const big = await create('exercise-1');
    const filler = connectClient(server.wsUrl, big.id, big.tokens.edit);
    clients.push(filler);
    await filler.synced;
    for (let i = 0; i < 150; i++) putRecord(filler.doc, shapeRecord(`fill-${i}`, { x: i * 10, props: { text: `記録 ${i} ${'あ'.repeat(150)}` } }));
    const probe = await RawClient.open(boardWsUrl(server.wsUrl, big.id, big.tokens.view));
    const bytes = (await probe.sync()).byteLength;
    await probe.close();
    expect(bytes).toBeGreaterThan(90_000);

    // Another board, edited by one participant and watched by another, the whole time.
    const other = await create();
    const writer = connectClient(server.wsUrl, other.id, other.tokens.edit);
    const watcher = connectClient(server.wsUrl, other.id, other.tokens.view);
    clients.push(writer, watcher);
    await Promise.all([writer.synced, watcher.synced]);
    const latencies: number[] = [];
    const sentAt = new Map<string, number>();
    recordsMap(watcher.doc).observe((e) => {
      for (const key of e.keysChanged) {
        const t = sentAt.get(key);
        if (t !== undefined) latencies.push(performance.now() - t);
      }
    });

    const before = rssMb(server.proc.pid!);
    const stalled = await StalledSocket.open(boardWsUrl(server.wsUrl, big.id, big.tokens.view));
    const step1 = syncStep1Frame(new Uint8Array([0]));
    const started = Date.now();
    const end = started + 10_000;
    let n = 0;
    let peak = before;
    while (Date.now() < end) {
      // 8-byte questions whose answers are ~100 KB each: ~2,000 a second.
      for (let i = 0; i < 10; i++) stalled.send(step1);
      if (n % 40 === 0) {
        const key = `shape:lat-${n}`;
        sentAt.set(key, performance.now());
        putRecord(writer.doc, shapeRecord(`lat-${n}`, { x: n }));
        peak = Math.max(peak, rssMb(server.proc.pid!));
      }
      n++;
      await new Promise<void>((r) => setTimeout(r, 5));
    }
    await waitUntil(() => latencies.length === sentAt.size, { what: 'every edit of the other board to arrive' });
    const growth = peak - before;
    // Stated bound: 64 MB over the run (the unbounded server grew by gigabytes).
    expect(growth).toBeLessThan(64);
    // The questions beyond the session's allowance (5 at once, 30 a minute) were dropped, not
    // answered: the work the flood asks for is bounded whatever the machine's speed.
    const { droppedStep1 } = await serverMetrics();
    const seconds = (Date.now() - started) / 1000;
    expect(n * 10 - droppedStep1).toBeLessThanOrEqual(5 + Math.ceil((30 / 60) * (seconds + 1)));
    // How fast the other board stayed is a timing figure, reported here and not asserted (timing
    // targets live in the benchmarks; a loaded CI machine is not a measurement).
    console.info(`other board during the flood: p99 ${quantile(latencies, 0.99).toFixed(1)} ms over ${latencies.length} edits; ${droppedStep1} questions dropped of ${n * 10} sent`);
    const health = (await api(server.baseUrl, 'GET', '/api/health')).body as { ok: boolean };
    expect(health.ok).toBe(true);
    stalled.destroy();
  }, 60_000);

  it('closes non-reading sockets that big awareness updates pile up on, and refuses a 1 MiB state', async () => {
    const board = await create();
    const talker = await RawClient.open(boardWsUrl(server.wsUrl, board.id, board.tokens.edit));
    const stalled = await Promise.all(Array.from({ length: 10 }, () => StalledSocket.open(boardWsUrl(server.wsUrl, board.id, board.tokens.view))));
    // A 1 MiB state is over MAX_AWARENESS_BYTES: dropped, never relayed.
    talker.send(awarenessFrame(encodeAwareness([{ clientId: 9, clock: 1, state: { user: { name: 'x'.repeat(1024 * 1024), role: 'soudan', color: '#000000' } } }])));
    // 48 KB states (within the limit) at the allowed rate pile up on the ten that do not read,
    // until each holds more than SESSION_MAX_BUFFERED_BYTES (1 MiB here) and is closed.
    // Closed server-side as soon as each holds more than the limit; the client learns of it only
    // once it reads again (the kernel still holds what was sent before the drop).
    const before = await serverMetrics();
    let clock = 1;
    while ((await serverMetrics()).slowConsumers - before.slowConsumers < 10 && clock < 1500) {
      talker.send(awarenessFrame(encodeAwareness([{ clientId: 9, clock: ++clock, state: { user: { name: 'y'.repeat(48 * 1024), role: 'soudan', color: '#000000' } } }])));
      // Paced at 25 a second, within the per-session awareness rate.
      await new Promise<void>((r) => setTimeout(r, 40));
    }
    expect((await serverMetrics()).slowConsumers - before.slowConsumers).toBe(10);
    await Promise.all(stalled.map((s) => s.drainUntilClosed()));
    // The talker, who reads, is still connected.
    expect(talker.isOpen).toBe(true);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await talker.sync());
    await talker.close();
  }, 60_000);
});
