import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { CloseCode } from '../../shared/protocol/index.ts';
import { putRecord, shapeRecord, waitForDoc } from '../helpers/clients.ts';
import { api } from '../helpers/http.ts';
import { createBoardAt } from '../helpers/server.ts';
import { waitUntil } from '../helpers/wait.ts';
import { health, nextClose, ScaleFixture, within, type Instance } from './helpers.ts';
import { freePort, PrivateRedis } from './privateRedis.ts';

/** Long enough for Redis to come back and reconnect (ioredis retries every ≤ 2 s). */
const RELAY_MS = 15_000;

// SPEC R9: Redis going away never stops an instance; when it is back, rooms catch up from
// storage and live relay resumes, also for boards opened while it was away. Each test runs
// its own redis-server, so the shared one is never disturbed.
describe('Redis outage', () => {
  let fx: ScaleFixture;
  const redises: PrivateRedis[] = [];

  beforeAll(async () => {
    fx = await ScaleFixture.create();
  });
  afterAll(async () => {
    for (const r of redises) await r.kill();
    await fx?.dispose();
  });

  const relayOk = (i: Instance, ok: boolean) =>
    waitUntil(async () => (await health(i)).body.relay?.ok === ok, { what: `${i.name} relay ok=${ok}`, timeoutMs: RELAY_MS, intervalMs: 50 });

  it('catches up what was written during the outage and relays live again afterwards', async () => {
    const redis = new PrivateRedis(await freePort());
    redises.push(redis);
    await redis.start();
    const [a, b] = await Promise.all([fx.start('A', { redisUrl: redis.url }), fx.start('B', { redisUrl: redis.url })]);
    await Promise.all([relayOk(a, true), relayOk(b, true)]);
    const board = await createBoardAt(a.baseUrl, { title: 'Redis 停止' });
    const onA = fx.connect(a, board.id, board.tokens.edit);
    const onB = fx.connect(b, board.id, board.tokens.edit);
    await Promise.all([onA.synced, onB.synced]);
    putRecord(onA.doc, shapeRecord('before', { x: 1 }));
    await waitForDoc(onB.doc, (d) => recordsMap(d).has('shape:before'));

    await redis.kill();
    await Promise.all([relayOk(a, false), relayOk(b, false)]);
    // Both instances keep serving and storing; the health answer stays 200.
    expect((await health(a)).status).toBe(200);
    putRecord(onA.doc, shapeRecord('during-a', { x: 2 }));
    putRecord(onB.doc, shapeRecord('during-b', { x: 3 }));

    await redis.start();
    // Each room reads what it missed from storage once its subscription is back.
    await within(waitForDoc(onB.doc, (d) => recordsMap(d).has('shape:during-a')), RELAY_MS, 'B catching up');
    await within(waitForDoc(onA.doc, (d) => recordsMap(d).has('shape:during-b')), RELAY_MS, 'A catching up');
    await Promise.all([relayOk(a, true), relayOk(b, true)]);
    putRecord(onA.doc, shapeRecord('after-a', { x: 4 }));
    putRecord(onB.doc, shapeRecord('after-b', { x: 5 }));
    await within(waitForDoc(onB.doc, (d) => recordsMap(d).has('shape:after-a')), RELAY_MS, 'live relay A→B');
    await within(waitForDoc(onA.doc, (d) => recordsMap(d).has('shape:after-b')), RELAY_MS, 'live relay B→A');
  });

  it('relays a board that was opened while Redis was unreachable, once Redis is up', async () => {
    const redis = new PrivateRedis(await freePort());
    redises.push(redis);
    // A starts, and opens the board, before any Redis listens on the port.
    const a = await fx.start('A early', { redisUrl: redis.url });
    const board = await createBoardAt(a.baseUrl, { title: '先に開いたボード' });
    const onA = fx.connect(a, board.id, board.tokens.edit);
    await onA.synced;
    putRecord(onA.doc, shapeRecord('early', { x: 1 }));

    await redis.start();
    await relayOk(a, true);
    const b = await fx.start('B late', { redisUrl: redis.url });
    await relayOk(b, true);
    const onB = fx.connect(b, board.id, board.tokens.edit);
    await onB.synced;
    expect(recordsMap(onB.doc).has('shape:early')).toBe(true);

    putRecord(onA.doc, shapeRecord('a-to-b', { x: 2 }));
    await within(waitForDoc(onB.doc, (d) => recordsMap(d).has('shape:a-to-b')), RELAY_MS, 'relay A→B');
    putRecord(onB.doc, shapeRecord('b-to-a', { x: 3 }));
    await within(waitForDoc(onA.doc, (d) => recordsMap(d).has('shape:b-to-a')), 5000, 'relay B→A (A subscribed after Redis came up)');
  });

  // SPEC R7: a rotation published while Redis is away is missed by the other instance; when the
  // bus is back, that instance checks every session's link again and closes the revoked ones.
  it('closes sessions of a link rotated during the outage once the bus is back', async () => {
    const redis = new PrivateRedis(await freePort());
    redises.push(redis);
    await redis.start();
    const [a, b] = await Promise.all([fx.start('A2', { redisUrl: redis.url }), fx.start('B2', { redisUrl: redis.url })]);
    await Promise.all([relayOk(a, true), relayOk(b, true)]);
    const board = await createBoardAt(a.baseUrl, { title: '停止中のローテーション' });
    const editorOnB = fx.connect(b, board.id, board.tokens.edit);
    const viewerOnB = fx.connect(b, board.id, board.tokens.view);
    await Promise.all([editorOnB.synced, viewerOnB.synced]);

    await redis.kill();
    await Promise.all([relayOk(a, false), relayOk(b, false)]);
    const closed = nextClose(editorOnB.provider);
    const rotated = await api(a.baseUrl, 'POST', `/api/boards/${board.id}/links/rotate`, { token: board.tokens.owner, json: { roles: ['edit'] } });
    expect(rotated.status).toBe(200);
    await redis.start();
    expect(await within(closed, RELAY_MS, 'B closing the rotated session')).toBe(CloseCode.TokenRevoked);
    // The view session, whose link still works, stays.
    expect(viewerOnB.provider.wsconnected).toBe(true);
  });
});
