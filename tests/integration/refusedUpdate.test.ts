import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { CloseCode, type CreateBoardResponse } from '../../shared/protocol/index.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { syncUpdateFrame } from '../helpers/frames.ts';
import { gateStorage, type GatedStorage } from '../helpers/gatedStorage.ts';
import { layoutViolations, loadStoredDoc } from '../helpers/layout.ts';
import { whileConnected } from '../helpers/providerSocket.ts';
import { boardWsUrl, RawClient } from '../helpers/rawSocket.ts';
import { openTestStorage } from '../helpers/testStorage.ts';
import { removeDir, startServer, tempDir, type TestServer } from '../helpers/server.ts';
import { waitUntil } from '../helpers/wait.ts';

/**
 * SPEC R3: an update is checked on what it integrated. One that breaks the layout has already
 * touched the room's document, so the room rebuilds that document from storage, holding the
 * frames that arrive meanwhile; nobody ever sees the refused data, and what it overwrote stands.
 */
describe('a refused update that had integrated', () => {
  let srv: TestServer;
  let gate: GatedStorage;
  let board: CreateBoardResponse;
  let a: TestClient;
  let b: TestClient;
  const dataDir = tempDir();
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];

  const openRaw = async () => {
    const r = await RawClient.open(boardWsUrl(srv.wsUrl, board.id, board.tokens.edit));
    raws.push(r);
    await r.next('sync-step1');
    return r;
  };
  const connect = () => {
    const c = connectClient(srv.wsUrl, board.id, board.tokens.edit);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    gate = gateStorage(await openTestStorage(dataDir));
    srv = await startServer({ dataDir, storage: gate.storage });
    board = await srv.createBoard({ title: 'refused' });
    a = connect();
    b = connect();
    await Promise.all([a.synced, b.synced]);
    putRecord(a.doc, shapeRecord('before', { x: 1 }));
    await whileConnected(b, waitForDoc(b.doc, (d) => recordsMap(d).has('shape:before')));
  });
  afterAll(async () => {
    gate.release();
    for (const c of clients) c.destroy();
    for (const r of raws) r.ws.terminate();
    await srv.stop();
    removeDir(dataDir);
  });

  it('holds frames while the document is rebuilt, then applies them, and the overwritten record stands', async () => {
    const metrics = srv.server.metrics;
    const repairsBefore = metrics.repairs;
    const raw = await openRaw();
    // Overwrite an existing record with a nested Y.Map, made against the server's own state.
    const serverDoc = await raw.fetchDoc();
    const sv = Y.encodeStateVector(serverDoc);
    recordsMap(serverDoc).set('shape:before', new Y.Map() as never);
    const bad = Y.encodeStateAsUpdate(serverDoc, sv);

    gate.hold();
    raw.send(syncUpdateFrame(bad));
    expect((await raw.closed).code).toBe(CloseCode.MalformedMessage);
    await waitUntil(() => gate.waiting === 1, { what: 'the rebuild to wait for storage' });
    expect(metrics.repairs).toBe(repairsBefore + 1);

    // An honest edit sent during the rebuild is held, not lost.
    putRecord(a.doc, shapeRecord('during', { x: 2 }));
    // Barrier: the room holds the frame (an update is relayed only once stored, after the rebuild).
    await waitUntil(() => srv.server.registry.peek(board.id)!.pipeline.heldWork > 0, { what: 'the edit to be held' });
    expect(recordsMap(b.doc).has('shape:during')).toBe(false);
    gate.release();
    await whileConnected(b, waitForDoc(b.doc, (d) => recordsMap(d).has('shape:during')));

    const live = srv.server.registry.peek(board.id)!.pipeline.documentNow();
    expect(layoutViolations(live)).toEqual([]);
    expect((recordsMap(live).get('shape:before') as { x?: number } | undefined)?.x).toBe(1);
    expect(recordsMap(b.doc).get('shape:before')).toEqual(recordsMap(a.doc).get('shape:before'));

    // A late joiner gets everything honest and nothing of the refused update.
    const late = connect();
    await late.synced;
    await waitForDoc(late.doc, (d) => recordsMap(d).has('shape:during'));
    expect(layoutViolations(late.doc)).toEqual([]);
    expect((recordsMap(late.doc).get('shape:before') as { x?: number } | undefined)?.x).toBe(1);

    // And storage holds none of it.
    await srv.server.registry.peek(board.id)!.pipeline.flush();
    const stored = await loadStoredDoc(srv.server.storage, board.id);
    expect(layoutViolations(stored)).toEqual([]);
    expect(recordsMap(stored).has('shape:during')).toBe(true);
  });

  it('refuses an update whose items depend on data nobody sent, without relaying any of it', async () => {
    const raw = await openRaw();
    // Two edits by one client; only the second is sent, so its map entry cannot be placed.
    const doc = new Y.Doc();
    putRecord(doc, shapeRecord('orphan-1'));
    const sv = Y.encodeStateVector(doc);
    putRecord(doc, shapeRecord('orphan-1', { x: 9 }));
    const second = Y.encodeStateAsUpdate(doc, sv);
    raw.send(syncUpdateFrame(second));
    expect((await raw.closed).code).toBe(CloseCode.MalformedMessage);
    putRecord(a.doc, shapeRecord('after-orphan'));
    await whileConnected(b, waitForDoc(b.doc, (d) => recordsMap(d).has('shape:after-orphan')));
    const live = srv.server.registry.peek(board.id)!.pipeline.documentNow();
    expect(live.store.pendingStructs).toBeNull();
    expect(recordsMap(b.doc).has('shape:orphan-1')).toBe(false);
  });
});
