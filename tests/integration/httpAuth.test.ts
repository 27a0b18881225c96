import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { ApiErrorCode, type CreateBoardResponse } from '../../shared/protocol/index.ts';
import { connectClient, putRecord, shapeRecord, type TestClient } from '../helpers/clients.ts';
import { api, apiError } from '../helpers/http.ts';
import { providerBarrier } from '../helpers/providerSocket.ts';
import { boardWsUrl, RawClient, tryUpgrade } from '../helpers/rawSocket.ts';
import { createBoardAt, removeDir, startServer, type TestServer } from '../helpers/server.ts';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
/** Well-formed ids and tokens that no board has. */
const UNKNOWN_BOARD = 'AAAAAAAAAAAAAAAAAAAAAA';
const WRONG_TOKEN = 'x'.repeat(43);

/** Expect an error answer of the contract's shape with this status and code. */
function expectError(answer: { status: number; body: unknown }, status: number, code: string): void {
  expect(answer.status).toBe(status);
  const e = apiError(answer.body);
  expect(e, `error body of ${status}: ${JSON.stringify(answer.body)}`).toBeDefined();
  expect(e?.code).toBe(code);
  expect(e?.message.length).toBeGreaterThan(0);
}

describe('HTTP and upgrade authorization', () => {
  let srv: TestServer;
  let board: CreateBoardResponse;
  const servers: TestServer[] = [];
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];

  beforeAll(async () => {
    srv = await startServer();
    servers.push(srv);
    board = await srv.createBoard({ title: 'auth' });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const r of raws) r.ws.terminate();
    for (const s of servers) {
      await s.stop();
      removeDir(s.dataDir);
    }
  });

  /** The board API routes, each with the weakest role it accepts. */
  const routes = [
    { method: 'GET', path: (id: string) => `/api/boards/${id}`, weakest: 'view' },
    { method: 'GET', path: (id: string) => `/api/boards/${id}/export.tldr`, weakest: 'view' },
    { method: 'POST', path: (id: string) => `/api/boards/${id}/links/rotate`, weakest: 'owner' },
  ] as const;

  for (const route of routes) {
    // SPEC R2 and the contract: unknown board 404, missing or wrong token 401, too low a role 403.
    it(`${route.method} ${route.path(':id')}: 404 / 401 / 403 with the error shape`, async () => {
      const call = (id: string, token?: string) =>
        api(srv.baseUrl, route.method, route.path(id), { ...(token !== undefined ? { token } : {}), ...(route.method === 'POST' ? { json: {} } : {}) });
      expectError(await call(UNKNOWN_BOARD, board.tokens.owner), 404, ApiErrorCode.NotFound);
      expectError(await call('bad!id', board.tokens.owner), 404, ApiErrorCode.NotFound);
      expectError(await call(board.id), 401, ApiErrorCode.Unauthorized);
      expectError(await call(board.id, WRONG_TOKEN), 401, ApiErrorCode.Unauthorized);
      // Another board's valid token is a wrong token here.
      const other = await srv.createBoard();
      expectError(await call(board.id, other.tokens.owner), 401, ApiErrorCode.Unauthorized);
      if (route.weakest === 'owner') {
        expectError(await call(board.id, board.tokens.edit), 403, ApiErrorCode.Forbidden);
        expectError(await call(board.id, board.tokens.view), 403, ApiErrorCode.Forbidden);
      } else {
        for (const role of ['owner', 'edit', 'view'] as const) expect((await call(board.id, board.tokens[role])).status).toBe(200);
      }
    });
  }

  // Contract: GET /api/boards/:id answers with the role of the token used.
  it('GET /api/boards/:id tells each token its role', async () => {
    for (const role of ['owner', 'edit', 'view'] as const) {
      const res = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: board.tokens[role] });
      expect(res.body).toMatchObject({ id: board.id, title: 'auth', template: 'blank', role });
    }
  });

  // Contract: malformed JSON or a field out of range is a 400 naming the field.
  it('POST /api/boards validates its body', async () => {
    const malformed = await api(srv.baseUrl, 'POST', '/api/boards', { rawBody: '{"title": "unterminated' });
    expectError(malformed, 400, ApiErrorCode.BadRequest);

    const long = await api(srv.baseUrl, 'POST', '/api/boards', { json: { title: 'あ'.repeat(201) } });
    expectError(long, 400, ApiErrorCode.BadRequest);
    expect(apiError(long.body)?.field).toBe('title');
    // The boundary itself is fine.
    expect((await api(srv.baseUrl, 'POST', '/api/boards', { json: { title: 'あ'.repeat(200) } })).status).toBe(201);

    const template = await api(srv.baseUrl, 'POST', '/api/boards', { json: { template: 'no-such-template' } });
    expectError(template, 400, ApiErrorCode.BadRequest);
    expect(apiError(template.body)?.field).toBe('template');

    const unknownProp = await api(srv.baseUrl, 'POST', '/api/boards', { json: { title: 'x', colour: 'red' } });
    expectError(unknownProp, 400, ApiErrorCode.BadRequest);
    expect(apiError(unknownProp.body)?.message).toContain('colour');

    const created = await api(srv.baseUrl, 'POST', '/api/boards', { json: { title: '事例検討', template: 'exercise-1' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: '事例検討', template: 'exercise-1' });
  });

  // Contract: with CREATE_TOKEN set, only its bearer may create boards.
  it('POST /api/boards with CREATE_TOKEN: 401 without it, 403 with a wrong one, 201 with it', async () => {
    const createToken = 'create-token-0123456789abcdef';
    const guarded = await startServer({ env: { CREATE_TOKEN: createToken } });
    servers.push(guarded);
    expectError(await api(guarded.baseUrl, 'POST', '/api/boards', { json: {} }), 401, ApiErrorCode.Unauthorized);
    expectError(await api(guarded.baseUrl, 'POST', '/api/boards', { json: {}, token: 'not-the-create-token' }), 403, ApiErrorCode.Forbidden);
    const made = await createBoardAt(guarded.baseUrl, { title: 'ok' }, createToken);
    expect(made.title).toBe('ok');
    expect(Object.keys(made.tokens).sort()).toEqual(['edit', 'owner', 'view']);
  });

  // Contract: health and templates answer anyone.
  it('GET /api/health and /api/templates', async () => {
    const health = await api(srv.baseUrl, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, version: VERSION });
    const templates = await api(srv.baseUrl, 'GET', '/api/templates');
    expect(templates.status).toBe(200);
    const list = templates.body as Array<{ id: string; title: string; description: string }>;
    expect(list.map((t) => t.id)).toEqual(expect.arrayContaining(['blank', 'exercise-1', 'exercise-2']));
    for (const t of list) {
      expect(typeof t.title).toBe('string');
      expect(typeof t.description).toBe('string');
    }
  });

  // SPEC R2: refused upgrades get a plain status and no socket.
  it('refuses upgrades: unknown board 404, bad or missing token 401, malformed id 404', async () => {
    expect(await tryUpgrade(boardWsUrl(srv.wsUrl, UNKNOWN_BOARD, board.tokens.edit))).toEqual({ opened: false, status: 404 });
    expect(await tryUpgrade(boardWsUrl(srv.wsUrl, 'a.b', board.tokens.edit))).toEqual({ opened: false, status: 404 });
    expect(await tryUpgrade(boardWsUrl(srv.wsUrl, 'short', board.tokens.edit))).toEqual({ opened: false, status: 404 });
    expect(await tryUpgrade(boardWsUrl(srv.wsUrl, board.id, WRONG_TOKEN))).toEqual({ opened: false, status: 401 });
    expect(await tryUpgrade(boardWsUrl(srv.wsUrl, board.id, undefined))).toEqual({ opened: false, status: 401 });
    expect(await tryUpgrade(`${srv.wsUrl.replace(/\/ws$/, '')}/elsewhere`)).toEqual({ opened: false, status: 404 });
    // The same board with a right token opens.
    expect(await tryUpgrade(boardWsUrl(srv.wsUrl, board.id, board.tokens.view))).toEqual({ opened: true });
    expect(srv.server.registry.peek(UNKNOWN_BOARD)).toBeUndefined();
  });

  // SPEC R2, R8: after BAD_TOKEN_ATTEMPTS_PER_MINUTE bad tokens from one IP its bad tokens get 429;
  // only failures count, so a good token from that IP still opens (issue 12).
  it('answers 429 to the bad tokens of an IP that sent too many, never to its good ones', async () => {
    const limited = await startServer({ env: { BAD_TOKEN_ATTEMPTS_PER_MINUTE: '3' } });
    servers.push(limited);
    const b = await limited.createBoard();
    expect(await tryUpgrade(boardWsUrl(limited.wsUrl, b.id, b.tokens.edit))).toEqual({ opened: true });
    for (let i = 0; i < 3; i++) expect(await tryUpgrade(boardWsUrl(limited.wsUrl, b.id, `${WRONG_TOKEN}${i}`))).toEqual({ opened: false, status: 401 });
    expect(await tryUpgrade(boardWsUrl(limited.wsUrl, b.id, b.tokens.edit))).toEqual({ opened: true });
    expect(await tryUpgrade(boardWsUrl(limited.wsUrl, b.id, WRONG_TOKEN))).toEqual({ opened: false, status: 429 });
  });

  // SPEC R2, R8: a board with MAX_CONNECTIONS_PER_BOARD open sessions refuses the next with 429.
  it('answers 429 when the board is full, and only that board', async () => {
    const small = await startServer({ env: { MAX_CONNECTIONS_PER_BOARD: '2' } });
    servers.push(small);
    const b = await small.createBoard();
    for (let i = 0; i < 2; i++) raws.push(await RawClient.open(boardWsUrl(small.wsUrl, b.id, b.tokens.edit)));
    expect(await tryUpgrade(boardWsUrl(small.wsUrl, b.id, b.tokens.owner))).toEqual({ opened: false, status: 429 });
    const other = await small.createBoard();
    expect(await tryUpgrade(boardWsUrl(small.wsUrl, other.id, other.tokens.view))).toEqual({ opened: true });
    // The two sessions admitted are not disturbed.
    for (const r of raws.slice(-2)) {
      await r.sync();
      expect(r.isOpen).toBe(true);
    }
  });

  // Contract: export.tldr is a tldraw file with the seeded records and later edits.
  it('exports the board as a tldraw file, with later edits', async () => {
    const b = await srv.createBoard({ title: '書き出し' });
    const before = await api(srv.baseUrl, 'GET', `/api/boards/${b.id}/export.tldr`, { token: b.tokens.view });
    expect(before.status).toBe(200);
    expect(before.headers.get('content-type')).toContain('application/json');
    const file = before.body as { tldrawFileFormatVersion: number; schema: { schemaVersion?: number }; records: Array<{ id: string; typeName: string }> };
    expect(file.tldrawFileFormatVersion).toBe(1);
    expect(typeof file.schema.schemaVersion).toBe('number');
    const ids = file.records.map((r) => r.id);
    expect(ids).toContain('document:document');
    expect(ids).toContain('page:main');
    expect(file.records.find((r) => r.id === 'page:main')?.typeName).toBe('page');

    const editor = connectClient(srv.wsUrl, b.id, b.tokens.edit);
    clients.push(editor);
    await editor.synced;
    putRecord(editor.doc, shapeRecord('exported', { x: 42 }));
    recordsMap(editor.doc).delete('page:main');
    await providerBarrier(editor);
    const after = await api(srv.baseUrl, 'GET', `/api/boards/${b.id}/export.tldr`, { token: b.tokens.edit });
    const records = (after.body as { records: Array<{ id: string; x?: number }> }).records;
    expect(records.find((r) => r.id === 'shape:exported')?.x).toBe(42);
    expect(records.map((r) => r.id)).not.toContain('page:main');
  });
});
