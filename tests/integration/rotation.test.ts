import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { CloseCode, CloseReason, type RotateLinksResponse } from '../../shared/protocol/index.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { openTestStorage } from '../helpers/testStorage.ts';
import { gateStorage } from '../helpers/gatedStorage.ts';
import { api } from '../helpers/http.ts';
import { boardWsUrl, RawClient, tryUpgrade } from '../helpers/rawSocket.ts';
import { removeDir, startServer, tempDir, type TestServer } from '../helpers/server.ts';
import { waitUntil } from '../helpers/wait.ts';

describe('link rotation', () => {
  let srv: TestServer;
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];
  const raw = async (boardId: string, token: string) => {
    const r = await RawClient.open(boardWsUrl(srv.wsUrl, boardId, token));
    raws.push(r);
    await r.next('sync-step1');
    return r;
  };
  const rotate = (boardId: string, token: string, roles?: string[]) =>
    api(srv.baseUrl, 'POST', `/api/boards/${boardId}/links/rotate`, { token, json: roles ? { roles } : {} });

  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const r of raws) r.ws.terminate();
    await srv.stop();
    removeDir(srv.dataDir);
  });

  // SPEC R7: rotating edit and view closes their sessions with 4401, keeps the owner's, refuses old tokens.
  it('closes edit and view sessions with 4401, keeps the owner, and swaps the tokens', async () => {
    const board = await srv.createBoard();
    const owner = await raw(board.id, board.tokens.owner);
    const edit = await raw(board.id, board.tokens.edit);
    const view = await raw(board.id, board.tokens.view);
    const editProvider = connectClient(srv.wsUrl, board.id, board.tokens.edit);
    clients.push(editProvider);
    await editProvider.synced;
    const providerClosed = new Promise<{ code: number; reason: string }>((resolve) => editProvider.provider.once('closed', (e) => resolve(e)));

    const res = await rotate(board.id, board.tokens.owner);
    expect(res.status).toBe(200);
    const body = res.body as RotateLinksResponse;
    expect(Object.keys(body.tokens).sort()).toEqual(['edit', 'view']);
    expect(body.tokens.edit).not.toBe(board.tokens.edit);
    expect(body.tokens.view).not.toBe(board.tokens.view);
    expect(body.links.edit?.endsWith(`/b/${board.id}#t=${encodeURIComponent(body.tokens.edit!)}`)).toBe(true);
    expect(body.links.view?.endsWith(`/b/${board.id}#t=${encodeURIComponent(body.tokens.view!)}`)).toBe(true);

    const revoked = { code: CloseCode.TokenRevoked, reason: CloseReason[CloseCode.TokenRevoked] };
    expect(await edit.closed).toEqual(revoked);
    expect(await view.closed).toEqual(revoked);
    expect(await providerClosed).toEqual(revoked);
    // The owner's session was left alone and still works.
    await owner.sync();
    expect(owner.isOpen).toBe(true);

    // Old tokens are refused on HTTP and WebSocket; the owner's is not.
    for (const old of [board.tokens.edit, board.tokens.view]) {
      expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: old })).status).toBe(401);
      expect(await tryUpgrade(boardWsUrl(srv.wsUrl, board.id, old))).toEqual({ opened: false, status: 401 });
    }
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: board.tokens.owner })).status).toBe(200);

    // The new tokens carry the rotated roles.
    for (const role of ['edit', 'view'] as const) {
      const info = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: body.tokens[role]! });
      expect(info.status).toBe(200);
      expect(info.body).toMatchObject({ role });
    }
    const newEditor = connectClient(srv.wsUrl, board.id, body.tokens.edit!);
    const newViewer = connectClient(srv.wsUrl, board.id, body.tokens.view!);
    clients.push(newEditor, newViewer);
    await Promise.all([newEditor.synced, newViewer.synced]);
    putRecord(newEditor.doc, shapeRecord('after-rotation'));
    await waitForDoc(newViewer.doc, (d) => recordsMap(d).has('shape:after-rotation'));
  });

  // SPEC R7: only the owner rotates; an edit or view token gets 403 and changes nothing.
  it('refuses rotation by a non-owner with 403, leaving every token valid', async () => {
    const board = await srv.createBoard();
    const edit = await raw(board.id, board.tokens.edit);
    for (const role of ['edit', 'view'] as const) expect((await rotate(board.id, board.tokens[role])).status).toBe(403);
    expect((await rotate(board.id, board.tokens.edit, ['owner'])).status).toBe(403);
    for (const role of ['owner', 'edit', 'view'] as const) {
      expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: board.tokens[role] })).status).toBe(200);
    }
    await edit.sync();
    expect(edit.isOpen).toBe(true);
  });

  // SPEC R7: rotating only the owner link closes owner sessions and leaves edit sessions open.
  it('rotates the owner link alone', async () => {
    const board = await srv.createBoard();
    const owner = await raw(board.id, board.tokens.owner);
    const edit = await raw(board.id, board.tokens.edit);
    const res = await rotate(board.id, board.tokens.owner, ['owner']);
    expect(res.status).toBe(200);
    const body = res.body as RotateLinksResponse;
    expect(Object.keys(body.tokens)).toEqual(['owner']);
    expect((await owner.closed).code).toBe(CloseCode.TokenRevoked);
    await edit.sync();
    expect(edit.isOpen).toBe(true);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: board.tokens.owner })).status).toBe(401);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: body.tokens.owner! })).body).toMatchObject({ role: 'owner' });
    expect((await rotate(board.id, board.tokens.owner)).status).toBe(401);
    expect((await rotate(board.id, body.tokens.owner!, ['view'])).status).toBe(200);
  });

  // SPEC R7: a malformed rotation body is a 400 naming the field, and rotates nothing.
  it('rejects an unknown role with 400', async () => {
    const board = await srv.createBoard();
    const res = await rotate(board.id, board.tokens.owner, ['admin']);
    expect(res.status).toBe(400);
    expect((res.body as { error: { field?: string } }).error.field).toMatch(/^roles/);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: board.tokens.edit })).status).toBe(200);
  });

  // SPEC R7: a session admitted while its room was still loading is revoked too: rotation
  // must not depend on the room being ready at that instant.
  it('revokes a session whose room was still loading when the link was rotated', async () => {
    const dataDir = tempDir();
    const gate = gateStorage(await openTestStorage(dataDir));
    const gated = await startServer({ dataDir, storage: gate.storage });
    try {
      const board = await gated.createBoard();
      gate.hold();
      const early = await RawClient.open(boardWsUrl(gated.wsUrl, board.id, board.tokens.edit));
      raws.push(early);
      await waitUntil(() => gate.waiting === 1, { what: 'the room to start loading' });
      const res = await api(gated.baseUrl, 'POST', `/api/boards/${board.id}/links/rotate`, { token: board.tokens.owner, json: {} });
      expect(res.status).toBe(200);
      gate.release();
      expect(await early.closeOrAnswer()).toEqual({ code: CloseCode.TokenRevoked, reason: CloseReason[CloseCode.TokenRevoked] });
    } finally {
      gate.release();
      await gated.stop();
      removeDir(dataDir);
    }
  });
});
