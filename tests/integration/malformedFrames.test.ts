import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaMap, recordsMap } from '../../shared/doc/index.ts';
import { CloseCode, CloseReason, MessageType, SyncStep, type CreateBoardResponse } from '../../shared/protocol/index.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { awarenessFrame, syncStep1Frame, syncUpdateFrame } from '../helpers/frames.ts';
import { layoutViolations, loadStoredDoc } from '../helpers/layout.ts';
import { mulberry32 } from '../helpers/prng.ts';
import { whileConnected } from '../helpers/providerSocket.ts';
import { boardWsUrl, RawClient } from '../helpers/rawSocket.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';

const MAX_MESSAGE_BYTES = 65_536;

/** Bytes from varuints, for frames that are wrong on purpose. */
function varuints(...values: number[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const v of values) encoding.writeVarUint(e, v);
  return encoding.toUint8Array(e);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** The update a change makes to a fresh document. */
function updateOf(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  change(doc);
  return Y.encodeStateAsUpdate(doc);
}

/** The update a change makes to the server's current document, fetched over `raw`. */
async function updateOnServerDoc(raw: RawClient, change: (doc: Y.Doc) => void): Promise<Uint8Array> {
  const doc = await raw.fetchDoc();
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** Deterministic garbage that Yjs itself cannot decode as an update. */
function garbageUpdate(): Uint8Array {
  const rng = mulberry32(0xbad);
  for (;;) {
    const bytes = rng.bytes(24);
    try {
      Y.decodeUpdate(bytes);
    } catch {
      return bytes;
    }
  }
}

/** An awareness frame whose single state is `raw` verbatim (not necessarily JSON). */
function awarenessWithRawState(raw: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 31_337);
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, raw);
  return awarenessFrame(encoding.toUint8Array(e));
}

interface BadFrame {
  name: string;
  build: (raw: RawClient) => Uint8Array | string | Promise<Uint8Array | string>;
  /** Record keys that must never appear anywhere. */
  badKeys?: string[];
}

