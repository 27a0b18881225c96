import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestStorage } from '../helpers/testStorage.ts';
import { recordsMap } from '../../shared/doc/index.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { awarenessFrame, encodeAwareness, queryAwarenessFrame, syncStep1Frame, syncUpdateFrame } from '../helpers/frames.ts';
import { gateStorage, type GatedStorage } from '../helpers/gatedStorage.ts';
import { loadStoredDoc } from '../helpers/layout.ts';
import { boardWsUrl, RawClient } from '../helpers/rawSocket.ts';
import { removeDir, startServer, tempDir, type TestServer } from '../helpers/server.ts';
import { waitUntil } from '../helpers/wait.ts';

const ENV = { ROOM_IDLE_MS: '50' };

describe('room lifecycle', () => {
  let srv: TestServer;
  let gate: GatedStorage;
  const dataDir = tempDir();
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];
  const connect = (boardId: string, token: string) => {
    const c = connectClient(srv.wsUrl, boardId, token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    gate = gateStorage(await openTestStorage(dataDir));
    srv = await startServer({ dataDir, env: ENV, storage: gate.storage });
  });
  afterAll(async () => {
    gate.release();
    for (const c of clients) c.destroy();
    for (const r of raws) r.ws.terminate();
    await srv.stop();
    removeDir(dataDir);
  });

  // SPEC R6: after the last session leaves for ROOM_IDLE_MS the room stores a final snapshot and
  // is released; the next connection loads it again from storage, whole.
  it('unloads an idle room after a final snapshot and reloads it whole', async () => {
    const board = await srv.createBoard();
    const metrics = srv.server.metrics;
    const loadedBefore = metrics.roomsLoaded;
    const unloadedBefore = metrics.roomsUnloaded;
    const a = connect(board.id, board.tokens.edit);
    await a.synced;
    expect(srv.server.registry.peek(board.id)?.state).toBe('ready');
    for (let i = 0; i < 30; i++) putRecord(a.doc, shapeRecord(`r${i}`, { x: i }));
    recordsMap(a.doc).delete('shape:r0');
    const b = connect(board.id, board.tokens.view);
    await b.synced;
    await waitForDoc(b.doc, (d) => recordsMap(d).size === recordsMap(a.doc).size && !recordsMap(d).has('shape:r0'));
    const expected = recordsMap(a.doc).toJSON();
    a.destroy();
    b.destroy();

    await waitUntil(() => srv.server.registry.size === 0 && metrics.roomsUnloaded === unloadedBefore + 1, { what: 'the idle room to unload' });
    expect(srv.server.registry.peek(board.id)).toBeUndefined();
    // The final snapshot folded every update.
    expect(await srv.server.storage.countUpdates(board.id)).toBe(0);
    expect(recordsMap(await loadStoredDoc(srv.server.storage, board.id)).toJSON()).toEqual(expected);

    const c = connect(board.id, board.tokens.owner);
    await c.synced;
    expect(recordsMap(c.doc).toJSON()).toEqual(expected);
    expect(metrics.roomsLoaded).toBe(loadedBefore + 2);
  });

  // SPEC R6: a reloaded room answers a fresh joiner with the stored bytes and, since that joiner
  // holds nothing, neither asks it with a step 1 nor builds its document until an edit comes;
  // a client with a state gets its difference; a silent one still gets the server's step 1.
  it('answers a fresh joiner of a cold board from storage without building the document', async () => {
    const board = await srv.createBoard();
    const metrics = srv.server.metrics;
    const a = connect(board.id, board.tokens.edit);
    await a.synced;
    for (let i = 0; i < 20; i++) putRecord(a.doc, shapeRecord(`cold${i}`, { x: i }));
    const partial = new Y.Doc();
    const unloadedBefore = metrics.roomsUnloaded;
    const raw0 = await RawClient.open(boardWsUrl(srv.wsUrl, board.id, board.tokens.view));
    Y.applyUpdate(partial, await raw0.sync());
    raw0.ws.terminate();
    putRecord(a.doc, shapeRecord('later', { x: 99 }));
    const expected = await (async () => {
      const b = connect(board.id, board.tokens.view);
      await b.synced;
      await waitForDoc(b.doc, (d) => recordsMap(d).has('shape:later'));
      const json = recordsMap(b.doc).toJSON();
      b.destroy();
      return json;
    })();
    a.destroy();
    await waitUntil(() => srv.server.registry.peek(board.id) === undefined && metrics.roomsUnloaded > unloadedBefore, { what: 'the room to unload' });

    // A fresh joiner, as the stock provider opens: its empty step 1, then its awareness.
    const fresh = new RawClient(boardWsUrl(srv.wsUrl, board.id, board.tokens.edit), {
      onOpen: (r) => {
        r.send(syncStep1Frame(new Uint8Array([0])));
        r.send(awarenessFrame(encodeAwareness([{ clientId: 4242, clock: 1, state: {} }])));
      },
    });
    raws.push(fresh);
    const answer = await fresh.next('sync-step2');
    const got = new Y.Doc();
    Y.applyUpdate(got, answer.update);
    expect(recordsMap(got).toJSON()).toEqual(expected);
    // Its own awareness comes back (the room broadcasts to everyone); a query's answer after it is
    // a barrier: no server step 1 was sent before it and the document is still not built. That
    // none is sent after the 200 ms wait either is checked on a fake clock (tests/unit/relay).
    await fresh.next('awareness');
    fresh.send(queryAwarenessFrame());
    await fresh.next('awareness');
    expect(fresh.frames.some((f) => f.kind === 'sync-step1')).toBe(false);
    expect(srv.server.registry.peek(board.id)?.pipeline.built).toBe(false);
    // Its first edit builds the document, is applied on top of the stored one and relayed.
    const watcher = connect(board.id, board.tokens.view);
    await watcher.synced;
    const edit = new Y.Doc();
    Y.applyUpdate(edit, answer.update);
    const before = Y.encodeStateVector(edit);
    putRecord(edit, shapeRecord('fresh-edit', { x: 7 }));
    fresh.send(syncUpdateFrame(Y.encodeStateAsUpdate(edit, before)));
    await waitForDoc(watcher.doc, (d) => recordsMap(d).has('shape:fresh-edit'));
    expect(srv.server.registry.peek(board.id)?.pipeline.built).toBe(true);
    expect(recordsMap(watcher.doc).toJSON()).toEqual(recordsMap(edit).toJSON());
    watcher.destroy();
    expected['shape:fresh-edit'] = recordsMap(edit).get('shape:fresh-edit');
    fresh.ws.terminate();
    await waitUntil(() => srv.server.registry.peek(board.id) === undefined, { what: 'the room to unload again' });

    // A returning client that holds part of the board gets exactly what it lacks.
    const back = new RawClient(boardWsUrl(srv.wsUrl, board.id, board.tokens.edit), { onOpen: (r) => r.send(syncStep1Frame(Y.encodeStateVector(partial))) });
    raws.push(back);
    Y.applyUpdate(partial, (await back.next('sync-step2')).update);
    expect(recordsMap(partial).toJSON()).toEqual(expected);
    back.ws.terminate();
    await waitUntil(() => srv.server.registry.peek(board.id) === undefined, { what: 'the room to unload a third time' });

    // A client that says nothing still hears the server's step 1, and the room stays unbuilt until then.
    const silent = await RawClient.open(boardWsUrl(srv.wsUrl, board.id, board.tokens.view));
    raws.push(silent);
    await waitUntil(() => srv.server.registry.peek(board.id) !== undefined, { what: 'the room to load' });
    expect(srv.server.registry.peek(board.id)?.pipeline.built).toBe(false);
    await silent.next('sync-step1');
    expect(srv.server.registry.peek(board.id)?.pipeline.built).toBe(true);
  });

  // SPEC R6: frames that arrive while the room loads are buffered and handled in order once it is ready.
  it('handles frames sent before the room has loaded, in order', async () => {
    const board = await srv.createBoard();
    // Count the frames the registry gets for this board, to know they arrived during loading.
    const registry = srv.server.registry;
    const originalConnect = registry.connect.bind(registry);
    let received = 0;
    const spy = vi.spyOn(registry, 'connect').mockImplementation((...args) => {
      const handle = originalConnect(...args);
      if (args[0] !== board.id) return handle;
      return {
        session: handle.session,
        receive: (frame) => {
          received++;
          handle.receive(frame);
        },
        closed: () => handle.closed(),
      };
    });
    gate.hold();
    try {
      // Two dependent updates: the second overwrites a record the first created.
      const source = new Y.Doc();
      putRecord(source, shapeRecord('early', { x: 1 }));
      const firstUpdate = Y.encodeStateAsUpdate(source);
      const afterFirst = Y.encodeStateVector(source);
      putRecord(source, shapeRecord('early', { x: 2 }));
      putRecord(source, shapeRecord('early-2'));
      const secondUpdate = Y.encodeStateAsUpdate(source, afterFirst);
      const early = new RawClient(boardWsUrl(srv.wsUrl, board.id, board.tokens.edit), {
        onOpen: (r) => {
          // All sent in the open handler, while the room is held in loading.
          r.send(syncUpdateFrame(firstUpdate, 'update'));
          r.send(syncUpdateFrame(secondUpdate, 'update'));
          r.send(awarenessFrame(encodeAwareness([{ clientId: 90_001, clock: 1, state: { user: { name: 'early', role: '本人', color: '#000' } } }])));
          r.send(syncStep1Frame(new Uint8Array([0])));
        },
      });
      raws.push(early);
      await early.opened;
      await waitUntil(() => received === 4, { what: 'the four early frames to reach the registry' });
      expect(gate.waiting).toBe(1);
      expect(registry.peek(board.id)).toBeUndefined();
      gate.release();

      // The step 1 sent last is answered with a document holding both earlier updates.
      const answer = await early.next('sync-step2');
      const seen = new Y.Doc();
      Y.applyUpdate(seen, answer.update);
      expect(recordsMap(seen).get('shape:early')?.x).toBe(2);
      expect(recordsMap(seen).has('shape:early-2')).toBe(true);
      expect(early.isOpen).toBe(true);

      // A newcomer gets the early writes and is told about the early awareness state.
      const observer = await RawClient.open(boardWsUrl(srv.wsUrl, board.id, board.tokens.view));
      raws.push(observer);
      expect(recordsMap(await observer.fetchDoc()).get('shape:early')?.x).toBe(2);
      observer.send(queryAwarenessFrame());
      await observer.next('awareness', (f) => f.entries.some((e) => e.clientId === 90_001 && e.state !== null));
    } finally {
      gate.release();
      spy.mockRestore();
    }
  });

  // SPEC R6: 200 boards opened, written and left all unload; nothing stays behind.
  it('releases every room of 200 boards opened and left', async () => {
    const metrics = srv.server.metrics;
    for (const c of clients.splice(0)) c.destroy();
    for (const r of raws.splice(0)) r.ws.terminate();
    // Settled: every room ever loaded has finished unloading.
    const settled = () => srv.server.registry.size === 0 && metrics.roomsUnloaded === metrics.roomsLoaded;
    await waitUntil(settled, { what: 'earlier rooms to unload' });
    const unloadedBefore = metrics.roomsUnloaded;
    const boards: string[] = [];
    const tokens = new Map<string, string>();
    const BATCH = 20;
    for (let start = 0; start < 200; start += BATCH) {
      await Promise.all(
        Array.from({ length: BATCH }, async (_, k) => {
          const board = await srv.createBoard({ title: `b${start + k}` });
          boards.push(board.id);
          tokens.set(board.id, board.tokens.view);
          const c = connectClient(srv.wsUrl, board.id, board.tokens.edit);
          await c.synced;
          for (let i = 0; i < 20; i++) putRecord(c.doc, shapeRecord(`n${i}`, { x: i }));
          c.destroy();
        }),
      );
    }
    await waitUntil(settled, { what: '200 rooms to unload', timeoutMs: 15_000 });
    expect(metrics.roomsUnloaded - unloadedBefore).toBe(200);
    // What was written before leaving was kept: spot-check every tenth board from storage.
    for (let i = 0; i < boards.length; i += 10) {
      const stored = recordsMap(await loadStoredDoc(srv.server.storage, boards[i]!));
      for (let n = 0; n < 20; n++) expect(stored.get(`shape:n${n}`)?.x).toBe(n);
    }
  });
});
