import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createShapeId, type SerializedSchemaV2 } from 'tldraw';
import { MetaKeys, metaMap, recordsMap, type StoredRecord } from '../../../shared/doc/index.ts';
import { YjsStoreBinding, type ReadOnlyReason } from '../../../client/sync/index.ts';
import { clientSchema, createPeers, createTestStore, geoShape, seedBoard, recordingLogger } from './harness.ts';

const quiet = recordingLogger().logger;

function newerSchema(patch: Record<string, number>): SerializedSchemaV2 {
  const schema = clientSchema();
  return { ...schema, sequences: { ...schema.sequences, ...patch } };
}

function bindToNewerDoc(schema: SerializedSchemaV2) {
  const doc = new Y.Doc();
  seedBoard(doc, schema);
  const shape = geoShape('existing');
  doc.transact(() => recordsMap(doc).set(shape.id, shape as unknown as StoredRecord), 'server-seed');
  let updates = 0;
  doc.on('update', () => updates++);
  const reasons: ReadOnlyReason[] = [];
  const store = createTestStore();
  const binding = new YjsStoreBinding({ logger: quiet, doc, store, onReadOnly: (r) => reasons.push(r) });
  return { doc, store, binding, reasons, updates: () => updates };
}

describe('a document stored with a newer schema is read-only', () => {
  it('reports schema-too-new for a sequence ahead of ours and never writes', () => {
    const { doc, store, binding, reasons, updates } = bindToNewerDoc(
      newerSchema({ 'com.tldraw.shape.geo': clientSchema().sequences['com.tldraw.shape.geo']! + 1 }),
    );
    const expected = { kind: 'schema-too-new', sequences: ['com.tldraw.shape.geo'] };
    expect(binding.readOnlyReason).toEqual(expected);
    expect(reasons).toEqual([expected]);
    // What our schema can read is still shown.
    expect(store.has(createShapeId('existing'))).toBe(true);

    store.put([geoShape('local', { index: 'a2' })]);
    store.remove([createShapeId('existing')]);
    binding.flush();
    expect(updates()).toBe(0);
    expect(recordsMap(doc).has(createShapeId('existing'))).toBe(true);
    expect(recordsMap(doc).has(createShapeId('local'))).toBe(false);
  });

  it('treats a sequence we do not know as newer', () => {
    const { binding, updates } = bindToNewerDoc(newerSchema({ 'com.example.shape.sticker': 1 }));
    expect(binding.readOnlyReason).toEqual({ kind: 'schema-too-new', sequences: ['com.example.shape.sticker'] });
    expect(updates()).toBe(0);
  });

  it('becomes read-only when a newer client upgrades the doc mid-session', () => {
    const reasons: ReadOnlyReason[] = [];
    const peers = createPeers({ onReadOnly: (r) => reasons.push(r) });
    const newer = newerSchema({ 'com.tldraw.shape.geo': 99 });
    const upgraded = { ...geoShape('upgraded'), props: { ...geoShape('upgraded').props, flipZ: true } };
    const plain = geoShape('plain', { index: 'a2' });
    peers.bindingB.dispose(); // B stands for the newer client
    peers.b.transact(() => {
      metaMap(peers.b).set(MetaKeys.schema, newer);
      recordsMap(peers.b).set(upgraded.id, upgraded as unknown as StoredRecord);
      recordsMap(peers.b).set(plain.id, plain as unknown as StoredRecord);
    }, 'newer client');

    expect(peers.bindingA.readOnlyReason).toMatchObject({ kind: 'schema-too-new' });
    expect(reasons).toHaveLength(1);
    // A record our schema cannot read is left out; one it can read still shows.
    expect(peers.storeA.has(upgraded.id)).toBe(false);
    expect(peers.storeA.get(plain.id)).toEqual(plain);

    peers.storeA.put([geoShape('after', { index: 'a3' })]);
    peers.bindingA.flush();
    expect(recordsMap(peers.a).has(createShapeId('after'))).toBe(false);
    expect(metaMap(peers.a).get(MetaKeys.schema)).toEqual(newer);
  });

  it('reports an unreadable meta.schema and writes nothing', () => {
    const doc = new Y.Doc();
    seedBoard(doc);
    doc.transact(() => metaMap(doc).set(MetaKeys.schema, { schemaVersion: 3 }), 'server-seed');
    const store = createTestStore();
    const binding = new YjsStoreBinding({ logger: quiet, doc, store });
    expect(binding.readOnlyReason).toMatchObject({ kind: 'schema-unreadable' });
    store.put([geoShape('x')]);
    binding.flush();
    expect(recordsMap(doc).has(createShapeId('x'))).toBe(false);
  });
});
