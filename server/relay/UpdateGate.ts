import * as Y from 'yjs';
import { DocKeys, isLockedFrameGrowth, isStoredRecord, lockKey, lockedRecordOf, type DocKind, type StoredRecord } from '../../shared/doc/index.ts';
import { authorOf, sameAuthor, type NoteAuthor } from '../../shared/workshop/author.ts';
import { checkUpdate, findLayoutViolation } from './wire.ts';

/** A record whose `meta.author` an update set or changed: the author before and after. */
export interface AuthorClaim {
  id: string;
  before: NoteAuthor | undefined;
  after: NoteAuthor | undefined;
}

/**
 * A value an update changed that its session may not change (SPEC D7): a locked record, or a
 * lock itself. `before` is what the key held before the update (undefined: it was absent).
 */
export interface LockedChange {
  root: typeof DocKeys.records | typeof DocKeys.meta;
  key: string;
  before: unknown;
}

/** Judges one record a document update created or changed; a reason when it is not valid. */
export type RecordValidator = (record: StoredRecord) => string | undefined;

/** The verdict on one document update, as a value (SPEC R3). */
export type GateVerdict =
  | {
      kind: 'accepted';
      /** Whether the update changed the document (a duplicate changes nothing). */
      changed: boolean;
      /** Keys of `records` the update set or deleted, for the cross-record check (SPEC D). */
      touched: readonly string[];
      /** Records whose note author the update changed (SPEC D6). */
      authorClaims: readonly AuthorClaim[];
      /** Locked values the update changed, to restore (SPEC D7); empty for most updates. */
      locked: readonly LockedChange[];
      /** The document's state vector before the update, when `locked` is not empty. */
      stateBefore?: Map<number, number>;
    }
  | {
      kind: 'refused';
      reason: string;
      /** Whether the refused update reached the document, which must then be rebuilt. */
      touchedDocument: boolean;
    };

/** What the gate checks besides the layout. */
export interface GateOptions {
  kind: DocKind;
  /** Checks each record the update creates or changes (boards and private areas). */
  validateRecord?: RecordValidator;
  /** Whether the session may change locked records and locks (an owner; SPEC D7). Default: no. */
  mayChangeLocks?: boolean;
}

/**
 * Apply `update` to `doc` in one transaction and judge what it integrated, before Yjs
 * collects deleted content: the layout (`findLayoutViolation`), every record it set (its key
 * is its id, it validates under the board schema, it is not its own parent), and that it does
 * not leave structs waiting for data nobody sent. The verdict is returned, never stored on the
 * side. A refused update may already have changed the document (`touchedDocument`).
 */
export function applyAndJudge(doc: Y.Doc, update: Uint8Array, origin: unknown, opts: GateOptions): GateVerdict {
  const store = doc.store;
  const pendingBefore = store.pendingStructs;
  if (pendingBefore !== null) {
    // The document already waits for missing data (from another instance): an update that
    // lacks data too could not be told apart afterwards, so it is checked before it is applied.
    const checked = checkUpdate(update, opts.kind, doc);
    if (!checked.ok) return { kind: 'refused', reason: checked.error, touchedDocument: false };
  }
  let verdict: GateVerdict = { kind: 'accepted', changed: false, touched: [], authorClaims: [], locked: [] };
  Y.transact(
    doc,
    (tr) => {
      try {
        Y.applyUpdate(doc, update, origin);
      } catch (err) {
        verdict = { kind: 'refused', reason: `update failed to integrate: ${(err as Error).message}`, touchedDocument: true };
        return;
      }
      verdict = judge(tr, opts);
    },
    origin,
  );
  if (verdict.kind === 'accepted' && pendingBefore === null && store.pendingStructs !== null) {
    return { kind: 'refused', reason: 'an item depends on data the server does not have', touchedDocument: true };
  }
  return verdict;
}

/** Apply an update that needs no judging (another instance's, or storage's); whether it changed the document. */
export function applyTrusted(doc: Y.Doc, update: Uint8Array | readonly Uint8Array[], origin: unknown): boolean {
  let changed = false;
  Y.transact(
    doc,
    (tr) => {
      for (const u of update instanceof Uint8Array ? [update] : update) Y.applyUpdate(doc, u, origin);
      changed = transactionChanged(tr);
    },
    origin,
  );
  return changed;
}

/** The state vector of a transaction's document now, as `Transaction.afterState` will be. */
function stateNow(tr: Y.Transaction): Map<number, number> {
  const after = new Map<number, number>();
  for (const client of tr.doc.store.clients.keys()) after.set(client, Y.getState(tr.doc.store, client));
  return after;
}

/** True when a transaction (still open) added or deleted anything. */
function transactionChanged(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of stateNow(tr)) if ((tr.beforeState.get(client) ?? 0) !== clock) return true;
  return false;
}

