import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { putRecord, shapeRecord, waitForDoc } from '../helpers/clients.ts';
import { createBoardAt } from '../helpers/server.ts';
import { waitUntil } from '../helpers/wait.ts';
import { health, ScaleFixture, startInstance, withSearchPath, BASE_DATABASE_URL } from './helpers.ts';

/** A port nothing listens on (tcpmux; never served on a test machine). */
const CLOSED_REDIS = 'redis://127.0.0.1:1';

// SPEC R9 and the health route: storage and relay report themselves; an instance without
// Redis stays up and serves its own sessions; without the database it does not start.
describe('scaled-out health', () => {
  let fx: ScaleFixture;

  beforeAll(async () => {
    fx = await ScaleFixture.create();
  });
  afterAll(async () => fx?.dispose());

  it('reports storage postgres ok and relay redis ok', async () => {
    const a = await fx.start('A');
    // Redis connects in the background after the instance listens.
    await waitUntil(async () => (await health(a)).body.relay?.ok === true, { what: 'relay ready', timeoutMs: 10_000, intervalMs: 50 });
    const { status, body } = await health(a);
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.storage).toMatchObject({ kind: 'postgres', ok: true });
    expect(body.relay).toMatchObject({ kind: 'redis', ok: true, state: 'ready' });
  });

  it('stays up without Redis: says relay not ok, answers 200 and serves its own clients', async () => {
    const lonely = await fx.start('no redis', { redisUrl: CLOSED_REDIS });
    const { status, body } = await health(lonely);
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.storage).toMatchObject({ kind: 'postgres', ok: true });
    expect(body.relay?.kind).toBe('redis');
    expect(body.relay?.ok).toBe(false);

    const board = await createBoardAt(lonely.baseUrl, { title: 'Redis なし' });
    const one = fx.connect(lonely, board.id, board.tokens.edit);
    const two = fx.connect(lonely, board.id, board.tokens.edit);
    await Promise.all([one.synced, two.synced]);
    putRecord(one.doc, shapeRecord('one', { x: 1 }));
    putRecord(two.doc, shapeRecord('two', { x: 2 }));
    await waitForDoc(one.doc, (d) => recordsMap(d).has('shape:two'));
    await waitForDoc(two.doc, (d) => recordsMap(d).has('shape:one'));
    // Stored, too: a fresh load has both.
    const stored = await (await fx.openStorage()).loadDocument(board.id);
    expect(stored.updates.length).toBeGreaterThanOrEqual(2);
    expect((await health(lonely)).body.relay?.ok).toBe(false);
  });

  it('refuses to start when the database cannot be reached, saying why', async () => {
    const wrongPort = withSearchPath(BASE_DATABASE_URL.replace(/:(\d+)\//, ':1/'), fx.schema.name);
    await expect(startInstance({ name: 'no database', entry: fx.entry, databaseUrl: wrongPort, startTimeoutMs: 15_000 })).rejects.toThrow(
      /exited \(1\) before it listened[\s\S]*failed to start/,
    );
  });
});
