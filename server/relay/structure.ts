import * as Y from 'yjs';
import { DocKeys, isStoredRecord, type StoredRecord } from '../../shared/doc/index.ts';
import { findRepairsAfterChange, type DocumentLookup, type RecordRepair } from '../../shared/records/index.ts';

/** The records map of a document as `shared/records`' repair functions read it. */
function lookup(records: Y.Map<unknown>): DocumentLookup {
  return {
    get: (id) => {
      const v = records.get(id);
      return isStoredRecord(v) ? v : undefined;
    },
    *values(): Iterable<StoredRecord> {
      for (const v of records.values()) if (isStoredRecord(v)) yield v;
    },
  };
}

/** The repairs an accepted update made necessary (SPEC D3), around the keys it set or deleted. */
export function findStructureRepairs(doc: Y.Doc, touched: readonly string[]): RecordRepair[] {
  return findRepairsAfterChange(lookup(doc.getMap<unknown>(DocKeys.records)), { changed: touched, deleted: touched });
}

/**
 * Apply repairs in one transaction with `origin`; the update it made (to store and relay like
 * any other), or undefined when nothing changed.
 */
export function applyStructureRepairs(doc: Y.Doc, repairs: readonly RecordRepair[], origin: unknown): Uint8Array | undefined {
  const records = doc.getMap<unknown>(DocKeys.records);
  let update: Uint8Array | undefined;
  const capture = (u: Uint8Array, o: unknown): void => {
    if (o === origin) update = u;
  };
  doc.on('update', capture);
  try {
    doc.transact(() => {
      for (const r of repairs) {
        if ('delete' in r) records.delete(r.id);
        else {
          const rec = records.get(r.id);
          if (isStoredRecord(rec)) records.set(r.id, { ...rec, parentId: r.set.parentId });
        }
      }
    }, origin);
  } finally {
    doc.off('update', capture);
  }
  return update;
}
