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

/**
 * Whether a change of a locked record only grows a frame (its `w` or `h` larger, nothing else
 * changed): placing a note in a full frame grows it (issue 13), which an edit-role session may do
 * under the lock; moving, shrinking, renaming or deleting it stays the facilitator's (SPEC D7).
 */
export function isLockedFrameGrowth(before: unknown, after: unknown): boolean {
  if (!isShape(before) || !isShape(after) || before.type !== 'frame' || after.type !== 'frame') return false;
  const { props: bp, ...b } = before;
  const { props: ap, ...a } = after;
  if (JSON.stringify(sorted(b)) !== JSON.stringify(sorted(a))) return false;
  const { w: bw, h: bh, ...bRest } = bp;
  const { w: aw, h: ah, ...aRest } = ap;
  if (JSON.stringify(sorted(bRest)) !== JSON.stringify(sorted(aRest))) return false;
  if (typeof bw !== 'number' || typeof bh !== 'number' || typeof aw !== 'number' || typeof ah !== 'number') return false;
  return aw >= bw && ah >= bh && (aw > bw || ah > bh);
}

function isShape(v: unknown): v is { type: unknown; props: Record<string, unknown>; [k: string]: unknown } {
  return typeof v === 'object' && v !== null && (v as { typeName?: unknown }).typeName === 'shape' && typeof (v as { props?: unknown }).props === 'object' && (v as { props?: unknown }).props !== null;
}

/** An object with its keys in order, so that two records compare by content alone. */
function sorted(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}