const BAD_FRAMES: BadFrame[] = [
  { name: 'a text frame', build: () => 'hello' },
  { name: 'an empty frame', build: () => new Uint8Array(0) },
  { name: 'an unknown message type', build: () => varuints(7) },
  { name: 'an unknown message type in a two-byte varint', build: () => varuints(128, 0) },
  { name: 'an unknown sync step', build: () => varuints(MessageType.Sync, 9, 0) },
  { name: 'a truncated varint', build: () => new Uint8Array([0x80]) },
  { name: 'a truncated length varint in a sync frame', build: () => new Uint8Array([MessageType.Sync, SyncStep.Update, 0xff]) },
  { name: 'a declared length of 2^31 beyond the frame', build: () => concat(varuints(MessageType.Sync, SyncStep.Update, 2 ** 31), new Uint8Array([1, 2, 3])) },
  { name: 'a declared length of 2^50 beyond the frame', build: () => concat(varuints(MessageType.Awareness, 2 ** 50), new Uint8Array([1])) },
  { name: 'a sync update with a garbage payload', build: () => syncUpdateFrame(garbageUpdate(), 'update') },
  { name: 'a sync step 2 with a garbage payload', build: () => syncUpdateFrame(garbageUpdate(), 'step2') },
  { name: 'a sync step 1 with a garbage state vector', build: () => syncStep1Frame(new Uint8Array([5, 1])) },
  { name: 'an awareness state that is not JSON', build: () => awarenessWithRawState('{not json') },
  { name: 'an awareness state that is an array', build: () => awarenessWithRawState('[1,2,3]') },
  { name: 'an awareness update with 2^31 entries', build: () => awarenessFrame(varuints(2 ** 31, 1, 1)) },
  { name: 'a top-level Y.Text named evil', build: () => syncUpdateFrame(updateOf((d) => d.getText('evil').insert(0, 'x'))) },
  { name: 'a top-level Y.Map named evil', build: () => syncUpdateFrame(updateOf((d) => d.getMap('evil').set('k', 1))) },
  { name: 'a top-level array named records', build: () => syncUpdateFrame(updateOf((d) => d.getArray('records').insert(0, [{ id: 'shape:arr', typeName: 'shape' }]))) },
  {
    name: 'a new record without id and typeName',
    build: () => syncUpdateFrame(updateOf((d) => d.getMap('records').set('shape:noid', { x: 1 }))),
    badKeys: ['shape:noid'],
  },
  {
    name: 'a record whose id is not a string',
    build: () => syncUpdateFrame(updateOf((d) => d.getMap('records').set('shape:numid', { id: 5, typeName: 'shape' }))),
    badKeys: ['shape:numid'],
  },
  {
    name: 'a string where a record belongs',
    build: () => syncUpdateFrame(updateOf((d) => d.getMap('records').set('shape:str', 'hello'))),
    badKeys: ['shape:str'],
  },
  {
    name: 'a binary value where a record belongs',
    build: () => syncUpdateFrame(updateOf((d) => d.getMap('records').set('shape:bin', new Uint8Array([1, 2])))),
    badKeys: ['shape:bin'],
  },
  {
    name: 'a nested Y.Map in records',
    build: () => syncUpdateFrame(updateOf((d) => d.getMap('records').set('shape:nested', new Y.Map()))),
    badKeys: ['shape:nested'],
  },
  {
    name: 'a nested Y.Text in records',
    build: () => syncUpdateFrame(updateOf((d) => d.getMap('records').set('shape:text', new Y.Text('t')))),
    badKeys: ['shape:text'],
  },
  { name: 'a nested Y.Map in meta', build: () => syncUpdateFrame(updateOf((d) => d.getMap('meta').set('evil', new Y.Map()))) },
  {
    name: 'a valid record and a top-level Y.Text in one update (nothing of it applies)',
    build: () =>
      syncUpdateFrame(
        updateOf((d) => {
          putRecord(d, shapeRecord('half'));
          d.getText('evil').insert(0, 'x');
        }),
      ),
    badKeys: ['shape:half'],
  },
  {
    name: 'a record overwritten by a value without id and typeName',
    build: async (raw) => syncUpdateFrame(await updateOnServerDoc(raw, (d) => d.getMap('records').set('page:main', { bogus: true }))),
  },
  {
    name: 'a record overwritten by a nested Y.Map',
    build: async (raw) => syncUpdateFrame(await updateOnServerDoc(raw, (d) => d.getMap('records').set('document:document', new Y.Map()))),
  },
  {
    name: 'a record carrying a bigint (not JSON)',
    build: () => syncUpdateFrame(updateOf((d) => d.getMap('records').set('shape:big', { ...shapeRecord('big'), x: 10n }))),
    badKeys: ['shape:big'],
  },
  {
    name: 'a record carrying bytes (not JSON)',
    build: () => syncUpdateFrame(updateOf((d) => d.getMap('records').set('shape:bytes', { ...shapeRecord('bytes'), blob: new Uint8Array([1, 2, 3]) }))),
    badKeys: ['shape:bytes'],
  },
];

