import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType, SyncStep } from '../../shared/protocol/index.ts';
import { recordsMap } from '../../shared/doc/index.ts';
import { shapeRecord } from './clients.ts';
import { awarenessFrame, encodeAwareness, queryAwarenessFrame, syncStep1Frame, syncUpdateFrame } from './frames.ts';
import type { Prng } from './prng.ts';

/** How a fuzz frame was made, for the tally. */
export type FuzzKind = 'valid' | 'flip' | 'truncate' | 'truncated-varint' | 'huge-length' | 'random' | 'empty' | 'unknown-type' | 'splice';

const KINDS: ReadonlyArray<[FuzzKind, number]> = [
  ['valid', 30],
  ['flip', 25],
  ['truncate', 8],
  ['truncated-varint', 7],
  ['huge-length', 8],
  ['random', 11],
  ['empty', 3],
  ['unknown-type', 4],
  ['splice', 4],
];
const TOTAL_WEIGHT = KINDS.reduce((n, [, w]) => n + w, 0);
const HUGE = [2 ** 31, 2 ** 32 - 1, 2 ** 50];
const MAX_OWN_KEYS = 8;

/**
 * One deterministic stream of frames: valid y-websocket messages made from a real document
 * (sync step 1, step 2 and updates on `records`, awareness, query-awareness), and mutations
 * of them. Same seed, same frames.
 */
export class FuzzStream {
  private readonly rng: Prng;
  private readonly doc = new Y.Doc();
  private readonly keys: string[] = [];
  private keySerial = 0;
  private awarenessClock = 0;
  private readonly name: string;

  constructor(rng: Prng, clientId: number) {
    this.rng = rng;
    this.doc.clientID = clientId;
    this.name = `fuzz-${clientId}`;
  }

  /** Whether a reconnecting session first sends what the server lacks, as a provider would. */
  resync = true;

  /** What this stream's document has beyond `stateVector`, as one update. */
  diffSince(stateVector: Uint8Array): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  /** The next frame and how it was made. */
  next(): { frame: Uint8Array; kind: FuzzKind } {
    const kind = this.pickKind();
    const valid = this.validFrame();
    return { frame: this.mutate(valid, kind), kind };
  }

  private pickKind(): FuzzKind {
    let n = this.rng.int(TOTAL_WEIGHT);
    for (const [kind, w] of KINDS) {
      if (n < w) return kind;
      n -= w;
    }
    return 'valid';
  }

  private validFrame(): Uint8Array {
    const r = this.rng.int(100);
    if (r < 12) return syncStep1Frame(Y.encodeStateVector(this.doc));
    if (r < 17) return syncStep1Frame(new Uint8Array([0]));
    if (r < 80) return syncUpdateFrame(this.change(), this.rng.int(4) === 0 ? 'step2' : 'update');
    if (r < 96) {
      const state = { user: { name: this.name, role: '本人', color: '#1c7ed6' }, presence: { cursor: { x: this.rng.int(1000), y: this.rng.int(1000) } } };
      return awarenessFrame(encodeAwareness([{ clientId: this.doc.clientID, clock: ++this.awarenessClock, state }]));
    }
    return queryAwarenessFrame();
  }

  /** A real change to this stream's own records (add, overwrite, delete) as an update. */
  private change(): Uint8Array {
    const before = Y.encodeStateVector(this.doc);
    const records = recordsMap(this.doc);
    const op = this.keys.length === 0 ? 0 : this.rng.int(this.keys.length >= MAX_OWN_KEYS ? 3 : 4);
    if (op === 0 || op === 3) {
      const id = `${this.name}-${this.keySerial++}`;
      this.keys.push(`shape:${id}`);
      records.set(`shape:${id}`, shapeRecord(id, { x: this.rng.int(2000), y: this.rng.int(2000) }));
    } else if (op === 1) {
      const key = this.rng.pick(this.keys);
      const prev = records.get(key);
      records.set(key, { ...(prev ?? shapeRecord(key.slice(6))), x: this.rng.int(2000), rotation: this.rng.next() });
    } else {
      const i = this.rng.int(this.keys.length);
      records.delete(this.keys[i]!);
      this.keys.splice(i, 1);
    }
    return Y.encodeStateAsUpdate(this.doc, before);
  }

  private mutate(frame: Uint8Array, kind: FuzzKind): Uint8Array {
    const rng = this.rng;
    switch (kind) {
      case 'valid':
        return frame;
      case 'flip': {
        const out = frame.slice();
        const n = 1 + rng.int(3);
        for (let i = 0; i < n; i++) {
          const at = rng.int(out.length);
          out[at] = out[at]! ^ (1 + rng.int(255));
        }
        return out;
      }
      case 'truncate':
        return frame.slice(0, rng.int(frame.length));
      case 'truncated-varint':
        // Cut anywhere and end on a byte that promises more.
        return new Uint8Array([...frame.slice(0, rng.int(frame.length)), 0x80 | rng.int(128)]);
      case 'huge-length': {
        const d = decoding.createDecoder(frame);
        const type = decoding.readVarUint(d);
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, type);
        if (type === MessageType.Sync) encoding.writeVarUint(e, decoding.readVarUint(d));
        if (type !== MessageType.QueryAwareness) decoding.readVarUint(d);
        encoding.writeVarUint(e, rng.pick(HUGE));
        encoding.writeUint8Array(e, frame.slice(d.pos));
        return encoding.toUint8Array(e);
      }
      case 'random':
        return rng.bytes(1 + rng.int(64));
      case 'empty':
        return new Uint8Array(0);
      case 'unknown-type': {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, 4 + rng.int(2 ** 20));
        encoding.writeUint8Array(e, frame.slice(1));
        return encoding.toUint8Array(e);
      }
      case 'splice': {
        const at = rng.int(frame.length + 1);
        return new Uint8Array([...frame.slice(0, at), ...rng.bytes(1 + rng.int(8)), ...frame.slice(at)]);
      }
    }
  }
}

/** True when the server will answer this frame with a sync step 2 (it is a decodable step 1). */
export function expectsStep2(frame: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(frame);
    if (decoding.readVarUint(d) !== MessageType.Sync || decoding.readVarUint(d) !== SyncStep.Step1) return false;
    Y.decodeStateVector(decoding.readVarUint8Array(d));
    return true;
  } catch {
    return false;
  }
}
