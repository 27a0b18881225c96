import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WorkshopOverviewSchema, type CreateWorkshopResponse, type JoinWorkshopResponse, type WorkshopOverviewInfo } from '../../shared/protocol/index.ts';
import { connectClient, type TestClient } from '../helpers/clients.ts';
import { api } from '../helpers/http.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';
import { waitUntil } from '../helpers/wait.ts';

// Issue 15, presence and phases: the dashboard shows in every phase who joined each group, who
// is online and where — during 個人ワーク people are on their private boards, not the group's,
// and the dashboard used to say 「0人 まだだれもいません」.

describe('workshop presence on the dashboard', () => {
  let srv: TestServer;
  const clients: TestClient[] = [];
  const connect = async (boardId: string, token: string) => {
    const c = connectClient(srv.wsUrl, boardId, token);
    clients.push(c);
    await c.synced;
    return c;
  };
  const join = async (code: string, name: string, group: number) => {
    const res = await api(srv.baseUrl, 'POST', '/api/workshops/join', { json: { code, group, name, role: 'soudan' } });
    if (res.status !== 201) throw new Error(`join: ${res.status}`);
    return res.body as JoinWorkshopResponse;
  };
  const overview = async (w: CreateWorkshopResponse): Promise<WorkshopOverviewInfo> => {
    const res = await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}/overview`, { token: w.tokens.facilitator });
    expect(res.status).toBe(200);
    return WorkshopOverviewSchema.parse(res.body);
  };
  const places = (o: WorkshopOverviewInfo, group: number) => Object.fromEntries((o.groups[group]?.members ?? []).map((m) => [m.name, m.place]));

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

  it('counts members per group during 個人ワーク and says where each one is', async () => {
    const created = await api(srv.baseUrl, 'POST', '/api/workshops', { json: { title: '研修', template: 'exercise-1', groups: 2 } });
    const w = created.body as CreateWorkshopResponse;
    const aoki = await join(w.joinCode, '青木', 0);
    const ito = await join(w.joinCode, '伊藤', 0);
    const ueda = await join(w.joinCode, '上田', 0);
    const sato = await join(w.joinCode, '佐藤', 1);

    // Nobody connected yet: all joined, all offline.
    const before = await overview(w);
    expect(before.groups.map((g) => g.members.length)).toEqual([3, 1]);
    expect(places(before, 0)).toEqual({ 青木: 'offline', 伊藤: 'offline', 上田: 'offline' });

    // 個人ワーク: 青木 writes private notes with the case open beside them (the group board too),
    // 伊藤 only has the workshop page open, 上田 is on the group board, 佐藤 (group 2) watches
    // group 1's board as a presentation.
    await connect(w.id, aoki.token);
    await connect(aoki.privateBoardId, aoki.token);
    await connect(aoki.boardId, aoki.token);
    await connect(w.id, ito.token);
    await connect(ueda.boardId, ueda.token);
    await connect(aoki.boardId, sato.token);

    const during = await overview(w);
    expect(places(during, 0)).toEqual({ 青木: 'private', 伊藤: 'workshop', 上田: 'group' });
    expect(places(during, 1)).toEqual({ 佐藤: 'presentation' });
    // Oldest first, with name and role, under the member's public id (never the token).
    expect(during.groups[0]?.members.map((m) => m.name)).toEqual(['青木', '伊藤', '上田']);
    expect(during.groups[0]?.members[0]?.role).toBe('soudan');
    expect(JSON.stringify(during)).not.toContain(aoki.token);

    // Everyone leaves: still listed as joined, now offline.
    for (const c of clients.splice(0)) c.destroy();
    await waitUntil(async () => Object.values(places(await overview(w), 0)).every((p) => p === 'offline'), { what: 'everyone offline', timeoutMs: 5000, intervalMs: 50 });
    expect((await overview(w)).groups.map((g) => g.members.length)).toEqual([3, 1]);
  });
});
