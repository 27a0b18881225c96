import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OverviewEventSchema, type CreateWorkshopResponse, type JoinWorkshopResponse, type OverviewEvent } from '../../shared/protocol/index.ts';
import { readText, sseParser } from '../../client/lib/sse.ts';
import { connectClient, putRecord, shapeRecord, type TestClient } from '../helpers/clients.ts';
import { api } from '../helpers/http.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';
import { waitUntil } from '../helpers/wait.ts';

// Issue 15: the dashboard is pushed, not polled. A dashboard that opens gets the whole picture
// once; then only a group that changed is sent, and only what changed of it.

/** An open dashboard stream: its events in order, awaited one by one. */
interface Stream {
  res: Response;
  next(): Promise<OverviewEvent>;
  close(): void;
}

describe('the dashboard is pushed', () => {
  let srv: TestServer;
  let w: CreateWorkshopResponse;
  let member: JoinWorkshopResponse;
  const clients: TestClient[] = [];
  const streams: Stream[] = [];

  const open = async (token: string): Promise<Stream> => {
    const controller = new AbortController();
    const res = await fetch(`${srv.baseUrl}/api/workshops/${w.id}/overview/stream`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' }, signal: controller.signal });
    const queue: OverviewEvent[] = [];
    const waiting: ((e: OverviewEvent) => void)[] = [];
    const parse = sseParser((data) => {
      const event = OverviewEventSchema.parse(JSON.parse(data));
      const w = waiting.shift();
      if (w) w(event);
      else queue.push(event);
    });
    if (res.ok) void readText(res, parse).catch(() => undefined);
    const stream: Stream = {
      res,
      next: () => new Promise((resolve) => (queue.length > 0 ? resolve(queue.shift()!) : waiting.push(resolve))),
      close: () => controller.abort(),
    };
    streams.push(stream);
    return stream;
  };
  /** The next group event satisfying `match`; every group event before it must concern `index` alone. */
  const nextFor = async (s: Stream, index: number, match: (g: Extract<OverviewEvent, { type: 'group' }>['group']) => boolean) => {
    for (;;) {
      const e = await s.next();
      expect(e.type).toBe('group');
      if (e.type !== 'group') throw new Error('unexpected full picture');
      expect(e.group.index, 'only the group that changed is sent').toBe(index);
      if (match(e.group)) return e.group;
    }
  };

  beforeAll(async () => {
    srv = await startServer({ dashboard: { checkEveryMs: 20, thumbnailEveryMs: 0 } });
    w = (await api(srv.baseUrl, 'POST', '/api/workshops', { json: { title: '研修', template: 'exercise-1', groups: 3 } })).body as CreateWorkshopResponse;
    member = (await api(srv.baseUrl, 'POST', '/api/workshops/join', { json: { code: w.joinCode, group: 1, name: '田中', role: 'soudan' } })).body as JoinWorkshopResponse;
  });
  afterEach(() => {
    for (const s of streams.splice(0)) s.close();
    for (const c of clients.splice(0)) c.destroy();
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('sends the whole picture once, then only the group that changed', async () => {
    const dashboard = await open(w.tokens.facilitator);
    expect(dashboard.res.status).toBe(200);
    expect(dashboard.res.headers.get('content-type')).toContain('text/event-stream');
    expect(dashboard.res.headers.get('content-encoding')).toBe('gzip');
    const first = await dashboard.next();
    if (first.type !== 'full') throw new Error('the first event is the whole picture');
    expect(first.groups.map((g) => g.index)).toEqual([0, 1, 2]);
    expect(first.groups[1]?.members.map((m) => [m.name, m.place])).toEqual([['田中', 'offline']]);
    const shapesBefore = first.groups[1]!.shapeCount;

    // The member opens group 2's board: group index 1 changes, its presence alone (no thumbnail).
    const c = connectClient(srv.wsUrl, member.boardId, member.token);
    clients.push(c);
    await c.synced;
    const moved = await nextFor(dashboard, 1, (g) => g.members?.[0]?.place === 'group');
    expect(moved.svg).toBeUndefined();

    // They add a shape: the thumbnail of that group, and its shape count, come.
    putRecord(c.doc, shapeRecord('pushed-note', { props: { text: '押されて届く' } }));
    const drawn = await nextFor(dashboard, 1, (g) => g.shapeCount === shapesBefore + 1);
    expect(drawn.svg).toContain('<svg');

    // A dashboard opened late gets the whole picture as it is now, once.
    const late = await open(w.tokens.facilitator);
    const picture = await late.next();
    if (picture.type !== 'full') throw new Error('the first event is the whole picture');
    expect(picture.groups[1]?.shapeCount).toBe(shapesBefore + 1);
    expect(picture.groups[1]?.members[0]?.place).toBe('group');
    expect(srv.server.overviewFeed.watched).toBe(1);
  });

  it('is for the facilitator only, and stops checking when the last dashboard closes', async () => {
    expect((await open(member.token)).res.status).toBe(403);
    expect((await open('not-a-token-at-all')).res.status).toBe(401);
    const s = await open(w.tokens.facilitator);
    await s.next();
    expect(srv.server.overviewFeed.watched).toBe(1);
    s.close();
    await waitUntil(() => srv.server.overviewFeed.watched === 0, { what: 'the feed to stop' });
  });
});
