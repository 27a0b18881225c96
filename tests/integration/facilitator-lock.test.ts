import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lockKey, metaMap, recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { LockedNotice, MessageType, type CreateWorkshopResponse, type JoinWorkshopResponse } from '../../shared/protocol/index.ts';
import { richTextOf } from '../../shared/records/index.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { api } from '../helpers/http.ts';
import { providerBarrier, whileConnected } from '../helpers/providerSocket.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';

// Issue 15, the facilitator lock (docs/SPEC.md D7): the template's scaffolding is locked on
// group boards; an edit-role participant's change or deletion of a locked record is undone by
// the server — never stored or relayed, the session stays open and is told why — and the
// facilitator unlocks and locks from the dashboard. An edit racing a fresh lock is restored
// without a reconnect loop.

const CASE_TEXT = 'shape:summary-left-0';
const FRAME = 'shape:frame-summary';

describe('facilitator lock', () => {
  let srv: TestServer;
  let w: CreateWorkshopResponse;
  let member: JoinWorkshopResponse;
  const clients: TestClient[] = [];
  const connect = async (boardId: string, token: string, opts: { connect?: boolean } = {}) => {
    const c = connectClient(srv.wsUrl, boardId, token, opts);
    clients.push(c);
    if (opts.connect !== false) await c.synced;
    return c;
  };
  /** The lock notices (record ids) a client's provider receives. */
  const notices = (c: TestClient): string[][] => {
    const seen: string[][] = [];
    c.provider.messageHandlers[MessageType.Auth] = (_encoder, decoder) => {
      if (decoding.readVarUint(decoder) !== 0) return;
      const ids = LockedNotice.parse(decoding.readVarString(decoder));
      if (ids) seen.push(ids);
    };
    return seen;
  };
  /** Every value a record takes in a client's document, from now on. */
  const history = (c: TestClient, id: string): unknown[] => {
    const seen: unknown[] = [];
    recordsMap(c.doc).observe((e) => {
      if (e.keysChanged.has(id)) seen.push(structuredClone(recordsMap(c.doc).get(id)));
    });
    return seen;
  };
  const storedBytes = async (boardId: string) => {
    const stored = await srv.server.storage.loadDocument(boardId);
    return Buffer.concat([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]);
  };
  const edited = (doc: Y.Doc, id: string, text: string): StoredRecord => {
    const r = recordsMap(doc).get(id)!;
    return { ...r, props: { ...(r.props as Record<string, unknown>), richText: richTextOf(text) } };
  };
  const setLocks = (body: Record<string, unknown>) => api(srv.baseUrl, 'POST', `/api/workshops/${w.id}/locks`, { token: w.tokens.facilitator, json: body });

  beforeAll(async () => {
    srv = await startServer();
    const created = await api(srv.baseUrl, 'POST', '/api/workshops', { json: { title: '研修', template: 'exercise-1', groups: 2 } });
    w = created.body as CreateWorkshopResponse;
    const joined = await api(srv.baseUrl, 'POST', '/api/workshops/join', { json: { code: w.joinCode, group: 0, name: '田中', role: 'soudan' } });
    member = joined.body as JoinWorkshopResponse;
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('a group board starts with its scaffolding locked: frames, headings, case text, guides — not the cards', async () => {
    const c = await connect(member.boardId, member.token);
    const meta = metaMap(c.doc);
    for (const id of [FRAME, CASE_TEXT, 'shape:heading', 'shape:voices-header']) expect(meta.get(lockKey(id)), id).toBe(true);
    const card = [...recordsMap(c.doc).values()].find((r) => r.type === 'rb-service');
    expect(card).toBeDefined();
    expect(meta.get(lockKey(card!.id))).toBeUndefined();
  });

  it("an edit-role participant's change or deletion of a locked record is undone: never relayed or stored, the session stays and is told why", async () => {
    const participant = await connect(member.boardId, member.token);
    // Another participant with the group's edit link.
    const other = await connect(member.boardId, decodeURIComponent(w.groups[0]!.links.edit.split('#t=')[1]!));
    const told = notices(participant);
    const seenByOther = history(other, CASE_TEXT);
    const original = structuredClone(recordsMap(participant.doc).get(CASE_TEXT));

    putRecord(participant.doc, edited(participant.doc, CASE_TEXT, '書き換えた事例'));
    recordsMap(participant.doc).delete(FRAME);
    await whileConnected(participant, providerBarrier(participant));
    await whileConnected(other, providerBarrier(other));

    // The sender's document is put back; the other client never saw the change.
    expect(recordsMap(participant.doc).get(CASE_TEXT)).toEqual(original);
    expect(recordsMap(participant.doc).get(FRAME)).toBeDefined();
    expect(JSON.stringify(seenByOther)).not.toContain('書き換えた事例');
    expect(recordsMap(other.doc).get(CASE_TEXT)).toEqual(original);
    expect(recordsMap(other.doc).get(FRAME)).toBeDefined();
    expect(told.flat().sort()).toEqual([CASE_TEXT, FRAME].sort());
    // Nothing of the edit is stored.
    expect((await storedBytes(member.boardId)).includes(Buffer.from('書き換えた事例'))).toBe(false);
    // The session is still open and its next edit of an unlocked record goes through.
    putRecord(participant.doc, shapeRecord('mine', { parentId: 'page:main', props: { text: '自分のメモ' } }));
    await waitForDoc(other.doc, (d) => recordsMap(d).has('shape:mine'));
    expect(srv.server.metrics.lockRestores).toBeGreaterThan(0);
  });

  it('a participant cannot remove or add a lock; the facilitator on the board can edit locked records', async () => {
    const participant = await connect(member.boardId, member.token);
    const facilitator = await connect(member.boardId, w.tokens.facilitator);
    metaMap(participant.doc).delete(lockKey(CASE_TEXT));
    metaMap(participant.doc).set(lockKey('shape:mine'), true);
    await whileConnected(participant, providerBarrier(participant));
    expect(metaMap(participant.doc).get(lockKey(CASE_TEXT))).toBe(true);
    expect(metaMap(participant.doc).has(lockKey('shape:mine'))).toBe(false);

    putRecord(facilitator.doc, edited(facilitator.doc, CASE_TEXT, '講師が直した事例'));
    await waitForDoc(participant.doc, (d) => JSON.stringify(recordsMap(d).get(CASE_TEXT)).includes('講師が直した事例'));
  });

  it('after the facilitator unlocks from the dashboard, the same change succeeds; locking again stops it', async () => {
    const participant = await connect(member.boardId, member.token);
    const observer = await connect(member.boardId, w.tokens.facilitator);
    expect((await setLocks({ locked: false, groups: [0], ids: [CASE_TEXT] })).body).toEqual({ locked: false, groups: [0], records: 1 });
    await waitForDoc(participant.doc, (d) => !metaMap(d).has(lockKey(CASE_TEXT)));
    putRecord(participant.doc, edited(participant.doc, CASE_TEXT, '参加者が直した事例'));
    await waitForDoc(observer.doc, (d) => JSON.stringify(recordsMap(d).get(CASE_TEXT)).includes('参加者が直した事例'));
    expect((await storedBytes(member.boardId)).includes(Buffer.from('参加者が直した事例'))).toBe(true);

    // Scaffolding of every group, locked again from the dashboard.
    const relocked = await setLocks({ locked: true });
    expect(relocked.status).toBe(200);
    expect((relocked.body as { groups: number[] }).groups).toEqual([0]); // group 2 was never unlocked
    await waitForDoc(participant.doc, (d) => metaMap(d).get(lockKey(CASE_TEXT)) === true);
    putRecord(participant.doc, edited(participant.doc, CASE_TEXT, 'また書き換え'));
    await whileConnected(participant, providerBarrier(participant));
    expect(JSON.stringify(recordsMap(participant.doc).get(CASE_TEXT))).toContain('参加者が直した事例');
    // Only the facilitator may lock: a member's token is refused.
    expect((await api(srv.baseUrl, 'POST', `/api/workshops/${w.id}/locks`, { token: member.token, json: { locked: false } })).status).toBe(403);
    expect((await setLocks({ locked: false, groups: [7] })).status).toBe(400);
  });

  it('an edit that races a fresh lock is restored once, without a reconnect loop', async () => {
    // The participant edits while offline; meanwhile the facilitator locks the record.
    const offline = await connect(member.boardId, member.token);
    const racing = 'shape:family-0';
    await setLocks({ locked: false, ids: [racing] });
    await waitForDoc(offline.doc, (d) => !metaMap(d).has(lockKey(racing)));
    offline.provider.disconnect();
    putRecord(offline.doc, edited(offline.doc, racing, 'オフラインで書いた'));
    expect((await setLocks({ locked: true, ids: [racing] })).status).toBe(200);

    const observer = await connect(member.boardId, w.tokens.facilitator);
    const seen = history(observer, racing);
    const told = notices(offline);
    let connections = 0;
    offline.provider.on('status', (e: { status: string }) => e.status === 'connected' && connections++);
    offline.provider.connect();
    await waitForDoc(offline.doc, (d) => metaMap(d).get(lockKey(racing)) === true && !JSON.stringify(recordsMap(d).get(racing)).includes('オフラインで書いた'));
    await whileConnected(offline, providerBarrier(offline));
    // The lock holds everywhere; the offline edit was never shown to anyone.
    expect(told).toEqual([[racing]]);
    expect(JSON.stringify(seen)).not.toContain('オフラインで書いた');
    expect((await storedBytes(member.boardId)).includes(Buffer.from('オフラインで書いた'))).toBe(false);
    // The provider stays on its one connection and keeps working: a later edit reaches the observer.
    putRecord(offline.doc, shapeRecord('after-race', { parentId: 'page:main', props: { text: '次のメモ' } }));
    await waitForDoc(observer.doc, (d) => recordsMap(d).has('shape:after-race'));
    await whileConnected(offline, providerBarrier(offline));
    expect(connections).toBe(1);
    expect(told).toHaveLength(1);
  });

  it('a locked frame may grow to hold a note, but not shrink or move', async () => {
    const participant = await connect(member.boardId, member.token);
    const observer = await connect(member.boardId, w.tokens.facilitator);
    const frame = recordsMap(participant.doc).get(FRAME)!;
    const props = frame.props as { w: number; h: number };
    putRecord(participant.doc, { ...frame, props: { ...props, h: props.h + 200 } });
    await waitForDoc(observer.doc, (d) => (recordsMap(d).get(FRAME)!.props as { h: number }).h === props.h + 200);
    const grown = recordsMap(participant.doc).get(FRAME)!;
    putRecord(participant.doc, { ...grown, y: (grown.y as number) + 300 });
    putRecord(participant.doc, { ...recordsMap(participant.doc).get(FRAME)!, props: { ...(grown.props as object), h: 50 } });
    await whileConnected(participant, providerBarrier(participant));
    expect(recordsMap(participant.doc).get(FRAME)).toEqual(grown);
  });
});