describe('malformed frames', () => {
  let srv: TestServer;
  let dataDir: string;
  let board: CreateBoardResponse;
  let p1: TestClient;
  let p2: TestClient;
  const disconnects: string[] = [];
  const raws: RawClient[] = [];
  let alive = 0;

  const openRaw = async () => {
    const r = await RawClient.open(boardWsUrl(srv.wsUrl, board.id, board.tokens.edit));
    raws.push(r);
    // The session is attached once the server's own step 1 arrives.
    await r.next('sync-step1');
    return r;
  };

  /** An honest edit still travels from p1 to p2. */
  const expectRoomAlive = async () => {
    const key = `alive-${alive++}`;
    putRecord(p1.doc, shapeRecord(key));
    await whileConnected(p2, waitForDoc(p2.doc, (d) => recordsMap(d).has(`shape:${key}`)));
  };

  beforeAll(async () => {
    srv = await startServer({ env: { MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) } });
    dataDir = srv.dataDir;
    board = await srv.createBoard({ title: 'malformed' });
    p1 = connectClient(srv.wsUrl, board.id, board.tokens.edit);
    p2 = connectClient(srv.wsUrl, board.id, board.tokens.owner);
    for (const [name, c] of [['p1', p1], ['p2', p2]] as const) {
      c.provider.on('status', (e: { status: string }) => e.status === 'disconnected' && disconnects.push(name));
    }
    await Promise.all([p1.synced, p2.synced]);
  });
  afterAll(async () => {
    p1.destroy();
    p2.destroy();
    for (const r of raws) r.ws.terminate();
    await srv.stop();
    removeDir(dataDir);
  });

  for (const bad of BAD_FRAMES) {
    // SPEC R3: a frame that does not decode or breaks the layout closes only its session with 4400.
    it(`closes the sender of ${bad.name} with 4400, and the room goes on`, async () => {
      const raw = await openRaw();
      const violationsBefore = layoutViolations(p2.doc);
      const before = srv.server.metrics.malformedFrames;
      raw.send(await bad.build(raw));
      const closed = await raw.closeOrAnswer();
      expect(closed).toEqual({ code: CloseCode.MalformedMessage, reason: CloseReason[CloseCode.MalformedMessage] });
      expect(srv.server.metrics.malformedFrames - before).toBe(1);
      await expectRoomAlive();
      expect(disconnects).toEqual([]);
      for (const key of bad.badKeys ?? []) {
        expect(recordsMap(p2.doc).has(key)).toBe(false);
        expect(recordsMap(srv.server.registry.peek(board.id)!.pipeline.documentNow()).has(key)).toBe(false);
      }
      // Nothing of the frame was relayed (the relay runs before the later honest edit arrives).
      expect(layoutViolations(p2.doc)).toEqual(violationsBefore);
    });
  }

  // SPEC R3: once a frame got its session closed, nothing the session sent after it (in the
  // same burst, before the close completed) is applied, stored or relayed.
  for (const first of [
    { name: 'a text frame', frame: 'hello' as string | Uint8Array },
    { name: 'an unknown message type', frame: varuints(7) },
  ]) {
    it(`ignores what follows ${first.name} on the same socket`, async () => {
      const raw = await openRaw();
      const key = `after-${first.name.replace(/\W+/g, '-')}`;
      raw.send(first.frame);
      raw.send(syncUpdateFrame(updateOf((d) => putRecord(d, shapeRecord(key)))));
      expect((await raw.closed).code).toBe(CloseCode.MalformedMessage);
      // Anything applied from the burst would be relayed before this later honest edit.
      await expectRoomAlive();
      expect(recordsMap(p2.doc).has(`shape:${key}`)).toBe(false);
      expect(recordsMap(srv.server.registry.peek(board.id)!.pipeline.documentNow()).has(`shape:${key}`)).toBe(false);
    });
  }

  // SPEC R8: a frame over MAX_MESSAGE_BYTES closes with 1009; one under it is handled as usual.
  it('closes the sender of an oversized frame with 1009, and accepts a large frame under the limit', async () => {
    const big = await openRaw();
    const oversizedBefore = srv.server.metrics.oversizedFrames;
    big.send(new Uint8Array(MAX_MESSAGE_BYTES + 1));
    expect((await big.closeOrAnswer()) as unknown).toMatchObject({ code: CloseCode.MessageTooLarge });
    expect((await big.closed).code).toBe(CloseCode.MessageTooLarge);
    expect(srv.server.metrics.oversizedFrames - oversizedBefore).toBe(1);
    await expectRoomAlive();

    const fine = await openRaw();
    const frame = syncUpdateFrame(updateOf((d) => putRecord(d, shapeRecord('large', { meta: { note: 'あ'.repeat(15_000) } }))));
    expect(frame.byteLength).toBeGreaterThan(40_000);
    expect(frame.byteLength).toBeLessThan(MAX_MESSAGE_BYTES);
    fine.send(frame);
    await whileConnected(p2, waitForDoc(p2.doc, (d) => recordsMap(d).has('shape:large')));
    expect(fine.isOpen).toBe(true);
    expect(disconnects).toEqual([]);
  });

  // SPEC R3: nothing of a bad frame is stored — restart and load only valid records.
  it('stored nothing of the bad frames', async () => {
    p1.provider.disconnect();
    p2.provider.disconnect();
    await srv.stop();
    srv = await startServer({ dataDir, env: { MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) } });
    const stored = await loadStoredDoc(srv.server.storage, board.id);
    expect(layoutViolations(stored)).toEqual([]);
    expect([...stored.share.keys()].sort()).toEqual(['meta', 'records']);
    const records = recordsMap(stored);
    for (let i = 0; i < alive; i++) expect(records.has(`shape:alive-${i}`)).toBe(true);
    expect(records.has('shape:large')).toBe(true);
    for (const bad of BAD_FRAMES) for (const key of bad.badKeys ?? []) expect(records.has(key)).toBe(false);
    expect(records.get('page:main')?.typeName).toBe('page');
    expect(records.get('document:document')?.typeName).toBe('document');
    expect(metaMap(stored).has('evil')).toBe(false);
    expect(() => JSON.stringify(records.toJSON())).not.toThrow();
  });
});
