import { describe, expect, it } from 'vitest';
import { recordsMap } from '../../../shared/doc/index.ts';
import { createPeers, docRecords, documentRecords, geoShape, manualFrames } from './harness.ts';

function expectConverged(peers: ReturnType<typeof createPeers>): void {
  expect(docRecords(peers.a)).toEqual(docRecords(peers.b));
  expect(documentRecords(peers.storeA)).toEqual(documentRecords(peers.storeB));
  // Each store must also agree with its own doc, or the next edit would diverge again.
  expect(documentRecords(peers.storeA)).toEqual(docRecords(peers.a));
}

describe('concurrent edits made while disconnected converge after reconnection', () => {
  it('merges creates, conflicting updates and a delete racing an update', () => {
    const peers = createPeers();
    const shared = geoShape('shared');
    const doomed = geoShape('doomed', { index: 'a2' });
    peers.storeA.put([shared, doomed]);
    peers.flush();
    expect(peers.storeB.has(doomed.id)).toBe(true);

    peers.pause();
    peers.storeA.put([geoShape('onlyA', { index: 'a3' })]);
    peers.storeB.put([geoShape('onlyB', { index: 'a4' })]);
    peers.storeA.update(shared.id, (s) => ({ ...s, x: 100 }));
    peers.storeB.update(shared.id, (s) => ({ ...s, x: 200 }));
    peers.storeA.update(doomed.id, (s) => ({ ...s, y: 55 }));
    peers.storeB.remove([doomed.id]);
    peers.flush();
    // Offline, each side sees only its own edits.
    expect(peers.storeA.has(doomed.id)).toBe(true);
    expect(peers.storeB.has(doomed.id)).toBe(false);

    peers.resume();

    expectConverged(peers);
    const ids = documentRecords(peers.storeA).map((r) => r.id);
    expect(ids).toContain('shape:onlyA');
    expect(ids).toContain('shape:onlyB');
    expect([100, 200]).toContain(peers.storeA.get(shared.id)?.x);
    // In a Y.Map a concurrent set outlives the delete it did not see: the update wins.
    expect(peers.storeB.get(doomed.id)).toMatchObject({ y: 55 });
  });

  it('keeps store and doc equal when a remote change lands before a local change is flushed', () => {
    const frames = manualFrames();
    try {
      const peers = createPeers();
      const shape = geoShape('raced');
      peers.storeA.put([shape]);
      peers.flush();

      // A's edit waits for its frame while B's edit of the same record arrives.
      peers.storeA.update(shape.id, (s) => ({ ...s, x: 1 }));
      peers.storeB.update(shape.id, (s) => ({ ...s, x: 2 }));
      peers.bindingB.flush();
      expect(peers.storeA.get(shape.id)?.x).toBe(2);
      peers.bindingA.flush();

      expectConverged(peers);
      expect(recordsMap(peers.a).get(shape.id)).toMatchObject({ x: 2 });
    } finally {
      frames.restore();
    }
  });

  it('converges when each side deletes what the other updates while offline', () => {
    const peers = createPeers();
    const left = geoShape('left');
    const right = geoShape('right', { index: 'a2' });
    peers.storeA.put([left, right]);
    peers.flush();

    peers.pause();
    peers.storeA.remove([left.id]);
    peers.storeA.update(right.id, (s) => ({ ...s, x: 9 }));
    peers.storeB.remove([right.id]);
    peers.storeB.update(left.id, (s) => ({ ...s, x: 8 }));
    peers.flush();
    peers.resume();

    expectConverged(peers);
    expect(peers.storeA.get(left.id)).toMatchObject({ x: 8 });
    expect(peers.storeA.get(right.id)).toMatchObject({ x: 9 });
  });
});
