import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { recordsMap, type StoredRecord } from '../../../shared/doc/index.ts';
import { CloseCode } from '../../../shared/protocol/index.ts';
import { baseRecords, FIRST_PAGE_ID } from '../../../shared/templates/index.ts';
import { initialBoardState } from '../../../server/boards/boardDocument.ts';
import { shapeRecord } from '../../helpers/clients.ts';
import { awarenessFrame, encodeAwareness, queryAwarenessFrame, syncStep1Frame, syncUpdateFrame } from '../../helpers/frames.ts';
import { memoryRoom, MemorySocket, type MemoryRoom } from '../../helpers/memoryRelay.ts';
import { createSession } from '../../../server/relay/Session.ts';
import { DEFAULT_SESSION_LIMITS } from '../../../server/relay/SessionLimits.ts';

const EMPTY_SV = new Uint8Array([0]);

/** A blank board's state with the shapes given. */
function boardState(shapes: StoredRecord[] = []): Uint8Array {
  return initialBoardState({ title: 't', template: 'blank', records: [...baseRecords(), ...shapes] as never });
}

/** A client's copy of the room's document now. */
function copyOf(m: MemoryRoom): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(m.room.pipeline.documentNow()));
  return doc;
}

/** The update a change to `doc` makes. */
function change(doc: Y.Doc, fn: (records: Y.Map<StoredRecord>) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.transact(() => fn(recordsMap(doc)));
  return Y.encodeStateAsUpdate(doc, before);
}

const page = (id: string, extra: Record<string, unknown> = {}) => shapeRecord(id, { parentId: FIRST_PAGE_ID, ...extra });

