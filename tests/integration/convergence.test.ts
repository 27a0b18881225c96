import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';

// SPEC R1: updates reach every other participant; a late joiner receives the whole document.
describe('convergence', () => {
  let srv: TestServer;
  const clients: TestClient[] = [];
  const connect = (boardId: string, token: string) => {
    const c = connectClient(srv.wsUrl, boardId, token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('two editors converge, both ways, and concurrent edits merge', async () => {
    const board = await srv.createBoard({ title: 'converge' });
    const a = connect(board.id, board.tokens.edit);
    const b = connect(board.id, board.tokens.owner);
    await Promise.all([a.synced, b.synced]);
    // The seeded template reaches both: the document record and the first page.
    expect(recordsMap(a.doc).has('document:document')).toBe(true);
    expect(recordsMap(b.doc).has('page:main')).toBe(true);

    putRecord(a.doc, shapeRecord('from-a'));
    await waitForDoc(b.doc, (d) => recordsMap(d).has('shape:from-a'));
    putRecord(b.doc, shapeRecord('from-b'));
    await waitForDoc(a.doc, (d) => recordsMap(d).has('shape:from-b'));

    // Concurrent writes to the same record: both sides settle on one value.
    putRecord(a.doc, shapeRecord('both', { x: 1 }));
    putRecord(b.doc, shapeRecord('both', { x: 2 }));
    await waitForDoc(a.doc, (d) => recordsMap(d).get('shape:both')?.x === recordsMap(b.doc).get('shape:both')?.x);
    await waitForDoc(b.doc, (d) => recordsMap(d).get('shape:both')?.x === recordsMap(a.doc).get('shape:both')?.x);
    expect(recordsMap(a.doc).toJSON()).toEqual(recordsMap(b.doc).toJSON());
  });

  it('a late joiner receives the whole document', async () => {
    const board = await srv.createBoard();
    const a = connect(board.id, board.tokens.edit);
    await a.synced;
    for (let i = 0; i < 200; i++) putRecord(a.doc, shapeRecord(`s${i}`, { x: i }));
    recordsMap(a.doc).delete('shape:s7');
    const b = connect(board.id, board.tokens.view);
    await b.synced;
    await waitForDoc(b.doc, (d) => recordsMap(d).size === recordsMap(a.doc).size);
    expect(recordsMap(b.doc).toJSON()).toEqual(recordsMap(a.doc).toJSON());
    expect(recordsMap(b.doc).has('shape:s7')).toBe(false);
    expect(recordsMap(b.doc).get('shape:s199')?.x).toBe(199);
  });
});
