import { afterAll, describe, expect, it } from 'vitest';
import { metaMap, recordsMap } from '../../shared/doc/index.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { api } from '../helpers/http.ts';
import { removeDir, startServer, tempDir, type TestServer } from '../helpers/server.ts';

// Few updates per compaction, so the stored state is a snapshot plus a tail of updates.
const ENV = { COMPACT_EVERY_UPDATES: '7' };

describe('restart', () => {
  const dataDir = tempDir();
  let srv: TestServer | undefined;
  const clients: TestClient[] = [];
  const connect = (s: TestServer, boardId: string, token: string) => {
    const c = connectClient(s.wsUrl, boardId, token);
    clients.push(c);
    return c;
  };

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv?.stop();
    removeDir(dataDir);
  });

  // SPEC S2: a new server on the same data directory loads every board as it was, deletions included.
  it('keeps documents, deletions, board info and tokens across a restart', async () => {
    srv = await startServer({ dataDir, env: ENV });
    const board = await srv.createBoard({ title: '再起動テスト', template: 'exercise-2' });
    const untouched = await srv.createBoard({ title: '手つかず' });
    const a = connect(srv, board.id, board.tokens.edit);
    const b = connect(srv, board.id, board.tokens.owner);
    await Promise.all([a.synced, b.synced]);
    const seeded = Object.keys(recordsMap(a.doc).toJSON()).length;
    expect(seeded).toBeGreaterThan(0);

    for (let i = 0; i < 25; i++) putRecord(a.doc, shapeRecord(`a${i}`, { x: i }));
    for (let i = 0; i < 5; i++) putRecord(b.doc, shapeRecord(`b${i}`, { y: i }));
    await waitForDoc(b.doc, (d) => recordsMap(d).has('shape:a24'));
    await waitForDoc(a.doc, (d) => recordsMap(d).has('shape:b4'));
    recordsMap(a.doc).delete('shape:a3');
    recordsMap(a.doc).delete('shape:b1');
    recordsMap(b.doc).delete('page:main');
    putRecord(b.doc, shapeRecord('a5', { x: 500 }));
    recordsMap(a.doc).set('shape:a6', shapeRecord('a6', { x: 600 }));
    recordsMap(a.doc).delete('shape:a6');
    putRecord(a.doc, shapeRecord('last'));
    await waitForDoc(b.doc, (d) => recordsMap(d).has('shape:last') && !recordsMap(d).has('shape:a6'));
    await waitForDoc(a.doc, (d) => recordsMap(d).get('shape:a5')?.x === 500 && !recordsMap(d).has('page:main'));
    const expected = recordsMap(a.doc).toJSON();
    expect(recordsMap(b.doc).toJSON()).toEqual(expected);
    const infoBefore = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: board.tokens.view });

    for (const c of [a, b]) c.provider.disconnect();
    await srv.stop();
    srv = await startServer({ dataDir, env: ENV });

    const fresh = connect(srv, board.id, board.tokens.view);
    await fresh.synced;
    expect(recordsMap(fresh.doc).toJSON()).toEqual(expected);
    for (const gone of ['shape:a3', 'shape:b1', 'shape:a6', 'page:main']) expect(recordsMap(fresh.doc).has(gone)).toBe(false);
    expect(recordsMap(fresh.doc).get('shape:a5')?.x).toBe(500);
    expect(metaMap(fresh.doc).get('title')).toBe('再起動テスト');
    expect(metaMap(fresh.doc).get('template')).toBe('exercise-2');
    expect(metaMap(fresh.doc).get('schema')).toBeTruthy();

    // Board info and all three tokens still work, on HTTP and WebSocket.
    for (const role of ['owner', 'edit', 'view'] as const) {
      const info = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: board.tokens[role] });
      expect(info.status).toBe(200);
      expect(info.body).toMatchObject({ id: board.id, title: '再起動テスト', template: 'exercise-2', role, createdAt: (infoBefore.body as { createdAt: string }).createdAt });
    }
    const editor = connect(srv, board.id, board.tokens.edit);
    await editor.synced;
    putRecord(editor.doc, shapeRecord('after-restart'));
    await waitForDoc(fresh.doc, (d) => recordsMap(d).has('shape:after-restart'));

    // A board nobody opened is still there, with its seeded records.
    const other = connect(srv, untouched.id, untouched.tokens.owner);
    await other.synced;
    expect(recordsMap(other.doc).has('page:main')).toBe(true);
    expect(metaMap(other.doc).get('title')).toBe('手つかず');

    // And a second restart keeps the edit made after the first.
    for (const c of [fresh, editor, other]) c.provider.disconnect();
    await srv.stop();
    srv = await startServer({ dataDir, env: ENV });
    const third = connect(srv, board.id, board.tokens.owner);
    await third.synced;
    expect(recordsMap(third.doc).toJSON()).toEqual({ ...expected, 'shape:after-restart': recordsMap(editor.doc).get('shape:after-restart') });
  });
});
