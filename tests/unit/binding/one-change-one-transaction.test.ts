import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordsMap } from '../../../shared/doc/index.ts';
import { createPeers, countTransactions, geoShape, manualFrames } from './harness.ts';

describe('one tldraw change is one Yjs transaction', () => {
  let frames: ReturnType<typeof manualFrames>;
  beforeEach(() => {
    frames = manualFrames();
  });
  afterEach(() => frames.restore());

  it('writes a change touching several records in a single transaction', () => {
    const peers = createPeers();
    const counter = countTransactions(peers.a, () => peers.bindingA.origin);
    peers.storeA.put([geoShape('t1'), geoShape('t2', { index: 'a2' }), geoShape('t3', { index: 'a3' })]);
    peers.flush();
    expect(counter.count).toBe(1);

    peers.storeA.update(geoShape('t1').id, (s) => ({ ...s, x: 5 }));
    peers.storeA.remove([geoShape('t2').id]);
    peers.storeA.put([geoShape('t4', { index: 'a4' })]);
    expect(counter.count).toBe(1);
    // What the user did within one frame is one history entry by the time the listener runs.
    frames.runFrame();
    expect(counter.count).toBe(2);
    expect(peers.storeB.has(geoShape('t4').id)).toBe(true);
    expect(peers.storeB.has(geoShape('t2').id)).toBe(false);
    counter.stop();
  });

  it('writes changes flushed apart in separate transactions', () => {
    const peers = createPeers();
    const counter = countTransactions(peers.a, () => peers.bindingA.origin);
    peers.storeA.put([geoShape('s1')]);
    peers.flush();
    peers.storeA.put([geoShape('s2', { index: 'a2' })]);
    peers.flush();
    expect(counter.count).toBe(2);
    counter.stop();
  });

  it('applies one remote transaction to the store as one remote history entry', () => {
    const peers = createPeers();
    const entries: string[] = [];
    const stop = peers.storeB.listen((entry) => entries.push(entry.source), { scope: 'document' });
    peers.storeA.put([geoShape('r1'), geoShape('r2', { index: 'a2' })]);
    peers.flush();
    peers.bindingB.flush();
    expect(entries).toEqual(['remote']);
    stop();
  });

  it('writes nothing when the store changes only what the doc already holds', () => {
    const peers = createPeers();
    const shape = geoShape('same');
    peers.storeA.put([shape]);
    peers.flush();
    const counter = countTransactions(peers.a, () => peers.bindingA.origin);
    peers.storeA.update(shape.id, (s) => ({ ...s, x: 3 }));
    peers.storeA.update(shape.id, (s) => ({ ...s, x: 0 }));
    peers.flush();
    expect(counter.count).toBe(0);
    counter.stop();
  });

  it('does not read its own writes back into the store', () => {
    const peers = createPeers();
    const echoes: unknown[] = [];
    const stop = peers.storeA.listen((entry) => echoes.push(entry.changes), { source: 'remote' });
    const validations = vi.spyOn(peers.storeA.schema, 'validateRecord');
    peers.storeA.put([geoShape('mine')]);
    validations.mockClear();
    peers.flush();
    expect(recordsMap(peers.a).has(geoShape('mine').id)).toBe(true);
    expect(validations).not.toHaveBeenCalled();
    expect(echoes).toEqual([]);
    stop();
  });
});
