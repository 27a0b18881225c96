import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { allowedRootTypes, DocKeys, isStoredRecord, type DocKind } from '../../shared/doc/index.ts';
import { AuthMessage, MessageType, SyncStep } from '../../shared/protocol/index.ts';

/** A frame from a client, parsed and checked at the edge. */
export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | {
      kind: 'sync-update';
      step: 'step2' | 'update';
      update: Uint8Array;
      /** True when the frame is exactly this message, nothing after it, so it can be relayed as received. */
      exact: boolean;
    }
  | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' }
  | { kind: 'auth' };

/** One participant's entry in an awareness update. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Upper bound on awareness entries in one frame; a browser tab sends one. */
const MAX_AWARENESS_ENTRIES = 64;

/**
 * Parse one frame of the y-websocket protocol. Never throws: a frame that does not decode is
 * `{ ok: false }` (SPEC R3). A document update is only framed here; whether it keeps the
 * document layout is checked as it integrates (`findLayoutViolation`), or before, with
 * `checkUpdate`, when the document already waits for missing data.
 */
export function parseClientMessage(frame: Uint8Array): ParseResult<ClientMessage> {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === SyncStep.Step1) {
          Y.decodeStateVector(payload);
          return { ok: true, value: { kind: 'sync-step1', stateVector: payload } };
        }
        if (step === SyncStep.Step2 || step === SyncStep.Update) {
          const exact = decoder.pos === frame.length;
          return { ok: true, value: { kind: 'sync-update', step: step === SyncStep.Step2 ? 'step2' : 'update', update: payload, exact } };
        }
        return { ok: false, error: `unknown sync step ${step}` };
      }
      case MessageType.Awareness: {
        const payload = decoding.readVarUint8Array(decoder);
        const entries = parseAwarenessUpdate(payload);
        if (!entries.ok) return entries;
        return { ok: true, value: { kind: 'awareness', update: payload, entries: entries.value } };
      }
      case MessageType.QueryAwareness:
        return { ok: true, value: { kind: 'query-awareness' } };
      case MessageType.Auth:
        return { ok: true, value: { kind: 'auth' } };
      default:
        return { ok: false, error: `unknown message type ${type}` };
    }
  } catch (err) {
    return { ok: false, error: `undecodable frame: ${(err as Error).message}` };
  }
}

/** Where an item lives: the top-level map it is in, or why that is not known. */
type Placement = { root: string } | { nested: true } | undefined;

/** True for a value JSON can carry unchanged: no bigint, bytes, undefined or non-finite numbers. */
export function isPlainJson(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isPlainJson(v, depth + 1));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(value as Record<string, unknown>).every((v) => isPlainJson(v, depth + 1));
  }
  return false;
}

/**
 * Check that a Yjs update decodes completely and stays within the layout of its kind of
 * document: for boards only the `records` and `meta` maps at the top (for a workshop, its
 * state map), values that are plain JSON (no nested shared types, no text or binary
 * content), and records that carry an id and typeName. An item that overwrites a key names
 * no parent in the update; it is placed through the item it follows, found in the update
 * itself or in `doc` (the room's document). An item that cannot be placed is refused: it
 * depends on data nobody sent, and would otherwise wait in the document unchecked.
 */
export function checkUpdate(update: Uint8Array, kind: DocKind = 'board', doc?: Y.Doc): ParseResult<true> {
  const roots = allowedRootTypes(kind);
  let decoded: { structs: Array<Y.Item | Y.GC | Y.Skip> };
  try {
    decoded = Y.decodeUpdate(update);
  } catch (err) {
    return { ok: false, error: `undecodable update: ${(err as Error).message}` };
  }
  const items = decoded.structs.filter((s): s is Y.Item => s instanceof Y.Item);
  const byClient = new Map<number, Y.Item[]>();
  for (const it of items) byClient.set(it.id.client, [...(byClient.get(it.id.client) ?? []), it]);
  const placed = new Map<Y.Item, Placement>();

  const inUpdate = (id: Y.ID): Y.Item | undefined =>
    byClient.get(id.client)?.find((it) => it.id.clock <= id.clock && id.clock < it.id.clock + it.length);
  const inDoc = (id: Y.ID): Placement => {
    if (!doc || Y.getState(doc.store, id.client) <= id.clock) return undefined;
    const struct = Y.getItem(doc.store, id);
    if (!(struct instanceof Y.Item)) return undefined;
    const type = struct.parent as Y.AbstractType<unknown> | null;
    if (!type || type._item !== null) return { nested: true };
    const root = Y.findRootTypeKey(type);
    return root === undefined ? undefined : { root };
  };
  const place = (it: Y.Item, depth: number): Placement => {
    if (placed.has(it)) return placed.get(it);
    let result: Placement;
    const parent: unknown = it.parent;
    if (typeof parent === 'string') result = { root: parent };
    else if (parent !== null) result = { nested: true };
    else if (depth < 10_000) {
      const ref = it.origin ?? it.rightOrigin;
      const local = ref ? inUpdate(ref) : undefined;
      result = local ? place(local, depth + 1) : ref ? inDoc(ref) : undefined;
    }
    placed.set(it, result);
    return result;
  };

  for (const it of items) {
    const where = place(it, 0);
    if (where === undefined) return { ok: false, error: 'an item depends on data the server does not have' };
    if ('nested' in where) return { ok: false, error: 'nested shared types are not in the layout' };
    if (typeof it.parent === 'string' && it.parentSub === null) return { ok: false, error: 'list content in a map' };
    const error = valueViolation(it, where.root, roots);
    if (error) return { ok: false, error };
  }
  return { ok: true, value: true };
}

