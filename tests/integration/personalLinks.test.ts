import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { AuditEntrySchema, CloseCode, CloseReason, ParticipantLinksSchema, PersonalLinkInfoSchema, type CreatedPersonalLink } from '../../shared/protocol/index.ts';
import { waitForAwareness } from '../helpers/wait.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc } from '../helpers/clients.ts';
import { FakeClock } from '../helpers/fakeClock.ts';
import { api, apiError } from '../helpers/http.ts';
import { boardWsUrl, RawClient, tryUpgrade } from '../helpers/rawSocket.ts';
import { rawSql } from '../helpers/testStorage.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';

// Issue 17: a link per person (name, role, optional expiry, note), listed with its last use,
// revoked alone.
describe('personal links', () => {
  let srv: TestServer;
  const clock = new FakeClock(Date.UTC(2031, 3, 1, 0, 0, 0));
  const raws: RawClient[] = [];
  beforeAll(async () => {
    srv = await startServer({ clock });
  });
  afterAll(async () => {
    for (const r of raws) r.ws.terminate();
    await srv.stop();
    removeDir(srv.dataDir);
  });

  const issue = async (boardId: string, token: string, json: unknown) => api(srv.baseUrl, 'POST', `/api/boards/${boardId}/personal-links`, { token, json });
  const issued = async (boardId: string, token: string, json: unknown): Promise<CreatedPersonalLink> => {
    const res = await issue(boardId, token, json);
    expect(res.status).toBe(201);
    return res.body as CreatedPersonalLink;
  };
  const raw = async (boardId: string, token: string) => {
    const r = new RawClient(boardWsUrl(srv.wsUrl, boardId, token));
    raws.push(r);
    await r.opened;
    return r;
  };

  it('issues links with the right role, stores only hashes, lists them with their last use', async () => {
    const board = await srv.createBoard({ title: '個別リンクの会議' });
    const daughter = await issued(board.id, board.tokens.owner, { name: '山本 幸子（長女）', role: 'edit', note: '家族' });
    const doctor = await issued(board.id, board.tokens.owner, { name: '主治医 田中', role: 'view', expiresAt: new Date(clock.now() + 3600_000).toISOString() });
    expect(daughter.link.endsWith(`/b/${board.id}#t=${encodeURIComponent(daughter.token)}`)).toBe(true);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: daughter.token })).body).toMatchObject({ role: 'edit' });
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: doctor.token })).body).toMatchObject({ role: 'view' });
    // Not the owner: personal links cannot manage anything.
    expect((await issue(board.id, daughter.token, { name: 'x', role: 'edit' })).status).toBe(403);

    // The edit link writes; the view link's writes are never applied.
    const writer = connectClient(srv.wsUrl, board.id, daughter.token);
    const reader = connectClient(srv.wsUrl, board.id, doctor.token);
    await Promise.all([writer.synced, reader.synced]);
    putRecord(writer.doc, shapeRecord('from-daughter'));
    await waitForDoc(reader.doc, (d) => recordsMap(d).has('shape:from-daughter'));
    writer.destroy();
    reader.destroy();

    const list = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/personal-links`, { token: board.tokens.owner });
    const links = PersonalLinkInfoSchema.array().parse(list.body);
    expect(links.map((l) => [l.name, l.role, l.note, l.revokedAt])).toEqual([
      ['山本 幸子（長女）', 'edit', '家族', null],
      ['主治医 田中', 'view', '', null],
    ]);
    expect(links.every((l) => l.lastUsedAt === new Date(clock.now()).toISOString())).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(daughter.token);
    const stored = JSON.stringify(await rawSql(srv.dataDir, 'SELECT * FROM personal_links WHERE board_id = ?', [board.id]));
    expect(stored).not.toContain(daughter.token);
    expect(stored).not.toContain(doctor.token);

    // Sessions say which personal link they came from.
    const audit = AuditEntrySchema.array().parse((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/audit`, { token: board.tokens.owner })).body);
    expect(audit.find((e) => e.event === 'session.opened' && e.detail.linkId === daughter.id)?.detail).toMatchObject({ link: 'personal', linkName: '山本 幸子（長女）', role: 'edit' });
    expect(audit.filter((e) => e.event === 'link.issued').map((e) => e.detail.issuedTo)).toEqual(['主治医 田中', '山本 幸子（長女）']);
  });

  it('refuses a bad name, role or expiry, naming the field', async () => {
    const board = await srv.createBoard();
    for (const [json, field] of [
      [{ name: '', role: 'edit' }, 'name'],
      [{ name: 'a', role: 'owner' }, 'role'],
      [{ name: 'a', role: 'view', expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ name: 'a', role: 'view', expiresAt: new Date(clock.now() - 1000).toISOString() }, 'expiresAt'],
    ] as const) {
      const res = await issue(board.id, board.tokens.owner, json);
      expect(res.status).toBe(400);
      expect(apiError(res.body)?.field).toBe(field);
    }
  });

  it('revoking one closes its sessions only, and it opens nothing any more', async () => {
    const board = await srv.createBoard();
    const a = await issued(board.id, board.tokens.owner, { name: 'Aさん', role: 'edit' });
    const b = await issued(board.id, board.tokens.owner, { name: 'Bさん', role: 'edit' });
    const sa = await raw(board.id, a.token);
    const sb = await raw(board.id, b.token);
    const shared = await raw(board.id, board.tokens.edit);
    const res = await api(srv.baseUrl, 'DELETE', `/api/boards/${board.id}/personal-links/${a.id}`, { token: board.tokens.owner });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: a.id, revokedAt: new Date(clock.now()).toISOString() });
    expect(await sa.closed).toEqual({ code: CloseCode.TokenRevoked, reason: CloseReason[CloseCode.TokenRevoked] });
    // The others are still served: a round trip proves it after the revocation.
    await sb.sync();
    await shared.sync();
    expect(sb.isOpen && shared.isOpen).toBe(true);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: a.token })).status).toBe(401);
    expect(await tryUpgrade(boardWsUrl(srv.wsUrl, board.id, a.token))).toEqual({ opened: false, status: 401 });
    expect((await api(srv.baseUrl, 'DELETE', `/api/boards/${board.id}/personal-links/nosuchlink0`, { token: board.tokens.owner })).status).toBe(404);
  });

  it('stops opening the board once expired', async () => {
    const board = await srv.createBoard();
    const link = await issued(board.id, board.tokens.owner, { name: '期限つき', role: 'view', expiresAt: new Date(clock.now() + 3600_000).toISOString() });
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: link.token })).status).toBe(200);
    clock.advance(3600_000);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: link.token })).status).toBe(401);
    expect(await tryUpgrade(boardWsUrl(srv.wsUrl, board.id, link.token))).toEqual({ opened: false, status: 401 });
  });

  it('tells the participants which personal link each session came with', async () => {
    const board = await srv.createBoard();
    const link = await issued(board.id, board.tokens.owner, { name: '山本 幸子（長女）', role: 'edit' });
    const daughter = connectClient(srv.wsUrl, board.id, link.token);
    const shared = connectClient(srv.wsUrl, board.id, board.tokens.edit);
    await Promise.all([daughter.synced, shared.synced]);
    daughter.provider.awareness.setLocalStateField('user', { name: 'さちこ', role: '家族', color: '#2f9e44' });
    shared.provider.awareness.setLocalStateField('user', { name: '相談員', role: '相談支援専門員', color: '#1971c2' });
    // Both states reached the other participant, so the server has seen both announced.
    await waitForAwareness(shared.provider.awareness, (states) => states.has(daughter.doc.clientID));
    await waitForAwareness(daughter.provider.awareness, (states) => states.has(shared.doc.clientID));
    const res = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/participant-links`, { token: board.tokens.view });
    expect(res.status).toBe(200);
    expect(ParticipantLinksSchema.parse(res.body)).toEqual({ [String(daughter.doc.clientID)]: '山本 幸子（長女）' });
    daughter.destroy();
    shared.destroy();
  });

  it('works on its own board only', async () => {
    const one = await srv.createBoard();
    const other = await srv.createBoard();
    const link = await issued(one.id, one.tokens.owner, { name: 'よその人', role: 'edit' });
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${other.id}`, { token: link.token })).status).toBe(401);
  });
});

// The server's own clock: a session on a link that expires is closed when it does.
describe('personal link expiry on the system clock', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('closes an open session when its link expires, and leaves the others', async () => {
    const board = await srv.createBoard();
    const res = await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/personal-links`, {
      token: board.tokens.owner,
      json: { name: '短い期限', role: 'view', expiresAt: new Date(Date.now() + 1500).toISOString() },
    });
    expect(res.status).toBe(201);
    const link = res.body as CreatedPersonalLink;
    const session = new RawClient(boardWsUrl(srv.wsUrl, board.id, link.token));
    const other = new RawClient(boardWsUrl(srv.wsUrl, board.id, board.tokens.view));
    await Promise.all([session.opened, other.opened]);
    expect(await session.closed).toEqual({ code: CloseCode.TokenRevoked, reason: CloseReason[CloseCode.TokenRevoked] });
    await other.sync();
    expect(other.isOpen).toBe(true);
    other.ws.terminate();
  });
});
