import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType, SyncStep } from '../../shared/protocol/index.ts';

// Frames of the y-websocket protocol built with lib0 directly, not with the server's own
// encoders, so a wrong encoder on the server cannot make a wrong test pass.

/** A sync step 1 frame carrying `stateVector`. */
export function syncStep1Frame(stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  encoding.writeVarUint(e, SyncStep.Step1);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
}

/** A sync frame carrying a document update, as step 2 or as an incremental update. */
export function syncUpdateFrame(update: Uint8Array, step: 'step2' | 'update' = 'update'): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  encoding.writeVarUint(e, step === 'step2' ? SyncStep.Step2 : SyncStep.Update);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** An awareness frame wrapping an encoded awareness update. */
export function awarenessFrame(awarenessUpdate: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Awareness);
  encoding.writeVarUint8Array(e, awarenessUpdate);
  return encoding.toUint8Array(e);
}

/** A query-awareness frame (the server answers with every known state). */
export function queryAwarenessFrame(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.QueryAwareness);
  return encoding.toUint8Array(e);
}

/** One participant's entry of an awareness update. */
export interface AwarenessEntryInput {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** Encode an awareness update as y-protocols does: count, then (client, clock, JSON state). */
export function encodeAwareness(entries: readonly AwarenessEntryInput[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(e);
}

/** A frame from the server, decoded. */
export type ServerFrame =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntryInput[] }
  | { kind: 'other'; type: number };

/** Decode a frame the server sent; throws on a frame no y-websocket client could read. */
export function decodeServerFrame(bytes: Uint8Array): ServerFrame {
  const d = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(d);
  if (type === MessageType.Sync) {
    const step = decoding.readVarUint(d);
    const payload = decoding.readVarUint8Array(d);
    if (step === SyncStep.Step1) return { kind: 'sync-step1', stateVector: payload };
    if (step === SyncStep.Step2) return { kind: 'sync-step2', update: payload };
    if (step === SyncStep.Update) return { kind: 'sync-update', update: payload };
    throw new Error(`server sent unknown sync step ${step}`);
  }
  if (type === MessageType.Awareness) {
    const update = decoding.readVarUint8Array(d);
    return { kind: 'awareness', update, entries: decodeAwareness(update) };
  }
  return { kind: 'other', type };
}

/** Decode an awareness update into its entries. */
export function decodeAwareness(update: Uint8Array): AwarenessEntryInput[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  const out: AwarenessEntryInput[] = [];
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    out.push({ clientId, clock, state: JSON.parse(decoding.readVarString(d)) as Record<string, unknown> | null });
  }
  return out;
}
