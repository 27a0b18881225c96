import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentRecordType, PageRecordType, TLDOCUMENT_ID, type IndexKey } from 'tldraw';
import { MetaKeys, metaMap, recordsMap } from '../../../shared/doc/index.ts';
import { YjsStoreBinding } from '../../../client/sync/index.ts';
import {
  clientSchema,
  createDocPair,
  createTestStore,
  docRecords,
  documentRecords,
  geoShape,
  PAGE_ID,
  recordingLogger,
  seedBoard,
} from './harness.ts';

const quiet = recordingLogger().logger;

function storeWithBoard() {
  const store = createTestStore();
  store.put([
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: PAGE_ID, name: 'Page 1', index: 'a1' as IndexKey }),
    geoShape('local'),
  ]);
  return store;
}

describe('an empty doc', () => {
  it('is left empty when the store is empty too', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    const store = createTestStore();
    new YjsStoreBinding({ doc, store, logger: quiet });
    expect(updates).toBe(0);
    expect(store.allRecords()).toEqual([]);
  });

  it('takes the store document records and the schema, in one transaction of the binding', () => {
    const doc = new Y.Doc();
    const store = storeWithBoard();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const binding = new YjsStoreBinding({ doc, store, logger: quiet });
    expect(origins).toEqual([binding.origin]);
    expect(docRecords(doc)).toEqual(documentRecords(store));
    expect(docRecords(doc)).toHaveLength(3);
    expect(metaMap(doc).get(MetaKeys.schema)).toEqual(clientSchema());
  });

  it('is not seeded by a connection that cannot write', () => {
    const doc = new Y.Doc();
    new YjsStoreBinding({ doc, store: storeWithBoard(), canWrite: false, logger: quiet });
    expect(recordsMap(doc).size).toBe(0);
    expect(metaMap(doc).has(MetaKeys.schema)).toBe(false);
  });

  it('loads the board when the server state arrives after binding', () => {
    const docs = createDocPair();
    docs.pause();
    const store = createTestStore();
    new YjsStoreBinding({ doc: docs.b, store, logger: quiet });
    seedBoard(docs.a);
    expect(store.allRecords()).toEqual([]);
    docs.resume();
    expect(documentRecords(store).map((r) => r.id)).toEqual(['document:document', 'page:page']);
  });

  it('labels records written to a doc without a schema with ours', () => {
    const doc = new Y.Doc();
    const store = createTestStore();
    const binding = new YjsStoreBinding({ doc, store, logger: quiet });
    store.put([DocumentRecordType.create({ id: TLDOCUMENT_ID })]);
    binding.flush();
    expect(recordsMap(doc).has(TLDOCUMENT_ID)).toBe(true);
    expect(metaMap(doc).get(MetaKeys.schema)).toEqual(clientSchema());
  });
});