describe('room protocol over an in-memory socket pair and a fake clock', () => {
  // SPEC R6: a fresh joiner of an unbuilt board is answered from storage and never asked for a step 1.
  it('answers a fresh joiner from storage without building the document, and never asks it', async () => {
    const m = await memoryRoom(boardState([page('a')]));
    const { session, socket } = m.open('edit');
    m.room.handleMessage(session, syncStep1Frame(EMPTY_SV));
    expect(socket.of('sync-step2')).toHaveLength(1);
    m.clock.advance(400);
    // The query's answer comes after anything the room would have sent before it.
    m.room.handleMessage(session, queryAwarenessFrame());
    expect(socket.received.at(-1)?.kind).toBe('awareness');
    expect(socket.of('sync-step1')).toHaveLength(0);
    expect(m.room.pipeline.built).toBe(false);
  });

  // SPEC R6: a session that says nothing hears the server's step 1 once the wait is over.
  it('sends its own step 1 to a silent session after 200 ms of fake time', async () => {
    const m = await memoryRoom(boardState());
    const { socket } = m.open('view');
    m.clock.advance(199);
    expect(socket.of('sync-step1')).toHaveLength(0);
    m.clock.advance(1);
    expect(socket.of('sync-step1')).toHaveLength(1);
    expect(m.room.pipeline.built).toBe(true);
  });

  // SPEC R10: step 1 is rate-limited per session; the answer for an unchanged document is reused.
  it('drops a flood of step 1 beyond the burst, refills with time, and reuses the answer', async () => {
    const m = await memoryRoom(boardState([page('a')]), { limits: { step1Burst: 3, step1PerSecond: 1 } });
    const { session, socket } = m.open('view');
    const sv = Y.encodeStateVector(copyOf(m));
    for (let i = 0; i < 10; i++) m.room.handleMessage(session, syncStep1Frame(sv));
    await m.settle();
    expect(socket.of('sync-step2')).toHaveLength(3);
    expect(m.metrics.droppedStep1).toBe(7);
    expect(m.metrics.step2Reused).toBe(2);
    m.clock.advance(1000);
    m.room.handleMessage(session, syncStep1Frame(sv));
    await m.settle();
    expect(socket.of('sync-step2')).toHaveLength(4);
    expect(socket.closed).toBeUndefined();
  });

  // SPEC R10: a socket that does not read is closed once too much waits for it.
  it('closes a session whose socket holds more than the limit unsent, and only it', async () => {
    const m = await memoryRoom(boardState(), { limits: { maxBufferedBytes: 1000 } });
    const reader = m.open('edit');
    const stalled = m.open('view');
    const writer = copyOf(m);
    stalled.socket.buffered = 5000;
    m.room.handleMessage(reader.session, syncUpdateFrame(change(writer, (r) => r.set('shape:x', page('x')))));
    await m.settle();
    expect(stalled.socket.closed?.code).toBe(CloseCode.SlowConsumer);
    expect(reader.socket.closed).toBeUndefined();
    expect(m.metrics.slowConsumers).toBe(1);
    expect(m.room.sessionCount).toBe(1);
  });

  // SPEC R10: an awareness update over the size limit is dropped, the session stays.
  it('drops an oversized awareness state and keeps the session', async () => {
    const m = await memoryRoom(boardState(), { limits: { maxAwarenessBytes: 2048 } });
    const a = m.open('edit');
    const b = m.open('edit');
    const big = encodeAwareness([{ clientId: 77, clock: 1, state: { user: { name: 'x'.repeat(4000), role: 'soudan', color: '#123456' } } }]);
    m.room.handleMessage(a.session, awarenessFrame(big));
    expect(m.metrics.droppedAwareness).toBe(1);
    expect(b.socket.of('awareness')).toHaveLength(0);
    expect(m.room.awareness.getStates().has(77)).toBe(false);
    expect(a.socket.closed).toBeUndefined();
  });

  // SPEC D1: a record that is its own parent, or not valid under the schema, is refused with 4400.
  it.each([
    ['its own parent', (r: Y.Map<StoredRecord>) => r.set('shape:self', page('self', { parentId: 'shape:self' }))],
    ['wrong props', (r: Y.Map<StoredRecord>) => r.set('shape:bogus', page('bogus', { props: { geo: 'bogus' } }))],
    ['stored under another key', (r: Y.Map<StoredRecord>) => r.set('shape:elsewhere', page('bogus'))],
  ])('refuses a record %s: nothing stored or relayed, the document rebuilt', async (_name, bad) => {
    const m = await memoryRoom(boardState([page('a')]));
    const a = m.open('edit');
    const b = m.open('edit');
    const client = copyOf(m);
    m.room.handleMessage(a.session, syncUpdateFrame(change(client, bad)));
    await m.settle();
    expect(a.socket.closed?.code).toBe(CloseCode.MalformedMessage);
    expect(b.socket.of('sync-update')).toHaveLength(0);
    expect(m.store.appends).toBe(0);
    expect([...recordsMap(m.room.pipeline.documentNow()).keys()].sort()).toEqual(['document:document', FIRST_PAGE_ID, 'shape:a'].sort());
    expect(m.metrics.repairs).toBe(1);
  });

  // SPEC D3: two valid concurrent edits that merge into an orphan are mended by a server update.
  it('re-parents a card added to a frame another participant deleted at the same time', async () => {
    const frame = page('frame', { type: 'frame', props: { w: 400, h: 300, name: '枠', color: 'black' } });
    const m = await memoryRoom(boardState([frame]));
    const a = m.open('edit');
    const b = m.open('edit');
    const docA = copyOf(m);
    const docB = copyOf(m);
    const deleteFrame = change(docA, (r) => r.delete('shape:frame'));
    const addCard = change(docB, (r) => r.set('shape:card', page('card', { parentId: 'shape:frame', x: 10, y: 10 })));
    m.room.handleMessage(a.session, syncUpdateFrame(deleteFrame));
    m.room.handleMessage(b.session, syncUpdateFrame(addCard));
    await m.settle();
    expect(a.socket.closed).toBeUndefined();
    expect(b.socket.closed).toBeUndefined();
    const live = recordsMap(m.room.pipeline.documentNow());
    expect(live.get('shape:card')?.parentId).toBe(FIRST_PAGE_ID);
    expect(m.metrics.structureRepairs).toBe(1);
    // The repair is stored and reaches both, the author of the update that caused it included.
    const stored = recordsMap(await m.store.document('board-under-test'));
    expect(stored.get('shape:card')?.parentId).toBe(FIRST_PAGE_ID);
    for (const s of [a, b]) {
      const got = copyOf(m);
      for (const u of s.socket.of('sync-update')) Y.applyUpdate(got, u.update);
      expect(got.getMap('records').get('shape:card')).toBeDefined();
    }
    expect(a.socket.of('sync-update').length + b.socket.of('sync-update').length).toBe(4);
  });

  // SPEC D3: X moved into Y while Y is moved into X: the cycle is broken at the smaller id.
  it('breaks a parent cycle two concurrent moves made, at the smallest id', async () => {
    const m = await memoryRoom(boardState([page('x'), page('y')]));
    const a = m.open('edit');
    const b = m.open('edit');
    const docA = copyOf(m);
    const docB = copyOf(m);
    const xIntoY = change(docA, (r) => r.set('shape:x', { ...r.get('shape:x')!, parentId: 'shape:y' }));
    const yIntoX = change(docB, (r) => r.set('shape:y', { ...r.get('shape:y')!, parentId: 'shape:x' }));
    m.room.handleMessage(a.session, syncUpdateFrame(xIntoY));
    m.room.handleMessage(b.session, syncUpdateFrame(yIntoX));
    await m.settle();
    const live = recordsMap(m.room.pipeline.documentNow());
    expect(live.get('shape:x')?.parentId).toBe(FIRST_PAGE_ID);
    expect(live.get('shape:y')?.parentId).toBe('shape:x');
    expect(a.socket.closed).toBeUndefined();
    expect(b.socket.closed).toBeUndefined();
  });

  // SPEC S4 and shutdown: with storage down, closing gives up at its deadline and says what was lost.
  it('closes within its deadline while storage is down, reporting what could not be stored', async () => {
    const m = await memoryRoom(boardState());
    const a = m.open('edit');
    const client = copyOf(m);
    m.store.failing = true;
    m.room.handleMessage(a.session, syncUpdateFrame(change(client, (r) => r.set('shape:lost', page('lost')))));
    await Promise.resolve();
    expect(a.socket.closed?.code).toBe(CloseCode.StorageUnavailable);
    await expect(m.room.pipeline.current()).rejects.toThrow(/cannot be stored/);
    const closing = m.room.destroy(CloseCode.ServerShutdown, 2000);
    let done = false;
    void closing.then(() => (done = true));
    // Retries back off on the fake clock; nothing ends until the deadline.
    for (let t = 0; t < 1900; t += 100) {
      m.clock.advance(100);
      await Promise.resolve();
    }
    expect(done).toBe(false);
    m.clock.advance(200);
    await closing;
    expect(m.room.state).toBe('closed');
    expect(m.store.appends).toBe(0);
  });
});