function judge(tr: Y.Transaction, opts: GateOptions): GateVerdict {
  if (!transactionChanged(tr)) return { kind: 'accepted', changed: false, touched: [], authorClaims: [], locked: [] };
  let layout: string | undefined;
  try {
    layout = findLayoutViolation(tr, opts.kind, stateNow(tr));
  } catch (err) {
    layout = `update could not be checked: ${(err as Error).message}`;
  }
  if (layout !== undefined) return { kind: 'refused', reason: layout, touchedDocument: true };
  if (opts.kind === 'workshop') return { kind: 'accepted', changed: true, touched: [], authorClaims: [], locked: [] };
  const records = tr.doc.getMap<unknown>(DocKeys.records);
  const meta = tr.doc.getMap<unknown>(DocKeys.meta);
  const keys = changedKeys(tr, records);
  const locks = opts.mayChangeLocks ? undefined : lockedBefore(tr, meta);
  const locked: LockedChange[] = locks ? lockChanges(tr, meta) : [];
  if (keys.size === 0) return accepted([], [], locked, tr);
  const touched: string[] = [];
  const authorClaims: AuthorClaim[] = [];
  for (const key of keys) {
    if (key === null) continue;
    touched.push(key);
    const value = records.get(key);
    if (value !== undefined) {
      const reason = recordViolation(key, value, opts.validateRecord);
      if (reason !== undefined) return { kind: 'refused', reason: `record ${key.slice(0, 80)}: ${reason}`, touchedDocument: true };
    }
    const previous = valueBefore(tr, records, key);
    if (locks?.(key)) {
      // A locked record changed or deleted by a session that may not: restored, not refused, so
      // a stock provider that re-sends the update on every reconnect does not loop (SPEC D7).
      // Growing a frame to hold a note (issue 13) is the one change allowed under the lock.
      if (JSON.stringify(previous) !== JSON.stringify(value) && !isLockedFrameGrowth(previous, value)) locked.push({ root: DocKeys.records, key, before: previous });
      continue;
    }
    if (value === undefined) continue; // deleted
    const after = authorOf((value as { meta?: unknown }).meta);
    const before = authorOf((previous as { meta?: unknown } | undefined)?.meta);
    if (!sameAuthor(before, after)) authorClaims.push({ id: key, before, after });
  }
  return accepted(touched, authorClaims, locked, tr);
}

function accepted(touched: readonly string[], authorClaims: readonly AuthorClaim[], locked: readonly LockedChange[], tr: Y.Transaction): GateVerdict {
  return locked.length === 0
    ? { kind: 'accepted', changed: true, touched, authorClaims, locked }
    : { kind: 'accepted', changed: true, touched, authorClaims, locked, stateBefore: new Map(tr.beforeState) };
}

/** The keys of a top-level map a transaction set or deleted. */
function changedKeys(tr: Y.Transaction, map: Y.Map<unknown>): Set<string | null> {
  // Yjs types `changed` by the abstract type; a map's entry holds the keys set or deleted.
  return tr.changed.get(map as unknown as Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>) ?? new Set();
}

/** Whether a record was locked before the transaction (the lock as it stood, not as the update left it). */
function lockedBefore(tr: Y.Transaction, meta: Y.Map<unknown>): (recordId: string) => boolean {
  const changed = changedKeys(tr, meta);
  return (recordId) => {
    const key = lockKey(recordId);
    return (changed.has(key) ? valueBefore(tr, meta, key) : meta.get(key)) === true;
  };
}

/** Locks the transaction set or removed: only an owner may (SPEC D7). */
function lockChanges(tr: Y.Transaction, meta: Y.Map<unknown>): LockedChange[] {
  const out: LockedChange[] = [];
  for (const key of changedKeys(tr, meta)) {
    if (key === null || lockedRecordOf(key) === undefined) continue;
    const before = valueBefore(tr, meta, key);
    if (before !== meta.get(key)) out.push({ root: DocKeys.meta, key, before });
  }
  return out;
}

/**
 * The value `key` held before the transaction: the map entry the update replaced, which Yjs
 * keeps (deleted, content not yet collected) to the left of the new one until the transaction
 * ends — the same place `YMapEvent` reads its `oldValue` from — or, for a key the update
 * deleted, the entry itself. Undefined for a new key.
 */
function valueBefore(tr: Y.Transaction, map: Y.Map<unknown>, key: string): unknown {
  let item = map._map.get(key) ?? null;
  // Skip what this transaction itself added; the first older entry is the value before, if it
  // was still alive then (not deleted, or deleted by this very transaction).
  while (item !== null && item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0)) item = item.left;
  if (item === null || (item.deleted && !Y.isDeleted(tr.deleteSet, item.id))) return undefined;
  return item.content.getContent()[0];
}

/** What is wrong with a record stored under `key`, if anything. */
function recordViolation(key: string, value: unknown, validate: RecordValidator | undefined): string | undefined {
  if (!isStoredRecord(value)) return 'a record must be an object with id and typeName';
  if (value.id !== key) return 'a record must be stored under its own id';
  if (value.parentId === value.id) return 'a record cannot be its own parent';
  return validate?.(value);
}
