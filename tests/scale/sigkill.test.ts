import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { putRecord, shapeRecord } from '../helpers/clients.ts';
import { loadStoredDoc } from '../helpers/layout.ts';
import { createBoardAt } from '../helpers/server.ts';
import { canonicalRecords, ScaleFixture, waitForConvergence, type Instance } from './helpers.ts';

// Compaction by count runs during the writes, so the kill also lands between compactions.
const ENV = { COMPACT_EVERY_UPDATES: '40' };

// SPEC R1, S1 (the contract's "relayed is durable") across instances: an update a client on B
// received from A survives a kill -9 of A; A's clients move to B (as a load balancer would send
// them) carrying their documents, and their offline edits arrive.
describe('two instances: kill -9 of one', () => {
  let fx: ScaleFixture;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    fx = await ScaleFixture.create();
    [a, b] = await Promise.all([fx.start('A', { env: ENV }), fx.start('B', { env: ENV })]);
  });
  afterAll(async () => fx?.dispose());

  it('loses nothing B received, and A’s clients carry on through B', async () => {
    const board = await createBoardAt(a.baseUrl, { title: 'kill -9' });
    const w1 = fx.connect(a, board.id, board.tokens.edit);
    const w2 = fx.connect(a, board.id, board.tokens.edit);
    const watcher = fx.connect(b, board.id, board.tokens.view);
    await Promise.all([w1.synced, w2.synced, watcher.synced]);
    const templateRecords = recordsMap(w1.doc).size;

    // Bursts from both writers on A, with overwrites and deletions among them.
    for (let i = 0; i < 150; i++) putRecord(i % 2 ? w1.doc : w2.doc, shapeRecord(`k${i}`, { x: i }));
    // Deleting a record a writer has not received yet would delete nothing: wait for all.
    await waitForConvergence([w1.doc, w2.doc, watcher.doc], templateRecords + 150);
    for (let i = 0; i < 150; i += 10) recordsMap(w1.doc).delete(`shape:k${i}`);
    for (let i = 5; i < 150; i += 10) putRecord(w2.doc, shapeRecord(`k${i}`, { x: 1000 + i }));
    for (let i = 150; i < 173; i++) putRecord(w1.doc, shapeRecord(`k${i}`, { x: i }));
    // 173 written, every tenth of the first 150 deleted.
    await waitForConvergence([w1.doc, w2.doc, watcher.doc], templateRecords + 173 - 15);
    const relayed = canonicalRecords(watcher.doc);

    // Everything reached B: kill A at once, with no chance to flush or compact.
    const exit = await a.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');

    // The database holds all of it, read directly.
    const storage = await fx.openStorage();
    expect(canonicalRecords(await loadStoredDoc(storage, board.id))).toBe(relayed);
    // A fresh client on B gets all of it.
    const fresh = fx.connect(b, board.id, board.tokens.view);
    await fresh.synced;
    expect(canonicalRecords(fresh.doc)).toBe(relayed);

    // A's clients edit while they have no server, then the "load balancer" sends them to B:
    // new providers on B carrying the same documents.
    w1.provider.destroy();
    w2.provider.destroy();
    putRecord(w1.doc, shapeRecord('offline-1', { x: 1 }));
    recordsMap(w2.doc).delete('shape:k1');
    putRecord(w2.doc, shapeRecord('offline-2', { x: 2 }));
    const back1 = fx.connect(b, board.id, board.tokens.edit, { doc: w1.doc });
    const back2 = fx.connect(b, board.id, board.tokens.edit, { doc: w2.doc });
    await Promise.all([back1.synced, back2.synced]);
    await waitForConvergence([back1.doc, back2.doc, watcher.doc, fresh.doc], templateRecords + 173 - 15 + 2 - 1);
    const after = recordsMap(watcher.doc);
    expect(after.get('shape:offline-1')?.x).toBe(1);
    expect(after.get('shape:offline-2')?.x).toBe(2);
    expect(after.has('shape:k1')).toBe(false);
    const final = canonicalRecords(watcher.doc);

    // A restarted A (same database and Redis) serves everything, offline edits included.
    const a2 = await fx.start('A again', { env: ENV });
    const onA2 = fx.connect(a2, board.id, board.tokens.view);
    await onA2.synced;
    expect(canonicalRecords(onA2.doc)).toBe(final);
    expect(canonicalRecords(await loadStoredDoc(storage, board.id))).toBe(final);
  });
});
