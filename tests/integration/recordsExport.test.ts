// Records leave and enter the app as tldraw files: `.tldr` exports that tldraw itself can
// open, imports checked against the board schema, and new boards made from a record.
import path from 'node:path';
import { rawSql } from '../helpers/testStorage.ts';
import { parseTldrawJsonFile } from 'tldraw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { ApiErrorCode, CreateBoardResponseSchema, CreatedRecordSchema, type CreateBoardResponse, type CreatedRecord } from '../../shared/protocol/index.ts';
import { boardSchema } from '../../shared/schema/index.ts';
import { findTemplate } from '../../shared/templates/index.ts';
import { connectClient, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { api, apiError } from '../helpers/http.ts';
import { createBoardAt as createBoardVia, removeDir, startServer, type TestServer } from '../helpers/server.ts';
import { TEST_CONSENT } from '../helpers/consent.ts';

type Shape = StoredRecord & { type: string; props: Record<string, unknown> };
interface TldrFile {
  tldrawFileFormatVersion: number;
  schema: { schemaVersion: number; sequences: Record<string, number> };
  records: StoredRecord[];
}

const shapesOf = (records: Iterable<StoredRecord>): Map<string, Shape> =>
  new Map([...records].filter((r): r is Shape => r.typeName === 'shape').map((r) => [r.id, r]));

/** Shape id → { type, props, parentId }: what must survive a round trip. */
const essence = (records: Iterable<StoredRecord>) =>
  Object.fromEntries([...shapesOf(records)].map(([id, s]) => [id, { type: s.type, parentId: s.parentId, props: s.props }]));

describe('records as tldraw files', () => {
  let srv: TestServer;
  const clients: TestClient[] = [];
  const templateShapes = essence(findTemplate('exercise-1')!.build() as unknown as StoredRecord[]);

  const connect = (boardId: string, token: string) => {
    const c = connectClient(srv.wsUrl, boardId, token);
    clients.push(c);
    return c;
  };
  const saveRecord = async (board: CreateBoardResponse, title = '記録'): Promise<CreatedRecord> => {
    const res = await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records`, { token: board.tokens.edit, json: { title, consent: TEST_CONSENT } });
    expect(res.status).toBe(201);
    return CreatedRecordSchema.parse(res.body);
  };
  const getFile = async (p: string, token: string): Promise<{ text: string; file: TldrFile; headers: Headers }> => {
    const res = await fetch(`${srv.baseUrl}${p}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    return { text, file: JSON.parse(text) as TldrFile, headers: res.headers };
  };
  const boardCount = async () => Number((await rawSql<{ n: number | string }>(srv.dataDir, 'SELECT COUNT(*) AS n FROM boards'))[0]?.n);
  /** The records of a board as a fresh provider receives them. */
  const liveRecords = async (boardId: string, token: string): Promise<StoredRecord[]> => {
    const c = connect(boardId, token);
    await c.synced;
    return [...recordsMap(c.doc).values()];
  };
  const importFile = (json: unknown) => api(srv.baseUrl, 'POST', '/api/boards/import', { json });

  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('exports a board and a record as .tldr files that tldraw’s own parser opens with every shape', async () => {
    const board = await srv.createBoard({ template: 'exercise-1' });
    const rec = await saveRecord(board);
    for (const p of [`/api/boards/${board.id}/export.tldr`, `/api/boards/${board.id}/records/${rec.id}/export.tldr`]) {
      const { text, file, headers } = await getFile(p, board.tokens.view);
      expect(headers.get('content-disposition') ?? '').toMatch(/attachment/);
      expect(file.tldrawFileFormatVersion).toBe(1);
      const parsed = parseTldrawJsonFile({ json: text, schema: boardSchema() });
      if (!parsed.ok) throw new Error(`tldraw refused ${p}: ${JSON.stringify(parsed.error)}`);
      const store = parsed.value;
      const loaded = store.allRecords() as unknown as StoredRecord[];
      expect(essence(loaded)).toEqual(templateShapes);
      expect(loaded.some((r) => r.typeName === 'page')).toBe(true);
      expect(loaded.some((r) => r.typeName === 'document')).toBe(true);
      store.dispose();
    }
  });

  it('imports a record’s .tldr as a new board with the same shapes and its own tokens', async () => {
    const board = await srv.createBoard({ template: 'exercise-1' });
    const rec = await saveRecord(board);
    const { file } = await getFile(`/api/boards/${board.id}/records/${rec.id}/export.tldr`, board.tokens.view);
    const res = await importFile({ title: '読み込んだ記録', file });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const created = CreateBoardResponseSchema.parse(res.body);
    expect(created.id).not.toBe(board.id);
    expect(created.title).toBe('読み込んだ記録');
    for (const role of ['owner', 'edit', 'view'] as const) expect(created.tokens[role]).not.toBe(board.tokens[role]);

    const info = await api(srv.baseUrl, 'GET', `/api/boards/${created.id}`, { token: created.tokens.view });
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ id: created.id, title: '読み込んだ記録', role: 'view' });
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${created.id}`, { token: board.tokens.owner })).status).toBe(401);

    const imported = await liveRecords(created.id, created.tokens.edit);
    expect(essence(imported)).toEqual(essence(file.records));
    // And the new board exports to a file tldraw opens.
    const again = await getFile(`/api/boards/${created.id}/export.tldr`, created.tokens.view);
    expect(parseTldrawJsonFile({ json: again.text, schema: boardSchema() }).ok).toBe(true);
  });

  it('drops the session records a tldraw file may carry, and keeps the document', async () => {
    const board = await srv.createBoard({ template: 'exercise-1' });
    const { file } = await getFile(`/api/boards/${board.id}/export.tldr`, board.tokens.view);
    const withSession = { ...file, records: [...file.records, { id: 'camera:page:main', typeName: 'camera', x: 10, y: 20, z: 1, meta: {} }, { id: 'instance:instance', typeName: 'instance', junk: true }] };
    const res = await importFile({ file: withSession });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const created = CreateBoardResponseSchema.parse(res.body);
    const imported = await liveRecords(created.id, created.tokens.view);
    expect(imported.map((r) => r.typeName)).not.toContain('camera');
    expect(imported.map((r) => r.typeName)).not.toContain('instance');
    expect(essence(imported)).toEqual(templateShapes);
  });

  describe('a broken file is refused with 400 naming `file`, and no board is created', () => {
    let good: TldrFile;
    beforeAll(async () => {
      const board = await srv.createBoard({ template: 'exercise-1' });
      good = (await getFile(`/api/boards/${board.id}/export.tldr`, board.tokens.view)).file;
    });
    const firstOf = (file: TldrFile, type: string) => file.records.findIndex((r) => r.typeName === 'shape' && (r as Shape).type === type);

    const cases: [string, (f: TldrFile) => unknown][] = [
      ['a record without an id', (f) => ({ ...f, records: [...f.records, { typeName: 'shape', type: 'geo', props: {} }] })],
      ['a record without a typeName', (f) => ({ ...f, records: [...f.records, { id: 'shape:no-type' }] })],
      [
        'a service card failing validation',
        (f) => {
          const i = firstOf(f, 'rb-service');
          const card = f.records[i] as Shape;
          f.records[i] = { ...card, props: { ...card.props, status: 'bogus' } };
          return f;
        },
      ],
      [
        'a tldraw shape failing validation',
        (f) => {
          const i = firstOf(f, 'geo');
          const geo = f.records[i] as Shape;
          f.records[i] = { ...geo, props: { ...geo.props, w: 'wide' } };
          return f;
        },
      ],
      [
        'a newer schema version of one of our shapes',
        (f) => ({ ...f, schema: { ...f.schema, sequences: { ...f.schema.sequences, 'com.tldraw.shape.rb-service': (f.schema.sequences['com.tldraw.shape.rb-service'] ?? 0) + 1 } } }),
      ],
      [
        'a newer tldraw store version',
        (f) => ({ ...f, schema: { ...f.schema, sequences: { ...f.schema.sequences, 'com.tldraw.store': (f.schema.sequences['com.tldraw.store'] ?? 0) + 1 } } }),
      ],
      ['a file without a page', (f) => ({ ...f, records: f.records.filter((r) => r.typeName === 'document') })],
      ['no records at all', (f) => ({ tldrawFileFormatVersion: f.tldrawFileFormatVersion, schema: f.schema })],
      ['not an object', () => 'a tldraw file'],
    ];
    for (const [name, breakIt] of cases) {
      it(name, async () => {
        expect(good.records.length).toBeGreaterThan(10);
        const before = await boardCount();
        const res = await importFile({ title: '壊れたファイル', file: breakIt(structuredClone(good)) });
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        const e = apiError(res.body);
        expect(e?.code).toBe(ApiErrorCode.BadRequest);
        expect(e?.field ?? '').toMatch(/^file\b/);
        expect(e?.message.length).toBeGreaterThan(0);
        expect(await boardCount()).toBe(before);
      });
    }
  });

  // server/boards/importTldr.ts has a message for this ("the file was made by a newer version of
  // the app") but keys it on MigrationFailureReason 'target-version-too-old', which
  // StoreSchema.migrateStoreSnapshot never returns for a newer sequence: it logs "Incompatible
  // schema?" and returns 'migration-error', so the user reads "cannot be migrated (migration-error)".
  it('tells the user a file from a newer version is from a newer version', async () => {
    const board = await srv.createBoard({ template: 'exercise-1' });
    const { file } = await getFile(`/api/boards/${board.id}/export.tldr`, board.tokens.view);
    const newer = { ...file, schema: { ...file.schema, sequences: { ...file.schema.sequences, 'com.tldraw.shape.rb-plan': (file.schema.sequences['com.tldraw.shape.rb-plan'] ?? 0) + 1 } } };
    const res = await importFile({ file: newer });
    expect(res.status).toBe(400);
    expect(apiError(res.body)?.field).toBe('file');
    expect(apiError(res.body)?.message).toMatch(/newer/i);
  });

  it('asks for the creation token on import when the server has one, like board creation', async () => {
    const createToken = 'c'.repeat(32);
    const guarded = await startServer({ env: { CREATE_TOKEN: createToken } });
    try {
      const board = await createBoardVia(guarded.baseUrl, { template: 'exercise-1' }, createToken);
      const file = (await (await fetch(`${guarded.baseUrl}/api/boards/${board.id}/export.tldr`, { headers: { authorization: `Bearer ${board.tokens.view}` } })).json()) as TldrFile;
      const anonymous = await api(guarded.baseUrl, 'POST', '/api/boards/import', { json: { file } });
      expect(anonymous.status).toBe(401);
      expect((await api(guarded.baseUrl, 'POST', '/api/boards/import', { token: 'w'.repeat(32), json: { file } })).status).toBe(403);
      const allowed = await api(guarded.baseUrl, 'POST', '/api/boards/import', { token: createToken, json: { file } });
      expect(allowed.status).toBe(201);
    } finally {
      await guarded.stop();
      removeDir(guarded.dataDir);
    }
  });

  it('makes a new board from a record: the record’s shapes, not later edits, and fresh tokens', async () => {
    const board = await srv.createBoard({ template: 'exercise-1' });
    const rec = await saveRecord(board, '第2回');
    const c = connect(board.id, board.tokens.edit);
    await c.synced;
    const card = [...shapesOf(recordsMap(c.doc).values()).values()].find((s) => s.type === 'rb-service')!;
    recordsMap(c.doc).set(card.id, { ...card, props: { ...card.props, service: '記録の後の変更' } });
    recordsMap(c.doc).set('shape:after-record', { ...card, id: 'shape:after-record' });
    await waitForDoc(srv.server.registry.peek(board.id)!.pipeline.documentNow(), (d) => recordsMap(d).has('shape:after-record'));

    expect((await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records/${rec.id}/boards`, { token: board.tokens.view, json: {} })).status).toBe(403);
    expect((await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records/${rec.id}/boards`, { json: {} })).status).toBe(401);
    const tooLong = await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records/${rec.id}/boards`, { token: board.tokens.edit, json: { title: 'x'.repeat(201) } });
    expect(tooLong.status).toBe(400);
    expect(apiError(tooLong.body)?.field).toBe('title');

    const res = await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records/${rec.id}/boards`, { token: board.tokens.edit, json: {} });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const fork = CreateBoardResponseSchema.parse(res.body);
    expect(fork.id).not.toBe(board.id);
    expect(fork.title).toContain('第2回');
    for (const role of ['owner', 'edit', 'view'] as const) {
      expect(fork.tokens[role]).not.toBe(board.tokens[role]);
      expect(fork.links[role]).toContain(`/b/${fork.id}#t=`);
    }
    expect(new Set(Object.values(fork.tokens)).size).toBe(3);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${fork.id}`, { token: board.tokens.owner })).status).toBe(401);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${fork.id}`, { token: fork.tokens.owner })).body).toMatchObject({ role: 'owner' });

    const forked = await liveRecords(fork.id, fork.tokens.view);
    expect(essence(forked)).toEqual(templateShapes);
    // The original board keeps its later edits and its records; the fork starts with none.
    expect(shapesOf(recordsMap(c.doc).values()).has('shape:after-record')).toBe(true);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${fork.id}/records`, { token: fork.tokens.view })).body).toEqual([]);

    const titled = await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records/${rec.id}/boards`, { token: board.tokens.owner, json: { title: '次の会議' } });
    expect(titled.status).toBe(201);
    expect(CreateBoardResponseSchema.parse(titled.body).title).toBe('次の会議');
  });
});
