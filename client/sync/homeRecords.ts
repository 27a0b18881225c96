import type { TLRecord } from 'tldraw';
import type { StoredRecord } from '../../shared/doc/index.ts';
import { findRepairsAfterChange, type RecordRepair } from '../../shared/records/index.ts';

/** A batch of remote changes on its way into the store. */
export interface StoreBatch {
  puts: TLRecord[];
  removes: TLRecord['id'][];
}

/**
 * Makes a batch of remote changes safe for tldraw's store (pure): tldraw walks a shape's
 * parents without a cycle check, so a shape that would end up in a parent cycle (a self-parent
 * included) or under a missing parent goes to the first page instead, and a binding to a
 * missing shape is left out (docs/SPEC.md D4). This is the reading every reader makes; the
 * document is not changed here: the server repairs it, and its repair arrives like any change.
 * `current` and `all` read the store as it is before the batch.
 */
export function homeRecords(batch: StoreBatch, store: { current(id: string): TLRecord | undefined; all(): Iterable<TLRecord> }): StoreBatch & { repairs: RecordRepair[] } {
  const puts = new Map<string, TLRecord>(batch.puts.map((r) => [r.id, r]));
  const removed = new Set<string>(batch.removes);
  const get = (id: string): StoredRecord | undefined => {
    const r = puts.get(id) ?? (removed.has(id) ? undefined : store.current(id));
    return r as unknown as StoredRecord | undefined;
  };
  function* values(): Iterable<StoredRecord> {
    for (const r of store.all()) if (!puts.has(r.id) && !removed.has(r.id)) yield r as unknown as StoredRecord;
    for (const r of puts.values()) yield r as unknown as StoredRecord;
  }
  const repairs = findRepairsAfterChange({ get, values }, { changed: puts.keys(), deleted: batch.removes });
  if (repairs.length === 0) return { ...batch, repairs };
  const removes = [...batch.removes];
  for (const fix of repairs) {
    const record = get(fix.id) as unknown as TLRecord | undefined;
    if (!record) continue;
    if ('set' in fix) puts.set(fix.id, { ...record, ...fix.set } as TLRecord);
    else {
      puts.delete(fix.id);
      if (store.current(fix.id)) removes.push(fix.id as TLRecord['id']);
    }
  }
  return { puts: [...puts.values()], removes, repairs };
}
