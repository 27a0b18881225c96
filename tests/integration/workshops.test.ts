// @vitest-environment jsdom
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import type { CreateWorkshopResponse, JoinWorkshopResponse } from '../../shared/protocol/index.ts';
import { readWorkshopState, resetTimer, startTimer, writeWorkshopState } from '../../shared/workshop/index.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { api, apiError } from '../helpers/http.ts';
import { providerBarrier } from '../helpers/providerSocket.ts';
import { boardWsUrl, tryUpgrade } from '../helpers/rawSocket.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';

// Workshops (issue #6) over the real server: creation limits, who may do what with the
// facilitator's and the members' tokens, join-code rate limiting, and a session of three
// groups of three with the facilitator driving the shared state document.

async function createWorkshop(srv: TestServer, body: Record<string, unknown>, token?: string): Promise<CreateWorkshopResponse> {
  const res = await api(srv.baseUrl, 'POST', '/api/workshops', { json: body, ...(token ? { token } : {}) });
  if (res.status !== 201) throw new Error(`create workshop: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CreateWorkshopResponse;
}

async function join(srv: TestServer, code: string, group: number, name: string, role = 'soudan'): Promise<JoinWorkshopResponse> {
  const res = await api(srv.baseUrl, 'POST', '/api/workshops/join', { json: { code, group, name, role } });
  if (res.status !== 201) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as JoinWorkshopResponse;
}

/** Every record value of a document as one JSON text, to search for text that must not be there. */
function docText(doc: Y.Doc): string {
  return JSON.stringify([...recordsMap(doc).values()]);
}

/** A board's stored document (snapshot and updates), as a fresh Y.Doc. */
async function storedDoc(srv: TestServer, boardId: string): Promise<Y.Doc> {
  const stored = await srv.server.storage.loadDocument(boardId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

describe('workshops', () => {
  let srv: TestServer;
  const clients: TestClient[] = [];
  const connect = (boardId: string, token: string) => {
    const c = connectClient(srv.wsUrl, boardId, token);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    srv = await startServer();
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(srv.dataDir);
  });

  describe('creation', () => {
    it.each([
      [{ title: '演習', template: 'exercise-1', groups: 0 }, 'groups'],
      [{ title: '演習', template: 'exercise-1', groups: 61 }, 'groups'],
      [{ title: '演習', template: 'exercise-1', groups: 2.5 }, 'groups'],
      [{ title: '演習', template: 'no-such-template', groups: 2 }, 'template'],
      [{ title: '演習', template: 'exercise-1', groups: 3, groupNames: ['A', 'B'] }, 'groupNames'],
      [{ title: '', template: 'exercise-1', groups: 3 }, 'title'],
    ])('refuses %j with 400 naming %s', async (body, field) => {
      const res = await api(srv.baseUrl, 'POST', '/api/workshops', { json: body });
      expect(res.status).toBe(400);
      expect(apiError(res.body)).toMatchObject({ code: 'bad_request', field });
    });

    it('makes 60 groups at most, each a board from the template, with a join code and links', async () => {
      const w = await createWorkshop(srv, { title: '相談支援従事者研修', template: 'exercise-1', groups: 60 });
      expect(w.groups).toHaveLength(60);
      expect(w.groups[59]!.name).toBe('グループ60');
      expect(w.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
      expect(w.links.join).toBe(`${srv.baseUrl}/j/${w.joinCode}`);
      expect(w.links.facilitator).toBe(`${srv.baseUrl}/w/${w.id}#t=${encodeURIComponent(w.tokens.facilitator)}`);
      expect(new Set(w.groups.map((g) => g.boardId)).size).toBe(60);
      const named = await createWorkshop(srv, { title: '演習2', template: 'exercise-2', groups: 2, groupNames: ['A班', 'B班'] });
      expect(named.groups.map((g) => g.name)).toEqual(['A班', 'B班']);
      const joinInfo = await api(srv.baseUrl, 'GET', `/api/workshops/join/${named.joinCode.toLowerCase()}`);
      expect(joinInfo.body).toEqual({ title: '演習2', joinOpen: true, groups: [{ index: 0, name: 'A班' }, { index: 1, name: 'B班' }] });
    });

    it('respects CREATE_TOKEN like board creation', async () => {
      const createToken = 'create-token-0123456789';
      const guarded = await startServer({ env: { CREATE_TOKEN: createToken } });
      try {
        const body = { title: '演習', template: 'blank', groups: 1 };
        expect((await api(guarded.baseUrl, 'POST', '/api/workshops', { json: body })).status).toBe(401);
        expect((await api(guarded.baseUrl, 'POST', '/api/workshops', { json: body, token: 'wrong-token-0123456789' })).status).toBe(403);
        expect((await api(guarded.baseUrl, 'POST', '/api/workshops', { json: body, token: createToken })).status).toBe(201);
      } finally {
        await guarded.stop();
        removeDir(guarded.dataDir);
      }
    });
  });

  describe('roles', () => {
    let w: CreateWorkshopResponse;
    let aki: JoinWorkshopResponse;
    let ben: JoinWorkshopResponse;
    let chi: JoinWorkshopResponse;

    beforeAll(async () => {
      w = await createWorkshop(srv, { title: '演習 役割', template: 'exercise-1', groups: 2 });
      aki = await join(srv, w.joinCode, 0, '秋山');
      ben = await join(srv, w.joinCode, 0, '坂本', 'caremanager');
      chi = await join(srv, w.joinCode, 1, '千葉');
    });

    it('a member cannot use the facilitator’s calls (403); a wrong or missing token gets 401', async () => {
      const calls = [
        ['GET', `/api/workshops/${w.id}/overview`],
        ['POST', `/api/workshops/${w.id}/records`],
        ['GET', `/api/workshops/${w.id}/minutes.html`],
      ] as const;
      for (const [method, path] of calls) {
        const json = method === 'POST' ? {} : undefined;
        expect((await api(srv.baseUrl, method, path, { token: aki.token, json })).status, `${method} ${path} as member`).toBe(403);
        expect((await api(srv.baseUrl, method, path, { token: 'not-a-token', json })).status, `${method} ${path} wrong token`).toBe(401);
        expect((await api(srv.baseUrl, method, path, { json })).status, `${method} ${path} no token`).toBe(401);
        // A board token of one of the groups is not a workshop token either.
        expect((await api(srv.baseUrl, method, path, { token: w.groups[0]!.links.edit.split('#t=')[1]!, json })).status).toBe(401);
      }
      expect((await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}/overview`, { token: w.tokens.facilitator })).status).toBe(200);
    });

    it('a member reads the workshop with their group and private area; the facilitator reads it as facilitator', async () => {
      const asMember = await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}`, { token: ben.token });
      expect(asMember.status).toBe(200);
      expect(asMember.body).toMatchObject({ role: 'member', member: { name: '坂本', role: 'caremanager', groupIndex: 0, boardId: w.groups[0]!.boardId, privateBoardId: ben.privateBoardId } });
      const asFacilitator = await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}`, { token: w.tokens.facilitator });
      expect(asFacilitator.body).toMatchObject({ role: 'facilitator', joinCode: w.joinCode });
      expect(asFacilitator.body).not.toHaveProperty('member');
      expect((await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}`, { token: 'nope' })).status).toBe(401);
    });

    it('capabilities on boards: facilitator owns the group boards; a member edits their own, views the others and the state, owns only their private area', async () => {
      const role = async (boardId: string, token: string) => {
        const res = await api(srv.baseUrl, 'GET', `/api/boards/${boardId}`, { token });
        return res.status === 200 ? (res.body as { role: string }).role : res.status;
      };
      expect(await role(w.groups[0]!.boardId, w.tokens.facilitator)).toBe('owner');
      expect(await role(w.groups[1]!.boardId, w.tokens.facilitator)).toBe('owner');
      expect(await role(w.groups[0]!.boardId, aki.token)).toBe('edit');
      expect(await role(w.groups[1]!.boardId, aki.token)).toBe('view');
      expect(await role(w.id, aki.token)).toBe('view');
      expect(await role(w.id, w.tokens.facilitator)).toBe('owner');
      expect(await role(aki.privateBoardId, aki.token)).toBe('owner');
      // Another member's private area: not even the facilitator reaches it.
      expect(await role(aki.privateBoardId, ben.token)).toBe(401);
      expect(await role(aki.privateBoardId, chi.token)).toBe(401);
      expect(await role(aki.privateBoardId, w.tokens.facilitator)).toBe(401);
      expect(await tryUpgrade(boardWsUrl(srv.wsUrl, aki.privateBoardId, ben.token))).toEqual({ opened: false, status: 401 });
      expect(await tryUpgrade(boardWsUrl(srv.wsUrl, aki.privateBoardId, w.tokens.facilitator))).toEqual({ opened: false, status: 401 });
      expect(await tryUpgrade(boardWsUrl(srv.wsUrl, aki.privateBoardId, aki.token))).toEqual({ opened: true });
    });

    it('over the relay: the facilitator writes group boards; a member edits their own group and is dropped on another', async () => {
      const g0 = w.groups[0]!.boardId;
      const g1 = w.groups[1]!.boardId;
      const akiOwn = connect(g0, aki.token);
      const benOwn = connect(g0, ben.token);
      const chiOwn = connect(g1, chi.token);
      const akiOther = connect(g1, aki.token);
      const facilitatorG1 = connect(g1, w.tokens.facilitator);
      await Promise.all([akiOwn.synced, benOwn.synced, chiOwn.synced, akiOther.synced, facilitatorG1.synced]);

      putRecord(akiOwn.doc, shapeRecord('aki-own'));
      await waitForDoc(benOwn.doc, (d) => recordsMap(d).has('shape:aki-own'));

      putRecord(facilitatorG1.doc, shapeRecord('from-facilitator'));
      await waitForDoc(chiOwn.doc, (d) => recordsMap(d).has('shape:from-facilitator'));
      await waitForDoc(akiOther.doc, (d) => recordsMap(d).has('shape:from-facilitator'));

      await providerBarrier(akiOther);
      const dropped = srv.server.metrics.droppedViewWrites;
      putRecord(akiOther.doc, shapeRecord('aki-intrudes'));
      await providerBarrier(akiOther);
      expect(srv.server.metrics.droppedViewWrites).toBe(dropped + 1);
      // A later write from the group reaches everyone; the dropped one never does.
      putRecord(chiOwn.doc, shapeRecord('chi-later'));
      await waitForDoc(facilitatorG1.doc, (d) => recordsMap(d).has('shape:chi-later'));
      expect(recordsMap(facilitatorG1.doc).has('shape:aki-intrudes')).toBe(false);
      expect(recordsMap(chiOwn.doc).has('shape:aki-intrudes')).toBe(false);
      expect(recordsMap(srv.server.registry.peek(g1)!.pipeline.documentNow()).has('shape:aki-intrudes')).toBe(false);
    });
  });

  it('rate-limits wrong join codes: 429 after BAD_TOKEN_ATTEMPTS_PER_MINUTE', async () => {
    const limited = await startServer({ env: { BAD_TOKEN_ATTEMPTS_PER_MINUTE: '3' } });
    try {
      const w = await createWorkshop(limited, { title: '演習', template: 'blank', groups: 1 });
      const unknown = w.joinCode === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
      expect((await api(limited.baseUrl, 'GET', `/api/workshops/join/${unknown}`)).status).toBe(404);
      expect((await api(limited.baseUrl, 'GET', '/api/workshops/join/not-a-code')).status).toBe(404);
      expect((await api(limited.baseUrl, 'POST', '/api/workshops/join', { json: { code: unknown, group: 0, name: 'x', role: '' } })).status).toBe(404);
      // The limit is reached: even the right code is refused for this client for the minute.
      const blocked = await api(limited.baseUrl, 'GET', `/api/workshops/join/${w.joinCode}`);
      expect(blocked.status).toBe(429);
      expect(apiError(blocked.body)?.code).toBe('too_many_requests');
      expect((await api(limited.baseUrl, 'POST', '/api/workshops/join', { json: { code: w.joinCode, group: 0, name: 'x', role: '' } })).status).toBe(429);
    } finally {
      await limited.stop();
      removeDir(limited.dataDir);
    }
  });

  it('a session of three groups of three: the facilitator’s phase and timer reach everyone, a member’s state writes reach no one, private notes stay private', async () => {
    const w = await createWorkshop(srv, { title: '相談支援従事者研修 演習', template: 'exercise-1', groups: 3 });
    const facilitator = connect(w.id, w.tokens.facilitator);
    const members: { join: JoinWorkshopResponse; group: TestClient; state: TestClient; priv: TestClient; secret: string }[] = [];
    for (let g = 0; g < 3; g++) {
      for (let m = 0; m < 3; m++) {
        const j = await join(srv, w.joinCode, g, `参加者${g}-${m}`);
        expect(j.boardId).toBe(w.groups[g]!.boardId);
        members.push({ join: j, group: connect(j.boardId, j.token), state: connect(w.id, j.token), priv: connect(j.privateBoardId, j.token), secret: `非公開メモ-${g}-${m}-${j.privateBoardId}` });
      }
    }
    await Promise.all([facilitator.synced, ...members.flatMap((m) => [m.group.synced, m.state.synced, m.priv.synced])]);
    // Everyone starts from the stored initial state: 個人ワーク, a 15-minute timer not started.
    for (const m of members) expect(readWorkshopState(m.state.doc)).toMatchObject({ phaseIndex: 0, presenting: null, timer: { startedAt: null } });

    // The facilitator moves to グループワーク and starts a 20-minute timer.
    const startedAt = Date.now();
    writeWorkshopState(facilitator.doc, { phaseIndex: 1, timer: startTimer(resetTimer(20 * 60_000), startedAt) });
    await Promise.all(members.map((m) => waitForDoc(m.state.doc, (d) => readWorkshopState(d).phaseIndex === 1)));
    for (const m of members) {
      const s = readWorkshopState(m.state.doc);
      expect(s.phases[s.phaseIndex]).toBe('グループワーク');
      expect(s.timer).toEqual({ durationMs: 20 * 60_000, startedAt, remainingAtStartMs: 20 * 60_000 });
    }

    // A member tries to take over: a message and a presentation of their own.
    const rogue = members[4]!;
    await providerBarrier(rogue.state);
    const droppedBefore = srv.server.metrics.droppedViewWrites;
    writeWorkshopState(rogue.state.doc, { message: { id: 'rogue', text: '休憩にします', at: 1 }, presenting: { groupIndex: 1, followUserId: null } });
    await providerBarrier(rogue.state);
    expect(srv.server.metrics.droppedViewWrites).toBe(droppedBefore + 1);
    // The facilitator's next write reaches everyone; the member's write reached no one before it.
    writeWorkshopState(facilitator.doc, { message: { id: 'm1', text: 'あと5分です', at: startedAt } });
    await Promise.all(members.filter((m) => m !== rogue).map((m) => waitForDoc(m.state.doc, (d) => readWorkshopState(d).message?.id === 'm1')));
    for (const m of members.filter((x) => x !== rogue)) expect(readWorkshopState(m.state.doc).presenting).toBeNull();
    expect(readWorkshopState(facilitator.doc)).toMatchObject({ presenting: null, message: { id: 'm1' } });
    expect(readWorkshopState(srv.server.registry.peek(w.id)!.pipeline.documentNow())).toMatchObject({ presenting: null, message: { id: 'm1' } });

    // Private notes: each member writes into their own private board; group work goes to the group board.
    for (const [i, m] of members.entries()) {
      putRecord(m.priv.doc, shapeRecord(`private-${i}`, { props: { geo: 'rectangle', w: 100, h: 100, text: m.secret } }));
      putRecord(m.group.doc, shapeRecord(`group-${i}`, { props: { geo: 'rectangle', w: 100, h: 100, text: `グループの意見-${i}` } }));
    }
    // Group writes arrive in every member's copy of their group board.
    for (const [i, m] of members.entries()) {
      const g = Math.floor(i / 3);
      for (let k = g * 3; k < g * 3 + 3; k++) await waitForDoc(m.group.doc, (d) => recordsMap(d).has(`shape:group-${k}`));
    }
    // The private notes are stored (in the private boards), so their absence elsewhere means something.
    await Promise.all(members.map((m) => providerBarrier(m.priv)));
    for (const m of members) expect(docText(await storedDoc(srv, m.join.privateBoardId))).toContain(m.secret);

    // No group document holds any private note: not the members' copies, not the facilitator's view, not the server's rooms, not storage.
    const secrets = members.map((m) => m.secret);
    const facilitatorViews = w.groups.map((g) => connect(g.boardId, w.tokens.facilitator));
    await Promise.all(facilitatorViews.map((c) => c.synced));
    await Promise.all(members.map((m) => providerBarrier(m.group)));
    const groupDocs = [...members.map((m) => m.group.doc), ...facilitatorViews.map((c) => c.doc), ...w.groups.map((g) => srv.server.registry.peek(g.boardId)!.pipeline.documentNow())];
    for (const g of w.groups) groupDocs.push(await storedDoc(srv, g.boardId));
    for (const doc of groupDocs) {
      const text = docText(doc);
      expect(text).toContain('グループの意見-');
      for (const s of secrets) expect(text).not.toContain(s);
    }
    // Nor does the state document.
    expect(JSON.stringify(readWorkshopState(facilitator.doc))).not.toMatch(/非公開メモ/);

    // The bulk record covers every group, and the facilitator's overview counts their shapes.
    const saved = await api(srv.baseUrl, 'POST', `/api/workshops/${w.id}/records`, { token: w.tokens.facilitator, json: { title: '演習の記録' } });
    expect(saved.status).toBe(201);
    expect((saved.body as { boardId: string }[]).map((r) => r.boardId)).toEqual(w.groups.map((g) => g.boardId));
    const minutes = await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}/minutes.html`, { token: w.tokens.facilitator });
    expect(minutes.status).toBe(200);
    expect(String(minutes.body).match(/class="group-minutes"/g)).toHaveLength(3);
    // Each group's minutes hold its own notes as text (issue 15), and each shows one layout: the
    // layout switches of the groups are apart (a shared radio group would leave all but one unchecked).
    const all = new DOMParser().parseFromString(String(minutes.body), 'text/html');
    const sections = [...all.querySelectorAll('section.group-minutes')];
    for (const [g, section] of sections.entries()) {
      const notes = [...section.querySelectorAll('ul.notes li')].map((li) => li.textContent ?? '');
      for (let k = g * 3; k < g * 3 + 3; k++) expect(notes, `group ${g}`).toContain(`グループの意見-${k}`);
      expect(section.querySelector<HTMLInputElement>('input.fmt-form4')?.checked, `group ${g}`).toBe(true);
    }
    const overview = await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}/overview`, { token: w.tokens.facilitator });
    const groups = (overview.body as { groups: { shapeCount: number; svg: string }[] }).groups;
    expect(groups).toHaveLength(3);
    for (const g of groups) expect(g.svg).toMatch(/^<svg/);
  });
});
