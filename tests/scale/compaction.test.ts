import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { putRecord, shapeRecord, type TestClient } from '../helpers/clients.ts';
import { loadStoredDoc } from '../helpers/layout.ts';
import { createBoardAt } from '../helpers/server.ts';
import { canonicalRecords, ScaleFixture, waitForConvergence, type Instance } from './helpers.ts';

const ENV = { COMPACT_EVERY_UPDATES: '20', COMPACT_IDLE_MS: '300' };
const WRITERS_PER_INSTANCE = 3;
const KEYS_PER_WRITER = 25;
const SEEDS = 30;

/** Yield to the event loop, so writers interleave and each write goes out as its own update. */
const tick = () => new Promise<void>((r) => setImmediate(r));

// SPEC S3: compaction is the union of the stored snapshot, the rows it read and the caller's
// state, under a row lock. Two instances compacting the same board every 20 updates while
// both take writes keep every record, and no deleted record comes back.
describe('two instances: concurrent compaction', () => {
  let fx: ScaleFixture;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    fx = await ScaleFixture.create();
    [a, b] = await Promise.all([fx.start('A', { env: ENV }), fx.start('B', { env: ENV })]);
  });
  afterAll(async () => fx?.dispose());

  it('keeps the union of hundreds of concurrent updates through both instances', async () => {
    const board = await createBoardAt(a.baseUrl, { title: 'compaction' });
    const writers: TestClient[] = [];
    for (let i = 0; i < WRITERS_PER_INSTANCE; i++) writers.push(fx.connect(a, board.id, board.tokens.edit), fx.connect(b, board.id, board.tokens.edit));
    await Promise.all(writers.map((w) => w.synced));
    const docs = writers.map((w) => w.doc);
    const expected = new Map<string, StoredRecord>();
    for (const [key, value] of recordsMap(docs[0]!).entries()) expected.set(key, value);

    // Seed records written through B, to be deleted through A during the storm.
    const seeder = writers[1]!;
    for (let i = 0; i < SEEDS; i++) {
      const r = shapeRecord(`seed${i}`, { x: i });
      putRecord(seeder.doc, r);
      expected.set(r.id, r);
    }
    await waitForConvergence(docs, expected.size);

    let updates = 0;
    const storm = writers.map(async (w, n) => {
      const put = (k: number, x: number) => {
        const r = shapeRecord(`w${n}-${k}`, { x });
        putRecord(w.doc, r);
        expected.set(r.id, r);
        updates++;
      };
      for (let k = 0; k < KEYS_PER_WRITER; k++) {
        put(k, k);
        await tick();
      }
      for (let k = 0; k < KEYS_PER_WRITER; k++) {
        put(k, 1000 + k);
        await tick();
        // Writer 0 (on A) deletes B's seeds as it goes.
        if (n === 0 && k < SEEDS) {
          recordsMap(w.doc).delete(`shape:seed${k}`);
          expected.delete(`shape:seed${k}`);
          updates++;
        }
      }
      for (let k = 0; k < KEYS_PER_WRITER; k += 5) {
        recordsMap(w.doc).delete(`shape:w${n}-${k}`);
        expected.delete(`shape:w${n}-${k}`);
        updates++;
        await tick();
      }
    });
    await Promise.all(storm);
    // Writer 0 deleted seeds 0..24 during the storm; the rest now.
    for (let k = KEYS_PER_WRITER; k < SEEDS; k++) {
      recordsMap(docs[0]!).delete(`shape:seed${k}`);
      expected.delete(`shape:seed${k}`);
      updates++;
    }
    expect(updates).toBeGreaterThan(300);
    await waitForConvergence(docs, expected.size);

    const want = canonicalOf(expected);
    expect(canonicalRecords(docs[0]!)).toBe(want);

    // Compactions ran: far fewer rows than updates remain.
    const storage = await fx.openStorage();
    const rows = await storage.countUpdates(board.id);
    expect(rows).toBeLessThan(updates / 3);
    expect((await storage.loadDocument(board.id)).snapshot).toBeDefined();

    // The rows read directly, and a third instance that never had the board loaded.
    expect(canonicalRecords(await loadStoredDoc(storage, board.id))).toBe(want);
    const c = await fx.start('C', { env: ENV });
    const fresh = fx.connect(c, board.id, board.tokens.view);
    await fresh.synced;
    expect(canonicalRecords(fresh.doc)).toBe(want);

    // Both stop at once, each storing a final snapshot concurrently with the other.
    for (const w of writers) w.provider.destroy();
    const exits = await Promise.all([a.stop(), b.stop()]);
    expect(exits.map((e) => e.code)).toEqual([0, 0]);
    expect(canonicalRecords(await loadStoredDoc(storage, board.id))).toBe(want);
    const fresh2 = fx.connect(c, board.id, board.tokens.view);
    await fresh2.synced;
    expect(canonicalRecords(fresh2.doc)).toBe(want);
    for (let i = 0; i < SEEDS; i++) expect(recordsMap(fresh2.doc).has(`shape:seed${i}`)).toBe(false);
  });
});

/** The expected records in the form `canonicalRecords` gives for a document. */
function canonicalOf(records: Map<string, StoredRecord>): string {
  const doc = new Y.Doc();
  const map = recordsMap(doc);
  for (const [k, v] of records) map.set(k, v);
  const out = canonicalRecords(doc);
  doc.destroy();
  return out;
}
