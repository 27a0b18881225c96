import * as Y from 'yjs';
import { DocKeys, isStoredRecord, type StoredRecord } from '../../shared/doc/index.ts';
import { findRepairsAfterChange, type DocumentLookup, type RecordRepair } from '../../shared/records/index.ts';
import { authorStamp, sameAuthor, type NoteAuthor } from '../../shared/workshop/author.ts';
import type { AuthorClaim, LockedChange } from './UpdateGate.ts';

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

/** A server edit of one record: set its note author (undefined removes it). */
export interface AuthorFix {
  id: string;
  author: NoteAuthor | undefined;
}

/**
 * The note authors an update claimed that its session may not claim (SPEC D6): a new author on
 * a record must be the session's own identity as the server knows it (a workshop member's name
 * and role); an existing author cannot be changed or removed. Each fix restores the author the
 * record had, or stamps the session's own, or removes a claim nobody can make.
 */
export function findAuthorFixes(claims: readonly AuthorClaim[], own: NoteAuthor | undefined): AuthorFix[] {
  const stamp = own ? authorStamp(own) : undefined;
  const fixes: AuthorFix[] = [];
  for (const c of claims) {
    if (c.before === undefined && c.after !== undefined && stamp && sameAuthor(c.after, stamp)) continue;
    const author = c.before ?? (c.after !== undefined ? stamp : undefined);
    if (!sameAuthor(author, c.after)) fixes.push({ id: c.id, author });
  }
  return fixes;
}

/**
 * Apply repairs and author fixes in one transaction with `origin`; the update it made (to store
 * and relay like any other), or undefined when nothing changed.
 */
export function applyStructureRepairs(doc: Y.Doc, repairs: readonly RecordRepair[], origin: unknown, authorFixes: readonly AuthorFix[] = []): Uint8Array | undefined {
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
      for (const f of authorFixes) {
        const rec = records.get(f.id);
        if (!isStoredRecord(rec)) continue;
        const { author: _claimed, ...meta } = (typeof rec.meta === 'object' && rec.meta !== null ? rec.meta : {}) as Record<string, unknown>;
        records.set(f.id, { ...rec, meta: f.author ? { ...meta, author: { name: f.author.name, role: f.author.role } } : meta });
      }
    }, origin);
  } finally {
    doc.off('update', capture);
  }
  return update;
}

/**
 * Put back what an update changed under a lock (SPEC D7), in one transaction with `origin`:
 * each locked record or lock gets the value it had before (or goes, when it had none). The
 * update's own items stay in the document, deleted and collected, so the session's later
 * updates still integrate. Returns the update and the restore as one, from `stateBefore` (the
 * document's state before the update): the locked edit's content is not in it.
 */
export function restoreLocked(doc: Y.Doc, locked: readonly LockedChange[], origin: unknown, stateBefore: Map<number, number>): Uint8Array {
  const serverClock = Y.getState(doc.store, doc.clientID);
  doc.transact(() => {
    for (const l of locked) {
      const map = doc.getMap<unknown>(l.root);
      if (l.before === undefined) map.delete(l.key);
      else map.set(l.key, l.before);
    }
  }, origin);
  const since = new Map(stateBefore);
  since.set(doc.clientID, Math.min(serverClock, stateBefore.get(doc.clientID) ?? serverClock));
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(since));
}

/** Run a feature's change of the document in one transaction with `origin`; the update it made, if any. */
export function applyServerEdit(doc: Y.Doc, edit: (doc: Y.Doc) => void, origin: unknown): Uint8Array | undefined {
  let update: Uint8Array | undefined;
  const capture = (u: Uint8Array, o: unknown): void => {
    if (o === origin) update = u;
  };
  doc.on('update', capture);
  try {
    doc.transact(() => edit(doc), origin);
  } finally {
    doc.off('update', capture);
  }
  return update;
}
