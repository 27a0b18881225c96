import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { awarenessFrame, encodeAwareness, syncUpdateFrame } from '../helpers/frames.ts';
import { providerBarrier, whileConnected } from '../helpers/providerSocket.ts';
import { boardWsUrl, RawClient } from '../helpers/rawSocket.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';
import { waitForAwareness } from '../helpers/wait.ts';

/** A Yjs update that adds one record, made on a scratch document. */
function recordUpdate(id: string): Uint8Array {
  const doc = new Y.Doc();
  putRecord(doc, shapeRecord(id));
  return Y.encodeStateAsUpdate(doc);
}

describe('view role', () => {
  let srv: TestServer;
  let dataDir: string;
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];
  const connect = (boardId: string, token: string) => {
    const c = connectClient(srv.wsUrl, boardId, token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    srv = await startServer();
    dataDir = srv.dataDir;
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const r of raws) r.ws.terminate();
    await srv.stop();
    removeDir(dataDir);
  });

  // SPEC R4: a view session receives every edit live, and its own document changes are
  // dropped and counted: never applied, relayed or stored (checked across a restart).
  it('receives edits live, and its own edits reach nobody and nothing', async () => {
    const board = await srv.createBoard();
    const editor = connect(board.id, board.tokens.edit);
    const viewer = connect(board.id, board.tokens.view);
    const other = connect(board.id, board.tokens.owner);
    await Promise.all([editor.synced, viewer.synced, other.synced]);

    putRecord(editor.doc, shapeRecord('live', { x: 10 }));
    await waitForDoc(viewer.doc, (d) => recordsMap(d).get('shape:live')?.x === 10);
    putRecord(editor.doc, shapeRecord('live', { x: 20 }));
    await waitForDoc(viewer.doc, (d) => recordsMap(d).get('shape:live')?.x === 20);

    // The provider's own step 2 of the handshake is a (dropped) write too: let it land first.
    await providerBarrier(viewer);
    const droppedBefore = srv.server.metrics.droppedViewWrites;
    putRecord(viewer.doc, shapeRecord('from-view'));
    recordsMap(viewer.doc).delete('shape:live');
    await providerBarrier(viewer);
    // Two local transactions, two update frames, both dropped.
    expect(srv.server.metrics.droppedViewWrites - droppedBefore).toBe(2);

    // Anything the server had applied would have been relayed before this later edit.
    putRecord(editor.doc, shapeRecord('after-view'));
    await waitForDoc(other.doc, (d) => recordsMap(d).has('shape:after-view'));
    await waitForDoc(viewer.doc, (d) => recordsMap(d).has('shape:after-view'));
    expect(recordsMap(other.doc).has('shape:from-view')).toBe(false);
    expect(recordsMap(other.doc).has('shape:live')).toBe(true);
    expect(recordsMap(editor.doc).has('shape:from-view')).toBe(false);
    expect(recordsMap(srv.server.registry.peek(board.id)!.pipeline.documentNow()).has('shape:from-view')).toBe(false);

    // Stored state: restart on the same data directory and look again.
    for (const c of [editor, viewer, other]) c.provider.disconnect();
    await srv.stop();
    srv = await startServer({ dataDir });
    const fresh = connect(board.id, board.tokens.view);
    await fresh.synced;
    const records = recordsMap(fresh.doc);
    expect(records.has('shape:after-view')).toBe(true);
    expect(records.get('shape:live')?.x).toBe(20);
    expect(records.has('shape:from-view')).toBe(false);
  });

  // SPEC R4: sync step 2 and update frames on a raw view socket are dropped, and the socket stays open.
  it('drops sync step 2 and update frames from a raw view socket without closing it', async () => {
    const board = await srv.createBoard();
    const watcher = connect(board.id, board.tokens.edit);
    await watcher.synced;
    const view = await RawClient.open(boardWsUrl(srv.wsUrl, board.id, board.tokens.view));
    raws.push(view);
    const droppedBefore = srv.server.metrics.droppedViewWrites;
    view.send(syncUpdateFrame(recordUpdate('raw-step2'), 'step2'));
    view.send(syncUpdateFrame(recordUpdate('raw-update'), 'update'));
    const serverDoc = new Y.Doc();
    Y.applyUpdate(serverDoc, await view.sync());
    expect(srv.server.metrics.droppedViewWrites - droppedBefore).toBe(2);
    expect(view.isOpen).toBe(true);
    expect(recordsMap(serverDoc).has('shape:raw-step2')).toBe(false);
    expect(recordsMap(serverDoc).has('shape:raw-update')).toBe(false);
    expect(view.frames.some((f) => f.kind === 'sync-update')).toBe(false);

    // The watcher only ever gets the later, legitimate edit.
    const editor = connect(board.id, board.tokens.edit);
    await editor.synced;
    putRecord(editor.doc, shapeRecord('legit'));
    await waitForDoc(watcher.doc, (d) => recordsMap(d).has('shape:legit'));
    expect(recordsMap(watcher.doc).has('shape:raw-step2')).toBe(false);
    expect(recordsMap(watcher.doc).has('shape:raw-update')).toBe(false);
    // And the view socket receives that edit live.
    const relayed = await view.next('sync-update');
    const check = new Y.Doc();
    Y.applyUpdate(check, Y.encodeStateAsUpdate(serverDoc));
    Y.applyUpdate(check, relayed.update);
    expect(recordsMap(check).has('shape:legit')).toBe(true);
  });

  // SPEC R4: a view session may send awareness, and the others see it.
  it('relays a view session’s awareness', async () => {
    const board = await srv.createBoard();
    const viewer = connect(board.id, board.tokens.view);
    const editor = connect(board.id, board.tokens.edit);
    await Promise.all([viewer.synced, editor.synced]);
    const user = { name: '鈴木 一郎', role: '介護支援専門員', color: '#9c36b5' };
    viewer.provider.awareness.setLocalStateField('user', user);
    await whileConnected(
      editor,
      waitForAwareness(editor.provider.awareness, (s) => JSON.stringify(s.get(viewer.doc.clientID)?.user) === JSON.stringify(user)),
    );

    // A raw view socket's awareness frame is relayed as well, and does not close it.
    const rawView = await RawClient.open(boardWsUrl(srv.wsUrl, board.id, board.tokens.view));
    raws.push(rawView);
    rawView.send(awarenessFrame(encodeAwareness([{ clientId: 515_151, clock: 1, state: { user: { name: '家族', role: '家族', color: '#f08c00' } } }])));
    await whileConnected(editor, waitForAwareness(editor.provider.awareness, (s) => s.has(515_151)));
    expect(rawView.isOpen).toBe(true);
  });
});
