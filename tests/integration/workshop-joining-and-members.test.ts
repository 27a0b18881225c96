import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { CloseCode, type CreateWorkshopResponse, type JoinWorkshopResponse, type WorkshopMember } from '../../shared/protocol/index.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { api, apiError } from '../helpers/http.ts';
import { providerBarrier } from '../helpers/providerSocket.ts';
import { boardWsUrl, tryUpgrade } from '../helpers/rawSocket.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';

// Issue 12 §4 (SPEC R7): a facilitator ends and reopens joining with the code, lists the
// members and removes one; the removed member's token stops working everywhere and their
// open sessions close with 4401 while everyone else stays connected.

describe('workshop joining and members', () => {
  let srv: TestServer;
  const clients: TestClient[] = [];
  const connect = (boardId: string, token: string) => {
    const c = connectClient(srv.wsUrl, boardId, token);
    clients.push(c);
    return c;
  };
  const joinAnswer = (code: string, name: string, group = 0) => api(srv.baseUrl, 'POST', '/api/workshops/join', { json: { code, group, name, role: 'soudan' } });
  const join = async (code: string, name: string, group = 0) => {
    const res = await joinAnswer(code, name, group);
    if (res.status !== 201) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as JoinWorkshopResponse;
  };
  const createWorkshop = async () => {
    const res = await api(srv.baseUrl, 'POST', '/api/workshops', { json: { title: '研修', template: 'exercise-1', groups: 2 } });
    expect(res.status).toBe(201);
    return res.body as CreateWorkshopResponse;
  };
  /** Resolve with the close code of the provider's next connection close. */
  const nextClose = (c: TestClient) =>
    new Promise<number | undefined>((resolve) => c.provider.once('connection-close', (event: { code?: number } | null) => resolve(event?.code)));

  beforeAll(async () => {
    srv = await startServer();
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('refuses joining with 403 and a Japanese-first message once ended, and admits again once reopened', async () => {
    const w = await createWorkshop();
    const fac = w.tokens.facilitator;
    await join(w.joinCode, '早い人');

    const ended = await api(srv.baseUrl, 'POST', `/api/workshops/${w.id}/joining`, { token: fac, json: { open: false } });
    expect(ended.status).toBe(200);
    expect(ended.body).toEqual({ joinOpen: false });
    const refused = await joinAnswer(w.joinCode, '遅い人');
    expect(refused.status).toBe(403);
    const err = apiError(refused.body);
    expect(err?.code).toBe('joining_closed');
    expect(err?.message.startsWith('このワークショップの参加受付は終了しています')).toBe(true);
    expect(err?.message).toContain('Joining this workshop has ended');
    expect((await api(srv.baseUrl, 'GET', `/api/workshops/join/${w.joinCode}`)).body).toMatchObject({ joinOpen: false });
    expect((await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}`, { token: fac })).body).toMatchObject({ joinOpen: false });
    // Nobody was added by the refused join.
    const members = (await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}/members`, { token: fac })).body as WorkshopMember[];
    expect(members.map((m) => m.name)).toEqual(['早い人']);

    expect((await api(srv.baseUrl, 'POST', `/api/workshops/${w.id}/joining`, { token: fac, json: { open: true } })).body).toEqual({ joinOpen: true });
    expect((await joinAnswer(w.joinCode, '遅い人', 1)).status).toBe(201);
  });

  it('lets only the facilitator end joining, list and remove members, and names a bad field', async () => {
    const w = await createWorkshop();
    const m = await join(w.joinCode, '佐藤');
    const list = await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}/members`, { token: w.tokens.facilitator });
    const [entry] = list.body as WorkshopMember[];
    for (const token of [m.token, undefined]) {
      const status = token ? 403 : 401;
      expect((await api(srv.baseUrl, 'POST', `/api/workshops/${w.id}/joining`, { json: { open: false }, ...(token ? { token } : {}) })).status).toBe(status);
      expect((await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}/members`, token ? { token } : {})).status).toBe(status);
      expect((await api(srv.baseUrl, 'DELETE', `/api/workshops/${w.id}/members/${entry!.id}`, token ? { token } : {})).status).toBe(status);
    }
    const bad = await api(srv.baseUrl, 'POST', `/api/workshops/${w.id}/joining`, { token: w.tokens.facilitator, json: { open: 'no' } });
    expect(bad.status).toBe(400);
    expect(apiError(bad.body)?.field).toBe('open');
    expect((await api(srv.baseUrl, 'DELETE', `/api/workshops/${w.id}/members/AAAAAAAAAAAAAAAA`, { token: w.tokens.facilitator })).status).toBe(404);
    // The member id is neither the token nor anything that contains it.
    expect(entry!.id).not.toContain(m.token);
    expect(m.token).not.toContain(entry!.id);
    expect((await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}`, { token: m.token })).status).toBe(200);
  });

  it('closes a removed member’s sessions with 4401 on every board, refuses their token, and keeps the others connected', async () => {
    const w = await createWorkshop();
    const fac = w.tokens.facilitator;
    const gone = await join(w.joinCode, '削除される人');
    const stays = await join(w.joinCode, '残る人');
    const list = (await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}/members`, { token: fac })).body as WorkshopMember[];
    expect(list.map((m) => [m.name, m.groupIndex])).toEqual([['削除される人', 0], ['残る人', 0]]);
    const goneId = list[0]!.id;

    const goneGroup = connect(gone.boardId, gone.token);
    const gonePrivate = connect(gone.privateBoardId, gone.token);
    const goneState = connect(w.id, gone.token);
    const staysGroup = connect(stays.boardId, stays.token);
    const staysState = connect(w.id, stays.token);
    const facGroup = connect(gone.boardId, fac);
    const all = [goneGroup, gonePrivate, goneState, staysGroup, staysState, facGroup];
    await Promise.all(all.map((c) => c.synced));
    const closes = [goneGroup, gonePrivate, goneState].map(nextClose);

    const res = await api(srv.baseUrl, 'DELETE', `/api/workshops/${w.id}/members/${goneId}`, { token: fac });
    expect(res.status).toBe(200);
    expect(await Promise.all(closes)).toEqual([CloseCode.TokenRevoked, CloseCode.TokenRevoked, CloseCode.TokenRevoked]);

    // Their token answers 401 on HTTP and on every board's upgrade.
    expect((await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}`, { token: gone.token })).status).toBe(401);
    for (const boardId of [gone.boardId, gone.privateBoardId, w.id]) {
      expect((await api(srv.baseUrl, 'GET', `/api/boards/${boardId}`, { token: gone.token })).status).toBe(401);
      expect(await tryUpgrade(boardWsUrl(srv.wsUrl, boardId, gone.token))).toEqual({ opened: false, status: 401 });
    }
    // Their private board stays for the record, visible to the facilitator's storage.
    expect(await srv.server.storage.getBoard(gone.privateBoardId)).toBeDefined();
    expect(((await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}/members`, { token: fac })).body as WorkshopMember[]).map((m) => m.name)).toEqual(['残る人']);

    // The others stay connected: the remaining member edits and the facilitator sees it.
    await Promise.all([staysGroup, staysState, facGroup].map(providerBarrier));
    putRecord(staysGroup.doc, shapeRecord('after-removal'));
    await waitForDoc(facGroup.doc, (d) => recordsMap(d).has('shape:after-removal'));
    expect((await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}`, { token: stays.token })).status).toBe(200);
  });
});
