import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childStorageEnv, openTestStorage } from '../helpers/testStorage.ts';
import { recordsMap } from '../../shared/doc/index.ts';
import { buildServerForChild, startChildServer, type ChildServer } from '../helpers/childServer.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { loadStoredDoc } from '../helpers/layout.ts';
import { createBoardAt, removeDir, tempDir } from '../helpers/server.ts';
import { waitForSameRecords } from '../helpers/wait.ts';

const COMPACT_EVERY_UPDATES = 50;

describe('kill -9', () => {
  const dataDir = tempDir('renkei-kill-');
  let build: ReturnType<typeof buildServerForChild>;
  const children: ChildServer[] = [];
  const clients: TestClient[] = [];

  beforeAll(() => {
    build = buildServerForChild();
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const child of children) await child.kill('SIGKILL');
    build?.remove();
    removeDir(dataDir);
  });

  const start = async () => {
    const child = await startChildServer(build.entry, { ...(await childStorageEnv(dataDir)), COMPACT_EVERY_UPDATES: String(COMPACT_EVERY_UPDATES) });
    children.push(child);
    return child;
  };

  // SPEC R1, S1: an update a participant has received survives kill -9 of the server, also when
  // compactions ran between the writes (SPEC S3).
  it('keeps every relayed update through kill -9, across compactions', async () => {
    const first = await start();
    const board = await createBoardAt(first.baseUrl, { title: 'kill -9' });
    const a = connectClient(first.wsUrl, board.id, board.tokens.edit);
    const b = connectClient(first.wsUrl, board.id, board.tokens.view);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    const records = recordsMap(a.doc);
    const seenByB = (id: string, x?: number) => waitForDoc(b.doc, (d) => (x === undefined ? recordsMap(d).has(id) : recordsMap(d).get(id)?.x === x));
    let sent = 0;
    const put = (i: number, x = i) => {
      putRecord(a.doc, shapeRecord(`k${i}`, { x }));
      sent++;
    };

    // 100 in one burst: one update each, all in one tick.
    for (let i = 0; i < 100; i++) put(i);
    await seenByB('shape:k99');
    // 100 one at a time, each relayed before the next.
    for (let i = 100; i < 200; i++) {
      put(i);
      await seenByB(`shape:k${i}`);
    }
    // 100 in bursts of 10.
    for (let i = 200; i < 300; i += 10) {
      for (let j = i; j < i + 10; j++) put(j);
      await seenByB(`shape:k${i + 9}`);
    }
    // Deletions and overwrites of records written before several compactions.
    for (const i of [5, 150, 250]) {
      records.delete(`shape:k${i}`);
      sent++;
    }
    put(7, 700);
    put(120, 1200);
    // A short tail, so the last updates are stored as updates, not yet in a snapshot.
    for (let i = 300; i < 307; i++) put(i);
    expect(sent % COMPACT_EVERY_UPDATES).not.toBe(0);
    const expected = records.toJSON();
    await waitForSameRecords(b.doc, a.doc);

    // Everything has been relayed to B: kill the server at once, without any chance to flush.
    const killed = await first.kill('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    a.destroy();
    b.destroy();

    // What is on disk, read directly: compactions did run, and nothing relayed is missing.
    const disk = await openTestStorage(dataDir);
    try {
      const stored = await disk.loadDocument(board.id);
      expect(stored.snapshot).toBeDefined();
      expect(stored.updates.length).toBeLessThan(sent);
      expect(stored.updates.length).toBeLessThan(2 * COMPACT_EVERY_UPDATES);
      expect(recordsMap(await loadStoredDoc(disk, board.id)).toJSON()).toEqual(expected);
    } finally {
      await disk.close();
    }

    // A new server on the same data directory serves all of it to a fresh client.
    const second = await start();
    const c = connectClient(second.wsUrl, board.id, board.tokens.view);
    clients.push(c);
    await c.synced;
    const got = recordsMap(c.doc);
    expect(got.toJSON()).toEqual(expected);
    for (let i = 0; i < 307; i++) expect(got.has(`shape:k${i}`)).toBe(![5, 150, 250].includes(i));
    expect(got.get('shape:k7')?.x).toBe(700);
    expect(got.get('shape:k120')?.x).toBe(1200);
    await second.kill('SIGTERM');
  });
});
