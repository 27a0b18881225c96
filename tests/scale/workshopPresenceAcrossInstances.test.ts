import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkshopOverviewSchema, type CreateWorkshopResponse, type JoinWorkshopResponse, type WorkshopOverviewInfo } from '../../shared/protocol/index.ts';
import { putRecord, shapeRecord } from '../helpers/clients.ts';
import { api } from '../helpers/http.ts';
import { waitUntil } from '../helpers/wait.ts';
import { ScaleFixture, type Instance } from './helpers.ts';

// Issue 15 across instances: the facilitator's dashboard is served by one instance, the groups'
// people by any. Each instance shares who is on its boards through Redis, so the dashboard on A
// shows the members on B (joined, online, where) and B's changes to a group's board.
describe('two instances: the dashboard shows people and changes on the other instance', () => {
  let fx: ScaleFixture;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    fx = await ScaleFixture.create();
    [a, b] = await Promise.all([fx.start('A'), fx.start('B')]);
  });
  afterAll(async () => fx?.dispose());

  const overviewOn = async (instance: Instance, w: CreateWorkshopResponse): Promise<WorkshopOverviewInfo> => {
    const res = await api(instance.baseUrl, 'GET', `/api/workshops/${w.id}/overview`, { token: w.tokens.facilitator });
    expect(res.status).toBe(200);
    return WorkshopOverviewSchema.parse(res.body);
  };
  const places = (o: WorkshopOverviewInfo, group: number) => Object.fromEntries((o.groups[group]?.members ?? []).map((m) => [m.name, m.place]));

  it('says where each member on B is, who is on a group board there, and what B changed', async () => {
    const created = await api(a.baseUrl, 'POST', '/api/workshops', { json: { title: '研修（2台）', template: 'exercise-1', groups: 2 } });
    expect(created.status).toBe(201);
    const w = created.body as CreateWorkshopResponse;
    const join = async (name: string, group: number) => {
      const res = await api(b.baseUrl, 'POST', '/api/workshops/join', { json: { code: w.joinCode, group, name, role: 'soudan' } });
      expect(res.status).toBe(201);
      return res.body as JoinWorkshopResponse;
    };
    const aoki = await join('青木', 0);
    const ueda = await join('上田', 0);
    const sato = await join('佐藤', 1);

    const before = await overviewOn(a, w);
    expect(places(before, 0)).toEqual({ 青木: 'offline', 上田: 'offline' });
    const shapesBefore = before.groups[0]?.shapeCount ?? 0;

    // Everyone works on B: 青木 in private notes with the case beside them, 上田 on the group
    // board (announcing themselves), 佐藤 of group 2 watching group 1's board.
    const aokiPrivate = fx.connect(b, aoki.privateBoardId, aoki.token);
    const aokiCase = fx.connect(b, aoki.boardId, aoki.token);
    const uedaBoard = fx.connect(b, ueda.boardId, ueda.token);
    const satoWatching = fx.connect(b, aoki.boardId, sato.token);
    await Promise.all([aokiPrivate.synced, aokiCase.synced, uedaBoard.synced, satoWatching.synced]);
    uedaBoard.provider.awareness.setLocalStateField('user', { name: '上田', role: 'soudan', color: '#3366aa' });

    await waitUntil(
      async () => {
        const o = await overviewOn(a, w);
        return places(o, 0)['青木'] === 'private' && places(o, 0)['上田'] === 'group' && places(o, 1)['佐藤'] === 'presentation' && (o.groups[0]?.participants ?? []).some((p) => p.name === '上田');
      },
      { what: 'A\'s dashboard shows the members on B', timeoutMs: 15_000, intervalMs: 200 },
    );

    // A card added on B's group board shows in A's dashboard (drawn from storage, since A has
    // not loaded the board).
    putRecord(uedaBoard.doc, shapeRecord('from-b'));
    await waitUntil(async () => ((await overviewOn(a, w)).groups[0]?.shapeCount ?? 0) > shapesBefore, { what: 'A draws B\'s change', timeoutMs: 15_000, intervalMs: 200 });
    const after = await overviewOn(a, w);
    expect(after.groups[0]?.lastActivity ?? 0).toBeGreaterThan(0);

    // They leave B: A's dashboard says offline again (B stops sharing them).
    for (const c of [aokiPrivate, aokiCase, uedaBoard, satoWatching]) c.destroy();
    await waitUntil(
      async () => {
        const o = await overviewOn(a, w);
        return Object.values(places(o, 0)).every((p) => p === 'offline') && places(o, 1)['佐藤'] === 'offline';
      },
      { what: 'everyone offline on A\'s dashboard', timeoutMs: 15_000, intervalMs: 200 },
    );
  });

  it('drops the people of an instance that stops', async () => {
    const created = await api(a.baseUrl, 'POST', '/api/workshops', { json: { title: '研修（停止）', template: 'exercise-1', groups: 1 } });
    const w = created.body as CreateWorkshopResponse;
    const c = await fx.start('C');
    const res = await api(c.baseUrl, 'POST', '/api/workshops/join', { json: { code: w.joinCode, group: 0, name: '木村', role: 'kaigo' } });
    expect(res.status).toBe(201);
    const kimura = res.body as JoinWorkshopResponse;
    const onC = fx.connect(c, kimura.boardId, kimura.token);
    await onC.synced;
    await waitUntil(async () => places(await overviewOn(a, w), 0)['木村'] === 'group', { what: 'A sees 木村 on C', timeoutMs: 15_000, intervalMs: 200 });
    await c.stop();
    onC.destroy();
    await waitUntil(async () => places(await overviewOn(a, w), 0)['木村'] === 'offline', { what: 'A drops C\'s people', timeoutMs: 15_000, intervalMs: 200 });
  });
});
