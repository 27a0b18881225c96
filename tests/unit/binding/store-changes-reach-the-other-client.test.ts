import { describe, expect, it } from 'vitest';
import { recordsMap } from '../../../shared/doc/index.ts';
import { createPeers, docRecords, documentRecords, geoShape } from './harness.ts';

describe('store changes reach the other client', () => {
  it('loads the seeded board into both stores', () => {
    const peers = createPeers();
    expect(documentRecords(peers.storeA).map((r) => r.id)).toEqual(['document:document', 'page:page']);
    expect(documentRecords(peers.storeB)).toEqual(documentRecords(peers.storeA));
  });

  it('carries creates, updates and deletes from A to B', () => {
    const peers = createPeers();
    const shape = geoShape('a1', { x: 10 });
    peers.storeA.put([shape]);
    peers.flush();
    expect(peers.storeB.get(shape.id)).toEqual(shape);
    expect(recordsMap(peers.b).get(shape.id)).toEqual(shape);

    peers.storeA.put([{ ...shape, x: 42, props: { ...shape.props, w: 250 } }]);
    peers.flush();
    expect(peers.storeB.get(shape.id)).toMatchObject({ x: 42, props: { w: 250 } });

    peers.storeA.remove([shape.id]);
    peers.flush();
    expect(peers.storeB.has(shape.id)).toBe(false);
    expect(recordsMap(peers.b).has(shape.id)).toBe(false);
  });

  it('carries creates, updates and deletes from B to A', () => {
    const peers = createPeers();
    const shapes = [geoShape('b1'), geoShape('b2', { index: 'a2' })];
    peers.storeB.put(shapes);
    peers.flush();
    expect(peers.storeA.get(shapes[0]!.id)).toEqual(shapes[0]);
    expect(peers.storeA.get(shapes[1]!.id)).toEqual(shapes[1]);

    peers.storeB.update(shapes[1]!.id, (s) => ({ ...s, y: -7 }));
    peers.storeB.remove([shapes[0]!.id]);
    peers.flush();
    expect(peers.storeA.has(shapes[0]!.id)).toBe(false);
    expect(peers.storeA.get(shapes[1]!.id)).toMatchObject({ y: -7 });
    expect(documentRecords(peers.storeA)).toEqual(documentRecords(peers.storeB));
    expect(docRecords(peers.a)).toEqual(documentRecords(peers.storeA));
  });
});