/** What is wrong with an item's place (a top-level map of the layout) and content, if anything. */
function valueViolation(it: Y.Item, root: string, roots: ReadonlySet<string>): string | undefined {
  if (!roots.has(root)) return `top-level type "${root.slice(0, 40)}" is not in the layout`;
  const content = it.content;
  if (content instanceof Y.ContentDeleted) return undefined;
  if (!(content instanceof Y.ContentAny)) return `content ${content.constructor.name} is not in the layout`;
  if (content.arr.length !== 1) return 'a map value must be a single JSON value';
  const value = content.arr[0];
  if (!isPlainJson(value)) return 'a value must be plain JSON';
  if (root === DocKeys.records && !isStoredRecord(value)) return 'a record must be an object with id and typeName';
  return undefined;
}

/**
 * The layout check of `checkUpdate`, done on what a transaction has just integrated instead
 * of on a second decoding of the update: every struct the transaction added, deleted in it
 * or not, must be a single plain-JSON value in an allowed top-level map. Called from the
 * document's `afterTransaction` event, before Yjs garbage-collects deleted content, so
 * nothing an update carried escapes the check. Inside the transaction, pass the state vector
 * now as `afterState` (Yjs fills `tr.afterState` only when the transaction ends). Returns the
 * first violation, if any (SPEC R3).
 */
export function findLayoutViolation(tr: Y.Transaction, kind: DocKind, afterState: Map<number, number> = tr.afterState): string | undefined {
  const roots = allowedRootTypes(kind);
  const clients = tr.doc.store.clients;
  for (const [client, after] of afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = clients.get(client);
    if (!structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const it = structs[i];
      if (!it || it.id.clock >= after) break;
      if (!(it instanceof Y.Item)) continue; // a GC struct carries nothing
      const parent = it.parent as Y.AbstractType<unknown> | null;
      if (parent === null) return 'an item without a parent';
      if (parent._item !== null) return 'nested shared types are not in the layout';
      if (it.parentSub === null) return 'list content in a map';
      const root = Y.findRootTypeKey(parent);
      const error = valueViolation(it, root, roots);
      if (error) return error;
    }
  }
  return undefined;
}

/** Decode an awareness update without applying it, rejecting malformed states. */
export function parseAwarenessUpdate(update: Uint8Array): ParseResult<AwarenessEntry[]> {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_AWARENESS_ENTRIES) return { ok: false, error: `too many awareness entries (${count})` };
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    const state: unknown = JSON.parse(raw);
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      return { ok: false, error: 'an awareness state must be an object or null' };
    }
    entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
  }
  return { ok: true, value: entries };
}

/** Encode awareness entries as an awareness update (the inverse of `parseAwarenessUpdate`). */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}

/** A sync-step-1 frame for `doc`. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncStep.Step1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

/** A sync frame carrying an update, as step 2 or as an incremental update. */
export function encodeSyncUpdate(update: Uint8Array, step: 'step2' | 'update'): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, step === 'step2' ? SyncStep.Step2 : SyncStep.Update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness frame wrapping an encoded awareness update. */
export function encodeAwarenessFrame(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/** An auth "permission denied" frame with a reason (y-protocols/auth), e.g. a {@link LockedNotice}. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Auth);
  encoding.writeVarUint(encoder, AuthMessage.PermissionDenied);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}
