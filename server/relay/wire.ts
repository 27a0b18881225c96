import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { allowedRootTypes, DocKeys, isStoredRecord, type DocKind } from '../../shared/doc/index.ts';
import { MessageType, SyncStep } from '../../shared/protocol/index.ts';

/** A frame from a client, parsed and checked at the edge. */
export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-update'; step: 'step2' | 'update'; update: Uint8Array }
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
 * Parse one frame of the y-websocket protocol. Never throws: a frame that does not decode,
 * or whose document update breaks the document layout, is `{ ok: false }` (SPEC R3).
 */
export function parseClientMessage(frame: Uint8Array, kind: DocKind = 'board', doc?: Y.Doc): ParseResult<ClientMessage> {
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
          const checked = checkUpdate(payload, kind, doc);
          if (!checked.ok) return checked;
          return { ok: true, value: { kind: 'sync-update', step: step === SyncStep.Step2 ? 'step2' : 'update', update: payload } };
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
    if (!roots.has(where.root)) return { ok: false, error: `top-level type "${where.root.slice(0, 40)}" is not in the layout` };
    if (typeof it.parent === 'string' && it.parentSub === null) return { ok: false, error: 'list content in a map' };
    const content = it.content;
    if (content instanceof Y.ContentDeleted) continue;
    if (!(content instanceof Y.ContentAny)) return { ok: false, error: `content ${content.constructor.name} is not in the layout` };
    if (content.arr.length !== 1) return { ok: false, error: 'a map value must be a single JSON value' };
    const value = content.arr[0];
    if (!isPlainJson(value)) return { ok: false, error: 'a value must be plain JSON' };
    if (where.root === DocKeys.records && !isStoredRecord(value)) return { ok: false, error: 'a record must be an object with id and typeName' };
  }
  return { ok: true, value: true };
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