// SPEC D6: the server stamps who shared a note; a session cannot write someone else's name on it.
describe('note authors (SPEC D6)', () => {
  const member = { name: '佐藤 花子', role: 'caremanager' };
  const note = (id: string, author?: { name: string; role: string }) => page(id, { meta: author ? { author } : {} });
  const authorIn = (m: MemoryRoom, id: string) => (recordsMap(m.room.pipeline.documentNow()).get(id)?.meta as { author?: unknown } | undefined)?.author;

  it('keeps a member own name, replaces a forged one with it, and keeps the author of a note someone else moves', async () => {
    const m = await memoryRoom(boardState([note('theirs', { name: '山田 太郎', role: 'soudan' })]));
    const socket = new MemorySocket();
    const session = createSession({ socket, capability: 'edit', limits: DEFAULT_SESSION_LIMITS, clock: m.clock, credential: { tokenHash: Buffer.alloc(32), checkedAt: 0, author: member } });
    m.room.connect(session);
    const client = copyOf(m);
    m.room.handleMessage(session, syncUpdateFrame(change(client, (r) => r.set('shape:own', note('own', member)))));
    m.room.handleMessage(session, syncUpdateFrame(change(client, (r) => r.set('shape:forged', note('forged', { name: '山田 太郎', role: 'soudan' })))));
    m.room.handleMessage(session, syncUpdateFrame(change(client, (r) => r.set('shape:theirs', { ...r.get('shape:theirs')!, x: 500 }))));
    m.room.handleMessage(session, syncUpdateFrame(change(client, (r) => r.set('shape:theirs', { ...r.get('shape:theirs')!, meta: { author: member } }))));
    await m.settle();
    expect(authorIn(m, 'shape:own')).toEqual(member);
    expect(authorIn(m, 'shape:forged')).toEqual(member);
    expect(authorIn(m, 'shape:theirs')).toEqual({ name: '山田 太郎', role: 'soudan' });
    expect(recordsMap(m.room.pipeline.documentNow()).get('shape:theirs')?.x).toBe(500);
    expect(m.metrics.authorFixes).toBe(2);
    expect(socket.closed).toBeUndefined();
    // The fixes are stored, not only applied.
    const stored = recordsMap(await m.store.document('board-under-test'));
    expect((stored.get('shape:forged')?.meta as { author?: unknown }).author).toEqual(member);
  });

  it('removes an author claimed by a session the server cannot name (a board link)', async () => {
    const m = await memoryRoom(boardState());
    const { session } = m.open('edit');
    const client = copyOf(m);
    m.room.handleMessage(session, syncUpdateFrame(change(client, (r) => r.set('shape:claimed', note('claimed', member)))));
    await m.settle();
    expect(recordsMap(m.room.pipeline.documentNow()).has('shape:claimed')).toBe(true);
    expect(authorIn(m, 'shape:claimed')).toBeUndefined();
  });
});
