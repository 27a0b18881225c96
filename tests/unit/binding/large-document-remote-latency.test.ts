import { describe, expect, it, vi } from 'vitest';
import { getIndices } from 'tldraw';
import { recordsMap, type StoredRecord } from '../../../shared/doc/index.ts';
import { YjsStoreBinding } from '../../../client/sync/index.ts';
import { createDocPair, createTestStore, geoShape, recordingLogger, seedBoard } from './harness.ts';

// The timing target (150 ms p95 per remote change) is measured by `npm run bench:binding`
// (bench/binding/remoteLatency.bench.ts), not here: a test does not depend on the machine's speed.
const SHAPES = 5000;

// Generous time limit: a 5,000-shape board on a shared 2-core box; speed is the bench's business.
describe(`a ${SHAPES}-shape document`, { timeout: 120_000 }, () => {
  it('applies every remote and local change, with work proportional to the change', () => {
    const docs = createDocPair();
    seedBoard(docs.a);
    const indices = getIndices(SHAPES);
    const shapes = Array.from({ length: SHAPES }, (_, i) =>
      geoShape(`s${i}`, { x: (i % 100) * 120, y: Math.floor(i / 100) * 120, index: indices[i]! }),
    );
    docs.a.transact(() => {
      for (const shape of shapes) recordsMap(docs.a).set(shape.id, shape as unknown as StoredRecord);
    }, 'server-seed');

    const store = createTestStore();
    const binding = new YjsStoreBinding({ doc: docs.b, store, logger: recordingLogger().logger });
    expect(store.query.records('shape').get()).toHaveLength(SHAPES);

    for (let i = 0; i < 100; i++) {
      const shape = shapes[(i * 37) % SHAPES]!;
      docs.a.transact(() => recordsMap(docs.a).set(shape.id, { ...shape, x: -i } as unknown as StoredRecord));
      expect(store.get(shape.id)?.x).toBe(-i);
    }

    // Work per remote change follows what changed, not the size of the board.
    const validations = vi.spyOn(store.schema, 'validateRecord');
    docs.a.transact(() => recordsMap(docs.a).set(shapes[7]!.id, { ...shapes[7]!, x: 7 } as unknown as StoredRecord));
    expect(store.get(shapes[7]!.id)?.x).toBe(7);
    expect(validations.mock.calls.length).toBeGreaterThan(0);
    expect(validations.mock.calls.length).toBeLessThanOrEqual(2); // ours, then the store's own on put
    validations.mockRestore();

    for (let round = 0; round < 20; round++) {
      docs.a.transact(() => {
        for (let i = 0; i < 100; i++) {
          const shape = shapes[round * 100 + i]!;
          recordsMap(docs.a).set(shape.id, { ...shape, y: round } as unknown as StoredRecord);
        }
      });
      expect(store.get(shapes[round * 100 + 99]!.id)?.y).toBe(round);
    }
    expect(store.get(shapes[1999]!.id)?.y).toBe(19);

    for (let i = 0; i < 50; i++) {
      const shape = shapes[i]!;
      store.update(shape.id, (s) => ({ ...s, rotation: i / 100 }));
      binding.flush();
      expect(recordsMap(docs.a).get(shape.id)).toMatchObject({ rotation: i / 100 });
    }
    expect(recordsMap(docs.a).get(shapes[49]!.id)).toMatchObject({ rotation: 0.49 });
  });
});
