import type * as Y from 'yjs';
import { metaMap } from './layout.ts';

/**
 * The facilitator lock (issue 15). A locked record's id is kept in the board's `meta` map as
 * `lock:<record id>` → `true`, one key per record so that locking and unlocking from two places
 * merge. Only an owner session (a board's owner, a workshop's facilitator) may change these
 * keys, and the relay restores any record an edit-role session changes or deletes while it is
 * locked (docs/SPEC.md D7). tldraw's own `isLocked` flag stays a convenience any client can clear.
 */
export const LOCK_PREFIX = 'lock:';

/** The `meta` key that locks a record. */
export function lockKey(recordId: string): string {
  return LOCK_PREFIX + recordId;
}

/** The record a `meta` key locks, or undefined when the key is not a lock. */
export function lockedRecordOf(metaKey: string): string | undefined {
  return metaKey.startsWith(LOCK_PREFIX) ? metaKey.slice(LOCK_PREFIX.length) : undefined;
}

/** The ids of every locked record of a document. */
export function lockedIds(doc: Y.Doc): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of metaMap(doc).entries()) {
    const id = lockedRecordOf(key);
    if (id !== undefined && value === true) out.add(id);
  }
  return out;
}

/** Lock or unlock records in one transaction (the caller must be allowed to: an owner). */
export function setLocked(doc: Y.Doc, ids: Iterable<string>, locked: boolean, origin?: unknown): void {
  const meta = metaMap(doc);
  doc.transact(() => {
    for (const id of ids) {
      if (locked) {
        if (meta.get(lockKey(id)) !== true) meta.set(lockKey(id), true);
      } else if (meta.has(lockKey(id))) meta.delete(lockKey(id));
    }
  }, origin);
}
