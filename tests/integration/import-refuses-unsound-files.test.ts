// docs/SPEC.md D5: a .tldr import is checked as the relay checks updates (every record valid,
// none its own parent) and, being one author's file rather than a merge, refuses outright what
// the relay repairs (parent cycles, dangling parents and bindings). Deep nesting is a 400, and a
// large file is parsed off the event loop.
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../shared/doc/index.ts';
import { recordsMap } from '../../shared/doc/index.ts';
import { FIRST_PAGE_ID } from '../../shared/templates/index.ts';
import { connectClient, geoProps, putRecord, shapeRecord, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { api, apiError } from '../helpers/http.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';

interface TldrFile {
  tldrawFileFormatVersion: number;
  schema: unknown;
  records: StoredRecord[];
}

describe('.tldr import refuses unsound files (D5)', () => {
  let srv: TestServer;
  let good: TldrFile;
  const clients: TestClient[] = [];

  const importFile = (file: unknown, title = '読み込み') => api(srv.baseUrl, 'POST', '/api/boards/import', { json: { title, file } });
  const withRecords = (...extra: StoredRecord[]): TldrFile => ({ ...good, records: [...good.records, ...extra] });
  const onPage = (id: string, over: Record<string, unknown> = {}) => shapeRecord(id, { parentId: FIRST_PAGE_ID, ...over });

  beforeAll(async () => {
    srv = await startServer();
    const board = await srv.createBoard({ template: 'exercise-1' });
    const res = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/export.tldr`, { token: board.tokens.view });
    good = res.body as TldrFile;
    expect((await importFile(good)).status).toBe(201);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv?.stop();
    if (srv) removeDir(srv.dataDir);
  });

  async function expectRefused(file: unknown, ...named: string[]): Promise<void> {
    const res = await importFile(file);
    expect(res.status).toBe(400);
    const error = apiError(res.body);
    expect(error?.field).toBe('file');
    for (const n of named) expect(error?.message).toContain(n);
  }

  it('refuses a shape that is its own parent, naming it', async () => {
    await expectRefused(withRecords(onPage('self', { parentId: 'shape:self' })), 'shape:self', 'own parent');
  });

  it('refuses a parent cycle, naming a member', async () => {
    await expectRefused(withRecords(onPage('ring-a', { parentId: 'shape:ring-b' }), onPage('ring-b', { parentId: 'shape:ring-a' })), 'shape:ring-a', 'cycle');
  });

  it('refuses a shape whose parent is not in the file, naming both', async () => {
    await expectRefused(withRecords(onPage('lost', { parentId: 'shape:nowhere' })), 'shape:lost', 'shape:nowhere');
  });

  it('refuses a binding to a shape that is not in the file', async () => {
    const binding = { id: 'binding:b', typeName: 'binding', type: 'arrow', fromId: 'shape:gone-1', toId: 'shape:gone-2', meta: {}, props: { terminal: 'end', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' } };
    await expectRefused(withRecords(binding), 'binding:b');
  });

  it('refuses a record with props outside its schema, naming it', async () => {
    await expectRefused(withRecords(onPage('bad', { props: geoProps('x', { geo: 'bogus' }) })), 'shape:bad');
  });

  it('answers 400 to deeply nested JSON, and the server goes on serving', async () => {
    const depth = 200_000;
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const body = `{"title":"深い","file":{"tldrawFileFormatVersion":1,"schema":{},"records":[{"id":"shape:deep","typeName":"shape","meta":${nested}}]}}`;
    const res = await api(srv.baseUrl, 'POST', '/api/boards/import', { rawBody: body });
    expect(res.status).toBe(400);
    expect(apiError(res.body)).toMatchObject({ field: 'file', message: expect.stringContaining('nests deeper') });
    // Brackets inside strings are text, not nesting.
    const text = withRecords(onPage('brackets', { props: geoProps('['.repeat(1000)) }));
    expect((await importFile(text)).status).toBe(201);
    expect((await api(srv.baseUrl, 'GET', '/api/health')).status).toBe(200);
  });

  it('still answers 413 over MAX_IMPORT_BYTES and 400 naming the body for a body that is not JSON', async () => {
    const small = await startServer({ env: { MAX_IMPORT_BYTES: '2048' } });
    try {
      const big = await api(small.baseUrl, 'POST', '/api/boards/import', { json: { file: { ...good, records: good.records.slice(0, 50) } } });
      expect(big.status).toBe(413);
      const notJson = await api(small.baseUrl, 'POST', '/api/boards/import', { rawBody: '{"file": ' });
      expect(notJson.status).toBe(400);
      expect(apiError(notJson.body)?.field).toBe('body');
      const text = await fetch(`${small.baseUrl}/api/boards/import`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
      expect(text.status).toBe(400);
    } finally {
      await small.stop();
      removeDir(small.dataDir);
    }
  });

  it('parses a large import off the event loop: another board’s round trip completes meanwhile, and the import succeeds', async () => {
    const shapes: StoredRecord[] = [];
    const words = 'サービス担当者会議で話し合ったことを記録します。'.repeat(30);
    for (let i = 0; i < 20_000; i++) shapes.push(onPage(`big-${i}`, { x: i, props: geoProps(`${i} ${words}`) }));
    const big = withRecords(...shapes);
    const body = JSON.stringify({ title: '大きなボード', file: big });
    expect(body.length).toBeGreaterThan(10_000_000);

    const other = await srv.createBoard({ title: '別のボード' });
    const a = connectClient(srv.wsUrl, other.id, other.tokens.edit);
    const b = connectClient(srv.wsUrl, other.id, other.tokens.edit);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);

    const order: string[] = [];
    const parsing = once(srv.server.imports, 'parsing');
    const imported = api(srv.baseUrl, 'POST', '/api/boards/import', { rawBody: body }).then((res) => {
      order.push('import answered');
      return res;
    });
    await parsing;
    order.push('import parsing');
    putRecord(a.doc, shapeRecord('meanwhile', { parentId: 'page:main' }));
    await waitForDoc(b.doc, (d) => recordsMap(d).has('shape:meanwhile'));
    order.push('other board round trip');

    const res = await imported;
    expect(order).toEqual(['import parsing', 'other board round trip', 'import answered']);
    expect(res.status).toBe(201);
    const created = res.body as { id: string; tokens: { view: string } };
    const exported = await api(srv.baseUrl, 'GET', `/api/boards/${created.id}/export.tldr`, { token: created.tokens.view });
    const ids = new Set((exported.body as TldrFile).records.map((r) => r.id));
    expect(ids.has('shape:big-0') && ids.has('shape:big-19999')).toBe(true);
  }, 120_000);
});
