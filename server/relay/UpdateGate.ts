import * as Y from 'yjs';
import { DocKeys, isStoredRecord, type DocKind, type StoredRecord } from '../../shared/doc/index.ts';
import { authorOf, sameAuthor, type NoteAuthor } from '../../shared/workshop/author.ts';
import { checkUpdate, findLayoutViolation } from './wire.ts';

/** A record whose `meta.author` an update set or changed: the author before and after. */
export interface AuthorClaim {
  id: string;
  before: NoteAuthor | undefined;
  after: NoteAuthor | undefined;
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
  let verdict: GateVerdict = { kind: 'accepted', changed: false, touched: [], authorClaims: [] };
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
  if (!transactionChanged(tr)) return { kind: 'accepted', changed: false, touched: [], authorClaims: [] };
  let layout: string | undefined;
  try {
    layout = findLayoutViolation(tr, opts.kind, stateNow(tr));
  } catch (err) {
    layout = `update could not be checked: ${(err as Error).message}`;
  }
  if (layout !== undefined) return { kind: 'refused', reason: layout, touchedDocument: true };
  if (opts.kind === 'workshop') return { kind: 'accepted', changed: true, touched: [], authorClaims: [] };
  const records = tr.doc.getMap<unknown>(DocKeys.records);
  // Yjs types `changed` by the abstract type; a map's entry holds the keys set or deleted.
  const keys = tr.changed.get(records as unknown as Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>);
  if (!keys || keys.size === 0) return { kind: 'accepted', changed: true, touched: [], authorClaims: [] };
  const touched: string[] = [];
  const authorClaims: AuthorClaim[] = [];
  for (const key of keys) {
    if (key === null) continue;
    touched.push(key);
    const value = records.get(key);
    if (value === undefined) continue; // deleted
    const reason = recordViolation(key, value, opts.validateRecord);
    if (reason !== undefined) return { kind: 'refused', reason: `record ${key.slice(0, 80)}: ${reason}`, touchedDocument: true };
    const after = authorOf((value as { meta?: unknown }).meta);
    const before = authorOf((valueBefore(tr, records, key) as { meta?: unknown } | undefined)?.meta);
    if (!sameAuthor(before, after)) authorClaims.push({ id: key, before, after });
  }
  return { kind: 'accepted', changed: true, touched, authorClaims };
}

/**
 * The value `key` held before the transaction: the map entry the update replaced, which Yjs
 * keeps (deleted, content not yet collected) to the left of the new one until the transaction
 * ends — the same place `YMapEvent` reads its `oldValue` from. Undefined for a new key.
 */
function valueBefore(tr: Y.Transaction, map: Y.Map<unknown>, key: string): unknown {
  let item = map._map.get(key)?.left ?? null;
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
