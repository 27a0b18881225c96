import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { CloseCode } from '../../shared/protocol/index.ts';
import { putRecord, shapeRecord, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { loadStoredDoc } from '../helpers/layout.ts';
import { createBoardAt } from '../helpers/server.ts';
import { waitForAwareness } from '../helpers/wait.ts';
import { health, nextClose, ScaleFixture, type Instance } from './helpers.ts';

// SPEC S4, R1 with PostgreSQL: when appends fail, the writer is closed with 4503
// storage-unavailable, nobody (on this instance or another) receives the unsaved update, and
// once the database takes writes again the kept update is stored and relayed.
describe('two instances: the database refuses writes', () => {
  let fx: ScaleFixture;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    fx = await ScaleFixture.create();
    [a, b] = await Promise.all([fx.start('A'), fx.start('B')]);
  });
  afterAll(async () => fx?.dispose());

  /**
   * An awareness round trip between two clients: `from` announces `mark`, `to` sees it.
   * Awareness needs no storage, so it still flows while document updates are held back.
   */
  const barrier = async (from: TestClient, to: TestClient, mark: number) => {
    from.provider.awareness.setLocalStateField('mark', mark);
    await waitForAwareness(to.provider.awareness, (s) => s.get(from.doc.clientID)?.mark === mark);
  };

  it('closes the writer with 4503, relays nothing unsaved, then stores and relays the kept update', async () => {
    const board = await createBoardAt(a.baseUrl, { title: '保存できない' });
    const writer = fx.connect(a, board.id, board.tokens.edit);
    const sameInstance = fx.connect(a, board.id, board.tokens.view);
    const otherInstance = fx.connect(b, board.id, board.tokens.view);
    await Promise.all([writer.synced, sameInstance.synced, otherInstance.synced]);
    putRecord(writer.doc, shapeRecord('saved', { x: 1 }));
    await waitForDoc(otherInstance.doc, (d) => recordsMap(d).has('shape:saved'));

    // The table goes away under the running instances (as a broken database would refuse).
    await fx.schema.pool.query('ALTER TABLE doc_updates RENAME TO doc_updates_offline');
    try {
      const closed = nextClose(writer.provider);
      putRecord(writer.doc, shapeRecord('unsaved', { x: 2 }));
      expect(await closed).toBe(CloseCode.StorageUnavailable);
      await a.waitForLog(/storing an update failed/);

      // A client that joins during the outage is not served the unsaved state either.
      const joiner = fx.connect(a, board.id, board.tokens.view);
      // Awareness round trips A→B→A and through the joiner: anything relayed before them
      // would have arrived by now.
      await barrier(sameInstance, otherInstance, 1);
      await barrier(otherInstance, sameInstance, 2);
      await barrier(joiner, otherInstance, 3);
      for (const c of [sameInstance, otherInstance, joiner]) expect(recordsMap(c.doc).has('shape:unsaved')).toBe(false);
      expect(joiner.provider.synced).toBe(false);
      expect(recordsMap(joiner.doc).has('shape:saved')).toBe(false);
      // A database that answers but refuses writes is reported as not healthy (503).
      const during = await health(a);
      expect(during.status).toBe(503);
      expect((during.body as { storage: { ok: boolean } }).storage.ok).toBe(false);
    } finally {
      await fx.schema.pool.query('ALTER TABLE doc_updates_offline RENAME TO doc_updates');
    }

    // The retry stores it; then everyone gets it, and the writer is back.
    await waitForDoc(sameInstance.doc, (d) => recordsMap(d).has('shape:unsaved'));
    await waitForDoc(otherInstance.doc, (d) => recordsMap(d).has('shape:unsaved'));
    const storage = await fx.openStorage();
    expect(recordsMap(await loadStoredDoc(storage, board.id)).get('shape:unsaved')?.x).toBe(2);
    await new Promise<void>((resolve) => (writer.provider.synced ? resolve() : writer.provider.once('sync', () => resolve())));
    putRecord(writer.doc, shapeRecord('after', { x: 3 }));
    await waitForDoc(otherInstance.doc, (d) => recordsMap(d).get('shape:after')?.x === 3);
    // Healthy again once a write has gone through.
    expect((await health(a)).status).toBe(200);
  });
});
