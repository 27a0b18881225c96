// Meeting records over the HTTP API: creation, access, validation, participants, order,
// integrity and immutability (CONTRACT.md, records lines).
import { createHash } from 'node:crypto';
import path from 'node:path';
import { rawSql } from '../helpers/testStorage.ts';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { roleIdFrom } from '../../shared/domain/roles.ts';
import { ApiErrorCode, CreatedRecordSchema, type CreateBoardResponse, type CreatedRecord } from '../../shared/protocol/index.ts';
import { connectClient, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { awarenessFrame, encodeAwareness } from '../helpers/frames.ts';
import { api, apiError } from '../helpers/http.ts';
import { providerBarrier, whileConnected } from '../helpers/providerSocket.ts';
import { boardWsUrl, RawClient } from '../helpers/rawSocket.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';
import { waitForAwareness, waitUntil } from '../helpers/wait.ts';
import { TEST_CONSENT } from '../helpers/consent.ts';

/** Well-formed ids that no board or record has. */
const UNKNOWN_ID = 'AAAAAAAAAAAAAAAAAAAAAA';
const WRONG_TOKEN = 'x'.repeat(43);

function expectError(answer: { status: number; body: unknown }, status: number, code: string, field?: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  const e = apiError(answer.body);
  expect(e, `error body: ${JSON.stringify(answer.body)}`).toBeDefined();
  expect(e?.code).toBe(code);
  if (field !== undefined) {
    expect(e?.field).toBe(field);
    expect(e?.message).toContain(field);
  }
}

describe('meeting records API', () => {
  let srv: TestServer;
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];

  const connect = (board: CreateBoardResponse, token: string) => {
    const c = connectClient(srv.wsUrl, board.id, token);
    clients.push(c);
    return c;
  };
  /** The board's live room, once it has loaded (on PostgreSQL that takes a round trip). */
  const room = async (boardId: string) => {
    await waitUntil(() => srv.server.registry.peek(boardId) !== undefined, { what: `the room of ${boardId} to load` });
    return srv.server.registry.peek(boardId)!;
  };
  const recordsPath = (boardId: string, rest = '') => `/api/boards/${boardId}/records${rest}`;
  const save = async (board: CreateBoardResponse, body: Record<string, unknown> = {}, token = board.tokens.edit): Promise<CreatedRecord> => {
    const res = await api(srv.baseUrl, 'POST', recordsPath(board.id), { token, json: { consent: TEST_CONSENT, ...body } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return CreatedRecordSchema.parse(res.body);
  };
  /** The first service card of a board's live document. */
  const firstService = (doc: Y.Doc) => [...recordsMap(doc).values()].find((r) => r.type === 'rb-service') as StoredRecord & { props: Record<string, unknown> };
  /** Change a card's props from a client and wait until the server's room has it. */
  const changeCard = async (client: TestClient, boardId: string, id: string, patch: Record<string, unknown>) => {
    const map = recordsMap(client.doc);
    const old = map.get(id) as StoredRecord & { props: Record<string, unknown> };
    map.set(id, { ...old, props: { ...old.props, ...patch } });
    await waitForDoc((await room(boardId)).pipeline.documentNow(), (d) => {
      const r = recordsMap(d).get(id) as { props?: Record<string, unknown> } | undefined;
      return Object.entries(patch).every(([k, v]) => JSON.stringify(r?.props?.[k]) === JSON.stringify(v));
    });
  };

  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const r of raws) r.ws.terminate();
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('saves a record with the edit or the owner token: 201 with the contract fields', async () => {
    const board = await srv.createBoard({ title: '記録の作成' });
    const before = Date.now();
    for (const token of [board.tokens.edit, board.tokens.owner]) {
      const res = await api(srv.baseUrl, 'POST', recordsPath(board.id), { token, json: { title: '第1回', note: '初回', consent: TEST_CONSENT } });
      expect(res.status).toBe(201);
      const body = res.body as Record<string, unknown>;
      for (const key of ['id', 'boardId', 'createdAt', 'sha256', 'participants']) expect(body).toHaveProperty(key);
      const rec = CreatedRecordSchema.parse(body);
      expect(rec.boardId).toBe(board.id);
      expect(rec.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
      expect(rec.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(Date.parse(rec.createdAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(rec.createdAt)).toBeLessThanOrEqual(Date.now() + 1000);
      expect(rec.participants).toEqual([]);
      expect(rec.title).toBe('第1回');
      // Readable afterwards with the weakest token.
      const got = await api(srv.baseUrl, 'GET', recordsPath(board.id, `/${rec.id}`), { token: board.tokens.view });
      expect(got.status).toBe(200);
      expect(CreatedRecordSchema.parse(got.body)).toEqual(rec);
    }
  });

  it('gives a record a default title naming the board', async () => {
    const board = await srv.createBoard({ title: '既定の題' });
    const rec = await save(board);
    expect(rec.title).toContain('既定の題');
  });

  it('refuses to save with the view token (403), without or with a wrong token (401), on an unknown board (404)', async () => {
    const board = await srv.createBoard();
    const post = (id: string, token?: string) => api(srv.baseUrl, 'POST', recordsPath(id), { ...(token !== undefined ? { token } : {}), json: { consent: TEST_CONSENT } });
    expectError(await post(board.id, board.tokens.view), 403, ApiErrorCode.Forbidden);
    expectError(await post(board.id), 401, ApiErrorCode.Unauthorized);
    expectError(await post(board.id, WRONG_TOKEN), 401, ApiErrorCode.Unauthorized);
    expectError(await post(UNKNOWN_ID, board.tokens.owner), 404, ApiErrorCode.NotFound);
    const list = await api(srv.baseUrl, 'GET', recordsPath(board.id), { token: board.tokens.view });
    expect(list.body).toEqual([]);
  });

  it('reads records with any token of the board and refuses the rest', async () => {
    const board = await srv.createBoard();
    const rec = await save(board);
    const paths = ['', `/${rec.id}`, `/${rec.id}/minutes.html`, `/${rec.id}/export.tldr`, `/${rec.id}/export.json`, `/diff?from=${rec.id}&to=${rec.id}`];
    for (const p of paths) {
      for (const token of [board.tokens.view, board.tokens.edit, board.tokens.owner]) {
        expect((await api(srv.baseUrl, 'GET', recordsPath(board.id, p), { token })).status, p).toBe(200);
      }
      expectError(await api(srv.baseUrl, 'GET', recordsPath(board.id, p)), 401, ApiErrorCode.Unauthorized);
      expectError(await api(srv.baseUrl, 'GET', recordsPath(board.id, p), { token: WRONG_TOKEN }), 401, ApiErrorCode.Unauthorized);
      expectError(await api(srv.baseUrl, 'GET', recordsPath(UNKNOWN_ID, p), { token: board.tokens.owner }), 404, ApiErrorCode.NotFound);
    }
  });

  it('answers 404 for an unknown record, a malformed id, and another board’s record', async () => {
    const board = await srv.createBoard();
    const other = await srv.createBoard();
    const mine = await save(board);
    const theirs = await save(other);
    for (const id of [UNKNOWN_ID, 'bad!id', theirs.id]) {
      for (const p of [`/${id}`, `/${id}/minutes.html`, `/${id}/export.tldr`, `/${id}/export.json`, `/diff?from=${mine.id}&to=${id}`, `/diff?from=${id}&to=${mine.id}`]) {
        expectError(await api(srv.baseUrl, 'GET', recordsPath(board.id, p), { token: board.tokens.owner }), 404, ApiErrorCode.NotFound);
      }
      expectError(await api(srv.baseUrl, 'POST', recordsPath(board.id, `/${id}/boards`), { token: board.tokens.owner, json: {} }), 404, ApiErrorCode.NotFound);
    }
    expectError(await api(srv.baseUrl, 'GET', recordsPath(board.id, '/diff'), { token: board.tokens.owner }), 404, ApiErrorCode.NotFound);
    // Each board lists only its own records.
    expect(((await api(srv.baseUrl, 'GET', recordsPath(board.id), { token: board.tokens.view })).body as CreatedRecord[]).map((r) => r.id)).toEqual([mine.id]);
    // Another board's token does not open this board's record either.
    expectError(await api(srv.baseUrl, 'GET', recordsPath(board.id, `/${mine.id}`), { token: other.tokens.owner }), 401, ApiErrorCode.Unauthorized);
  });

  it('answers 400 naming the field for a malformed body, and stores nothing', async () => {
    const board = await srv.createBoard();
    const post = (json: unknown) => api(srv.baseUrl, 'POST', recordsPath(board.id), { token: board.tokens.edit, json: { consent: TEST_CONSENT, ...(json as object) } });
    expectError(await post({ title: 'あ'.repeat(201) }), 400, ApiErrorCode.BadRequest, 'title');
    expectError(await post({ title: '   ' }), 400, ApiErrorCode.BadRequest, 'title');
    expectError(await post({ title: 42 }), 400, ApiErrorCode.BadRequest, 'title');
    expectError(await post({ note: 'x'.repeat(10_001) }), 400, ApiErrorCode.BadRequest, 'note');
    expectError(await post({ attendees: '田中' }), 400, ApiErrorCode.BadRequest, 'attendees');
    expectError(await post({ attendees: { name: '田中', role: 'soudan' } }), 400, ApiErrorCode.BadRequest, 'attendees');
    const badName = await post({ attendees: [{ name: '', role: 'soudan' }] });
    expect(badName.status).toBe(400);
    expect(apiError(badName.body)?.field).toMatch(/^attendees\.0\.name$/);
    expect((await post({ sha256: '00' })).status).toBe(400);
    const malformed = await api(srv.baseUrl, 'POST', recordsPath(board.id), { token: board.tokens.edit, rawBody: '{"title": ' });
    expectError(malformed, 400, ApiErrorCode.BadRequest);
    expect((await api(srv.baseUrl, 'GET', recordsPath(board.id), { token: board.tokens.view })).body).toEqual([]);
  });

  it('records who is present from a stock provider’s awareness, and /present shows them', async () => {
    const board = await srv.createBoard();
    const a = connect(board, board.tokens.edit);
    await a.synced;
    a.provider.awareness.setLocalStateField('user', { name: '田中 一郎', role: 'soudan', color: '#3377DD' });
    await waitForAwareness((await room(board.id)).awareness, (states) => [...states.values()].some((s) => (s.user as { name?: string } | undefined)?.name === '田中 一郎'));

    const present = await api(srv.baseUrl, 'GET', recordsPath(board.id, '/present'), { token: board.tokens.view });
    expect(present.body).toEqual([{ name: '田中 一郎', role: 'soudan' }]);
    const rec = await save(board, { title: '出席の記録' });
    expect(rec.participants).toEqual([{ name: '田中 一郎', role: 'soudan' }]);
    // Without a corrected list, the attendees are who was present.
    expect(rec.attendees).toEqual(rec.participants);

    // A corrected attendee list is kept beside the participants, not instead of them.
    const corrected = await save(board, { attendees: [{ name: '山本 和夫', role: 'client' }, { name: '田中 一郎', role: 'soudan' }] });
    expect(corrected.attendees).toEqual([{ name: '山本 和夫', role: 'client' }, { name: '田中 一郎', role: 'soudan' }]);
    expect(corrected.participants).toEqual([{ name: '田中 一郎', role: 'soudan' }]);
    const listed = (await api(srv.baseUrl, 'GET', recordsPath(board.id), { token: board.tokens.view })).body as CreatedRecord[];
    expect(listed.find((r) => r.id === corrected.id)?.attendees).toEqual(corrected.attendees);

    // Once the participant leaves, a new record no longer names them.
    a.provider.disconnect();
    await waitForAwareness((await room(board.id)).awareness, (states) => ![...states.values()].some((s) => s.user));
    expect((await save(board)).participants).toEqual([]);
  });

  it('records every named participant, view links included, and leaves out sessions without a name', async () => {
    const board = await srv.createBoard();
    const people = [
      { token: board.tokens.edit, clientId: 910_001, state: { user: { name: '田中 一郎', role: 'soudan', color: '#3377DD' } } },
      { token: board.tokens.view, clientId: 910_002, state: { user: { name: '鈴木 花子', role: 'caremanager', color: '#C45F0A' } } },
      { token: board.tokens.edit, clientId: 910_003, state: { presence: null } },
      { token: board.tokens.edit, clientId: 910_004, state: { user: { name: '   ', role: 'family', color: '#000' } } },
    ];
    for (const p of people) {
      const r = await RawClient.open(boardWsUrl(srv.wsUrl, board.id, p.token));
      raws.push(r);
      r.send(awarenessFrame(encodeAwareness([{ clientId: p.clientId, clock: 1, state: p.state }])));
    }
    await waitForAwareness((await room(board.id)).awareness, (states) => people.every((p) => states.has(p.clientId)));
    const rec = await save(board);
    expect(rec.participants).toHaveLength(2);
    expect(rec.participants).toEqual(expect.arrayContaining([{ name: '田中 一郎', role: 'soudan' }, { name: '鈴木 花子', role: 'caremanager' }]));
  });

  // Two stock y-websocket providers on one board, as two browsers are. A stock provider
  // re-broadcasts the other's awareness state; the relay (server/relay/Room.ts, the 'awareness'
  // case of dispatch) takes that echo for a claim on another session's client id and closes the
  // echoing session with 4400, which drops its participant from the record. The same fault
  // fails tests/integration/awareness.test.ts.
  it('records both participants when two stock providers share the board', async () => {
    const board = await srv.createBoard();
    const a = connect(board, board.tokens.edit);
    const b = connect(board, board.tokens.view);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: '田中 一郎', role: 'soudan', color: '#3377DD' });
    b.provider.awareness.setLocalStateField('user', { name: '鈴木 花子', role: 'caremanager', color: '#C45F0A' });
    await whileConnected(a, waitForAwareness(a.provider.awareness, (s) => (s.get(b.doc.clientID)?.user as { name?: string } | undefined)?.name === '鈴木 花子'));
    await whileConnected(b, waitForAwareness(b.provider.awareness, (s) => (s.get(a.doc.clientID)?.user as { name?: string } | undefined)?.name === '田中 一郎'));
    // Both echoes have reached the server once these round trips on their own sockets return.
    await whileConnected(a, providerBarrier(a));
    await whileConnected(b, providerBarrier(b));
    const rec = await save(board);
    expect(rec.participants).toEqual(expect.arrayContaining([{ name: '田中 一郎', role: 'soudan' }, { name: '鈴木 花子', role: 'caremanager' }]));
  });

  // CONTRACT.md: the awareness `role` is "one of the roles in the domain model (相談支援専門員,
  // 介護支援専門員, 本人, 家族, …)", i.e. the label may come instead of the id. RecordService
  // .presentParticipants keeps a role only when isRoleId(role), so a client that follows the
  // contract's example is recorded with role '' and 本人 does not count as having attended.
  it('keeps a participant’s role given as the domain model’s Japanese label', async () => {
    const board = await srv.createBoard();
    const people = [
      { clientId: 920_001, user: { name: '佐藤 花子', role: '相談支援専門員', color: '#e8590c' } },
      { clientId: 920_002, user: { name: '山本 和夫', role: '本人', color: '#C2185B' } },
    ];
    for (const p of people) {
      const r = await RawClient.open(boardWsUrl(srv.wsUrl, board.id, board.tokens.edit));
      raws.push(r);
      r.send(awarenessFrame(encodeAwareness([{ clientId: p.clientId, clock: 1, state: { user: p.user } }])));
    }
    await waitForAwareness((await room(board.id)).awareness, (states) => people.every((p) => states.has(p.clientId)));

    const rec = await save(board);
    const roleOf = (name: string) => rec.participants.find((p) => p.name === name)?.role ?? '';
    expect(rec.participants.map((p) => p.name).sort()).toEqual(['佐藤 花子', '山本 和夫']);
    expect(roleIdFrom(roleOf('佐藤 花子'))).toBe('soudan');
    expect(roleIdFrom(roleOf('山本 和夫'))).toBe('client');
    const minutes = await api(srv.baseUrl, 'GET', recordsPath(board.id, `/${rec.id}/minutes.html`), { token: board.tokens.view });
    expect(String(minutes.body)).toMatch(/本人：【出席】/);
  });

  it('lists a board’s records newest first, without their states', async () => {
    const board = await srv.createBoard();
    const saved: CreatedRecord[] = [];
    for (const title of ['一回目', '二回目', '三回目']) saved.push(await save(board, { title }));
    const res = await api(srv.baseUrl, 'GET', recordsPath(board.id), { token: board.tokens.view });
    expect(res.status).toBe(200);
    const list = res.body as Record<string, unknown>[];
    expect(list.map((r) => r.id)).toEqual(saved.map((r) => r.id).reverse());
    expect(list.map((r) => r.title)).toEqual(['三回目', '二回目', '一回目']);
    for (const item of list) {
      expect(CreatedRecordSchema.safeParse(item).success).toBe(true);
      expect(item).not.toHaveProperty('state');
    }
    const times = list.map((r) => Date.parse(String(r.createdAt)));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it('stores the sha-256 of the very state it keeps, and that state is the board at that moment', async () => {
    const board = await srv.createBoard({ template: 'exercise-1' });
    const c = connect(board, board.tokens.edit);
    await c.synced;
    const card = firstService(c.doc);
    await changeCard(c, board.id, card.id, { note: '記録の直前に書いた' });
    const rec = await save(board);

    const row = await srv.server.storage.getRecord(board.id, rec.id);
    expect(row).toBeDefined();
    expect(createHash('sha256').update(row!.state).digest('hex')).toBe(rec.sha256);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, row!.state);
    const inRecord = Object.fromEntries([...recordsMap(doc).entries()]);
    const onBoard = Object.fromEntries([...recordsMap((await room(board.id)).pipeline.documentNow()).entries()]);
    expect(inRecord).toEqual(onBoard);
    expect((recordsMap(doc).get(card.id) as unknown as { props: { note: string } }).props.note).toBe('記録の直前に書いた');
    doc.destroy();
  });

  it('saves a board nobody has open from storage', async () => {
    const board = await srv.createBoard({ template: 'exercise-1' });
    expect(srv.server.registry.peek(board.id)).toBeUndefined();
    const rec = await save(board);
    const row = await srv.server.storage.getRecord(board.id, rec.id);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, row!.state);
    expect([...recordsMap(doc).values()].some((r) => r.type === 'rb-service')).toBe(true);
    doc.destroy();
  });

  it('offers no API route that changes or deletes a record', async () => {
    const board = await srv.createBoard();
    const rec = await save(board, { title: '変えられない' });
    const before = await srv.server.storage.getRecord(board.id, rec.id);
    const url = `${srv.baseUrl}${recordsPath(board.id, `/${rec.id}`)}`;
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const res = await fetch(url, { method, headers: { authorization: `Bearer ${board.tokens.owner}`, 'content-type': 'application/json' }, body: method === 'DELETE' ? null : JSON.stringify({ title: '書き換え', note: 'x' }) });
      expect(res.status, method).toBeGreaterThanOrEqual(400);
      expect(res.status, method).toBeLessThan(500);
    }
    for (const method of ['PUT', 'DELETE']) {
      const res = await fetch(`${srv.baseUrl}${recordsPath(board.id)}`, { method, headers: { authorization: `Bearer ${board.tokens.owner}` } });
      expect(res.status, method).toBeGreaterThanOrEqual(400);
    }
    const after = await srv.server.storage.getRecord(board.id, rec.id);
    expect(after).toEqual(before);
    const list = (await api(srv.baseUrl, 'GET', recordsPath(board.id), { token: board.tokens.view })).body as CreatedRecord[];
    expect(list.map((r) => [r.id, r.title])).toEqual([[rec.id, '変えられない']]);
  });

  it('is refused by the database itself when something tries to UPDATE or DELETE a record', async () => {
    const board = await srv.createBoard();
    const rec = await save(board, { title: '元の題' });
    await expect(rawSql(srv.dataDir, `UPDATE meeting_records SET title = 'x' WHERE id = ?`, [rec.id])).rejects.toThrow(/immutable/);
    await expect(rawSql(srv.dataDir, `UPDATE meeting_records SET sha256 = 'y'`)).rejects.toThrow(/immutable/);
    await expect(rawSql(srv.dataDir, 'DELETE FROM meeting_records WHERE id = ?', [rec.id])).rejects.toThrow(/immutable/);
    await expect(rawSql(srv.dataDir, 'DELETE FROM meeting_records')).rejects.toThrow(/immutable/);
    const rows = await rawSql<{ title: string; sha256: string }>(srv.dataDir, 'SELECT title, sha256 FROM meeting_records WHERE id = ?', [rec.id]);
    expect(rows).toEqual([{ title: '元の題', sha256: rec.sha256 }]);
  });

  it('keeps the board as it was: later edits change the board, not the record', async () => {
    const board = await srv.createBoard({ template: 'exercise-1' });
    const c = connect(board, board.tokens.edit);
    await c.synced;
    const card = firstService(c.doc);
    const oldStatus = card.props.status;
    const newStatus = oldStatus === 'ending' ? 'in-use' : 'ending';
    const rec = await save(board);
    await changeCard(c, board.id, card.id, { status: newStatus, service: '変更後のサービス名' });

    const exportOf = async (p: string) => {
      const res = await api(srv.baseUrl, 'GET', p, { token: board.tokens.view });
      expect(res.status).toBe(200);
      return (res.body as { records: (StoredRecord & { props: Record<string, unknown> })[] }).records.find((r) => r.id === card.id);
    };
    expect((await exportOf(recordsPath(board.id, `/${rec.id}/export.tldr`)))?.props).toMatchObject({ status: oldStatus, service: card.props.service });
    expect((await exportOf(`/api/boards/${board.id}/export.tldr`))?.props).toMatchObject({ status: newStatus, service: '変更後のサービス名' });
    const minutes = String((await api(srv.baseUrl, 'GET', recordsPath(board.id, `/${rec.id}/minutes.html`), { token: board.tokens.view })).body);
    expect(minutes).not.toContain('変更後のサービス名');
    // The stored state still matches its hash after the board moved on.
    const row = await srv.server.storage.getRecord(board.id, rec.id);
    expect(createHash('sha256').update(row!.state).digest('hex')).toBe(rec.sha256);
  });

  it('compares two records of a board: a card’s status change, a plan item’s state, added and removed cards', async () => {
    const board = await srv.createBoard({ template: 'exercise-1' });
    const c = connect(board, board.tokens.edit);
    await c.synced;
    const records = [...recordsMap(c.doc).values()] as (StoredRecord & { type?: string; props: Record<string, unknown> })[];
    const services = records.filter((r) => r.type === 'rb-service');
    const plan = records.find((r) => r.type === 'rb-plan' && r.props.state !== 'agreed');
    expect(services.length).toBeGreaterThanOrEqual(2);
    expect(plan).toBeDefined();
    const [changed, removed] = services as [typeof services[number], typeof services[number]];
    const first = await save(board, { title: '一回目' });

    const toStatus = changed.props.status === 'ending' ? 'in-use' : 'ending';
    await changeCard(c, board.id, changed.id, { status: toStatus, w: Number(changed.props.w) + 50 });
    await changeCard(c, board.id, plan!.id, { state: 'agreed' });
    const added = { ...changed, id: 'shape:added-after-first', props: { ...changed.props, service: '追加したサービス' } };
    recordsMap(c.doc).set(added.id, added);
    recordsMap(c.doc).delete(removed.id);
    await waitForDoc((await room(board.id)).pipeline.documentNow(), (d) => recordsMap(d).has(added.id) && !recordsMap(d).has(removed.id));
    const second = await save(board, { title: '二回目' });

    const res = await api(srv.baseUrl, 'GET', recordsPath(board.id, `/diff?from=${first.id}&to=${second.id}`), { token: board.tokens.view });
    expect(res.status).toBe(200);
    const diff = res.body as { added: { id: string; label: string }[]; removed: { id: string; label: string }[]; changed: { id: string; fields: string[]; statusChange?: { from: string; to: string } }[] };
    expect(diff.added.map((a) => [a.id, a.label])).toEqual([[added.id, '追加したサービス']]);
    expect(diff.removed.map((r) => [r.id, r.label])).toEqual([[removed.id, removed.props.service]]);
    const byId = new Map(diff.changed.map((ch) => [ch.id, ch]));
    expect(byId.get(changed.id)?.statusChange).toEqual({ from: changed.props.status, to: toStatus });
    expect(byId.get(changed.id)?.fields).toEqual(['status']);
    expect(byId.get(plan!.id)?.statusChange).toEqual({ from: plan!.props.state, to: 'agreed' });
    expect(diff.changed).toHaveLength(2);

    // The other way round, what was added has been removed.
    const back = (await api(srv.baseUrl, 'GET', recordsPath(board.id, `/diff?from=${second.id}&to=${first.id}`), { token: board.tokens.view })).body as typeof diff;
    expect(back.removed.map((r) => r.id)).toEqual([added.id]);
    expect(back.added.map((a) => a.id)).toEqual([removed.id]);
  });
});
