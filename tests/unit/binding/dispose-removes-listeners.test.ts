import { describe, expect, it } from 'vitest';
import { MetaKeys, metaMap, recordsMap } from '../../../shared/doc/index.ts';
import type { ReadOnlyReason } from '../../../client/sync/index.ts';
import { clientSchema, createPeers, geoShape } from './harness.ts';

describe('dispose removes every listener', () => {
  it('stops both directions and schema watching', () => {
    const reasons: ReadOnlyReason[] = [];
    const peers = createPeers({ onReadOnly: (r) => reasons.push(r) });
    peers.bindingA.dispose();

    peers.storeA.put([geoShape('fromA')]);
    peers.flush();
    expect(recordsMap(peers.a).has(geoShape('fromA').id)).toBe(false);

    peers.storeB.put([geoShape('fromB')]);
    peers.flush();
    expect(recordsMap(peers.a).has(geoShape('fromB').id)).toBe(true);
    expect(peers.storeA.has(geoShape('fromB').id)).toBe(false);

    const newer = { ...clientSchema(), sequences: { ...clientSchema().sequences, 'com.tldraw.shape.geo': 99 } };
    peers.b.transact(() => metaMap(peers.b).set(MetaKeys.schema, newer), 'newer client');
    expect(peers.bindingA.readOnlyReason).toBeNull();
    expect(peers.bindingB.readOnlyReason).toMatchObject({ kind: 'schema-too-new' });
    expect(reasons).toHaveLength(1);
  });

  it('is safe to call twice', () => {
    const peers = createPeers();
    peers.bindingA.dispose();
    expect(() => peers.bindingA.dispose()).not.toThrow();
  });
});
