import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardInfo, CurrentLinksResponse, RotateLinksResponse } from '../../shared/protocol/index.ts';
import { newToken } from '../../server/auth/tokens.ts';
import { api, apiError } from '../helpers/http.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';

// Issue 13: the owner sees the edit and view links in any browser; the store keeps only hashes.
describe('owner links derived from the owner token', () => {
  let srv: TestServer;
  const links = (boardId: string, token: string) => api(srv.baseUrl, 'GET', `/api/boards/${boardId}/links`, { token });
  const roleOf = async (boardId: string, token: string) => {
    const r = await api(srv.baseUrl, 'GET', `/api/boards/${boardId}`, { token });
    return r.status === 200 ? (r.body as BoardInfo).role : r.status;
  };

  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('gives the owner, and only the owner, the same edit and view links the board was created with', async () => {
    const board = await srv.createBoard();
    const res = await links(board.id, board.tokens.owner);
    expect(res.status).toBe(200);
    const body = res.body as CurrentLinksResponse;
    expect(body.tokens).toEqual(board.tokens);
    expect(body.links).toEqual(board.links);
    expect((await links(board.id, board.tokens.edit)).status).toBe(403);
    expect((await links(board.id, board.tokens.view)).status).toBe(403);
    expect((await links(board.id, newToken())).status).toBe(401);
  });

  it('shows the rotated links afterwards, and the old ones stop working', async () => {
    const board = await srv.createBoard();
    const rotated = (await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/links/rotate`, { token: board.tokens.owner, json: {} })).body as RotateLinksResponse;
    const shown = (await links(board.id, board.tokens.owner)).body as CurrentLinksResponse;
    expect(shown.tokens.edit).toBe(rotated.tokens.edit);
    expect(shown.tokens.view).toBe(rotated.tokens.view);
    expect(shown.tokens.edit).not.toBe(board.tokens.edit);
    expect(await roleOf(board.id, shown.tokens.edit!)).toBe('edit');
    expect(await roleOf(board.id, shown.tokens.view!)).toBe('view');
    expect(await roleOf(board.id, board.tokens.edit)).toBe(401);
    // A second rotation moves on again: never back to a generation already used.
    const again = (await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/links/rotate`, { token: board.tokens.owner, json: { roles: ['view'] } })).body as RotateLinksResponse;
    expect(again.tokens.view).not.toBe(rotated.tokens.view);
    expect(((await links(board.id, board.tokens.owner)).body as CurrentLinksResponse).tokens).toEqual({ owner: board.tokens.owner, edit: rotated.tokens.edit, view: again.tokens.view });
  });

  it('after the owner link alone is rotated, keeps the edit link working but no longer shows it until it is rotated', async () => {
    const board = await srv.createBoard();
    const owner = ((await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/links/rotate`, { token: board.tokens.owner, json: { roles: ['owner'] } })).body as RotateLinksResponse).tokens.owner!;
    expect(await roleOf(board.id, board.tokens.edit)).toBe('edit');
    expect(((await links(board.id, owner)).body as CurrentLinksResponse).tokens).toEqual({ owner });
    const fresh = (await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/links/rotate`, { token: owner, json: {} })).body as RotateLinksResponse;
    expect(((await links(board.id, owner)).body as CurrentLinksResponse).tokens).toEqual({ owner, edit: fresh.tokens.edit, view: fresh.tokens.view });
  });

  it('marks exercise boards 研修用 from the start and lets the owner mark a blank board', async () => {
    const exercise = await srv.createBoard({ template: 'exercise-1' });
    expect(((await api(srv.baseUrl, 'GET', `/api/boards/${exercise.id}`, { token: exercise.tokens.view })).body as BoardInfo).training).toBe(true);
    const blank = await srv.createBoard();
    expect(((await api(srv.baseUrl, 'GET', `/api/boards/${blank.id}`, { token: blank.tokens.view })).body as BoardInfo).training).toBe(false);
    const bad = await api(srv.baseUrl, 'POST', `/api/boards/${blank.id}/training`, { token: blank.tokens.owner, json: { training: 'yes' } });
    expect(bad.status).toBe(400);
    expect(apiError(bad.body)?.field).toBe('training');
    expect((await api(srv.baseUrl, 'POST', `/api/boards/${blank.id}/training`, { token: blank.tokens.edit, json: { training: true } })).status).toBe(403);
    expect((await api(srv.baseUrl, 'POST', `/api/boards/${blank.id}/training`, { token: blank.tokens.owner, json: { training: true } })).status).toBe(200);
    expect(((await api(srv.baseUrl, 'GET', `/api/boards/${blank.id}`, { token: blank.tokens.view })).body as BoardInfo).training).toBe(true);
  });
});
