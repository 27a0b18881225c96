import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createShapeId, toRichText, type TLRecord } from 'tldraw';
import { MetaKeys, metaMap, recordsMap, type StoredRecord } from '../../../shared/doc/index.ts';
import { YjsStoreBinding } from '../../../client/sync/index.ts';
import { clientSchema, createDocPair, createTestStore, geoShape, seedBoard, recordingLogger } from './harness.ts';

const quiet = recordingLogger().logger;

const GEO = 'com.tldraw.shape.geo';
const NOTE = 'com.tldraw.shape.note';

/** Our schema with geo one version back (before AddFlipProps) and note one back (before RenameFirstEditedByToLast). */
function olderSchema() {
  const schema = clientSchema();
  expect(schema.sequences[GEO]).toBe(12);
  expect(schema.sequences[NOTE]).toBe(13);
  return { ...schema, sequences: { ...schema.sequences, [GEO]: 11, [NOTE]: 12 } };
}

/** A geo shape as geo version 11 stored it: no flipX / flipY. */
function oldGeo(name: string): StoredRecord {
  const shape = geoShape(name);
  const { flipX: _x, flipY: _y, ...props } = shape.props;
  return { ...shape, props } as unknown as StoredRecord;
}

/** A note as note version 12 stored it: `textFirstEditedBy` instead of `textLastEditedBy`. */
function oldNote(name: string): StoredRecord {
  return {
    ...geoShape(name),
    type: 'note',
    props: {
      color: 'yellow',
      richText: toRichText('本人の希望'),
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      labelColor: 'black',
      growY: 0,
      fontSizeAdjustment: 1,
      url: '',
      scale: 1,
      textFirstEditedBy: 'user:yamada',
    },
  } as unknown as StoredRecord;
}

function seedOlderBoard(doc: Y.Doc): void {
  seedBoard(doc, olderSchema());
  doc.transact(() => {
    recordsMap(doc).set(oldGeo('g').id, oldGeo('g'));
    recordsMap(doc).set(oldNote('n').id, oldNote('n'));
  }, 'server-seed');
}

describe('a document stored with an older schema is migrated', () => {
  it('loads migrated records and upgrades the doc in one local transaction', () => {
    const docs = createDocPair();
    seedOlderBoard(docs.a);
    const transactions: Array<{ origin: unknown; keys: string[] }> = [];
    recordsMap(docs.a).observe((event, tr) => transactions.push({ origin: tr.origin, keys: [...event.keysChanged].sort() }));
    const metaOrigins: unknown[] = [];
    metaMap(docs.a).observe((_event, tr) => metaOrigins.push(tr.origin));

    const store = createTestStore();
    const binding = new YjsStoreBinding({ logger: quiet, doc: docs.a, store });

    expect(binding.readOnlyReason).toBeNull();
    const geoId = createShapeId('g');
    const noteId = createShapeId('n');
    expect(store.get(geoId)).toMatchObject({ props: { flipX: false, flipY: false } });
    const note = store.get(noteId) as Extract<TLRecord, { type: 'note' }>;
    expect(note.props).toMatchObject({ textLastEditedBy: 'user:yamada' });
    expect(note.props).not.toHaveProperty('textFirstEditedBy');

    // Only the migrated records are rewritten, together with the schema, in one transaction.
    expect(transactions).toEqual([{ origin: binding.origin, keys: [geoId, noteId] }]);
    expect(metaOrigins).toEqual([binding.origin]);
    // The other client's doc has the upgrade too.
    expect(metaMap(docs.b).get(MetaKeys.schema)).toEqual(clientSchema());
    expect(recordsMap(docs.b).get(geoId)).toEqual(store.get(geoId));
    expect(recordsMap(docs.b).get(noteId)).toEqual(store.get(noteId));
  });

  it('a second client of the same version loads the upgraded doc without writing', () => {
    const docs = createDocPair();
    seedOlderBoard(docs.a);
    new YjsStoreBinding({ logger: quiet, doc: docs.a, store: createTestStore() });
    let updates = 0;
    docs.b.on('update', () => updates++);
    const storeB = createTestStore();
    new YjsStoreBinding({ logger: quiet, doc: docs.b, store: storeB });
    expect(updates).toBe(0);
    expect(storeB.get(createShapeId('g'))).toMatchObject({ props: { flipX: false } });
  });

  it('a connection that cannot write migrates what it reads and writes nothing', () => {
    const docs = createDocPair();
    seedOlderBoard(docs.a);
    let updates = 0;
    docs.b.on('update', () => updates++);
    const store = createTestStore();
    const binding = new YjsStoreBinding({ logger: quiet, doc: docs.b, store, canWrite: false });
    expect(store.get(createShapeId('g'))).toMatchObject({ props: { flipX: false } });

    // An older client keeps writing records in its own shape; they are migrated on the way in.
    docs.a.transact(() => recordsMap(docs.a).set(oldGeo('late').id, oldGeo('late')), 'older client');
    expect(store.get(createShapeId('late'))).toMatchObject({ props: { flipX: false, flipY: false } });

    store.put([geoShape('local')]);
    binding.flush();
    expect(recordsMap(docs.b).has(createShapeId('local'))).toBe(false);
    expect(metaMap(docs.b).get(MetaKeys.schema)).toEqual(olderSchema());
    expect(updates).toBe(1); // only the older client's update arrived
  });
});
