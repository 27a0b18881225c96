import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntrySchema, type AuditEntry, type CreatedRecord } from '../../shared/protocol/index.ts';
import { recordsMap } from '../../shared/doc/index.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc } from '../helpers/clients.ts';
import { TEST_CONSENT } from '../helpers/consent.ts';
import { api } from '../helpers/http.ts';
import { rawSql } from '../helpers/testStorage.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';
import { waitUntil } from '../helpers/wait.ts';

// Issue 17: an append-only, hash-chained audit log per board, for the owner only.
describe('audit log', () => {
  let srv: TestServer;

  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(srv.dataDir);
  });

  const audit = async (boardId: string, token: string): Promise<AuditEntry[]> => {
    const res = await api(srv.baseUrl, 'GET', `/api/boards/${boardId}/audit`, { token });
    expect(res.status).toBe(200);
    return AuditEntrySchema.array().parse(res.body);
  };

  it('records each event with its link, role and address, newest first, with no token or content', async () => {
    const secretTitle = '山本和夫さん 退院前カンファレンス';
    const board = await srv.createBoard({ title: secretTitle });
    const edit = connectClient(srv.wsUrl, board.id, board.tokens.edit);
    await edit.synced;
    const secretText = 'UNIQUE-CARE-NOTE-4711';
    const owner = connectClient(srv.wsUrl, board.id, board.tokens.owner);
    await owner.synced;
    putRecord(edit.doc, shapeRecord('audit1', { props: { text: secretText } }));
    // Relayed, so stored (store-then-relay).
    await waitForDoc(owner.doc, (d) => recordsMap(d).has('shape:audit1'));
    owner.destroy();
    edit.destroy();
    await waitUntil(async () => (await audit(board.id, board.tokens.owner)).some((e) => e.event === 'session.closed' && e.detail.link === 'edit'), { what: 'session.closed row' });

    const saved = await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records`, { token: board.tokens.edit, json: { title: '第1回', consent: TEST_CONSENT } });
    expect(saved.status).toBe(201);
    const record = saved.body as CreatedRecord;
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/records/${record.id}/minutes.html`, { token: board.tokens.view })).status).toBe(200);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/export.tldr`, { token: board.tokens.view })).status).toBe(200);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/plan.csv?format=careplan-2`, { token: board.tokens.edit })).status).toBe(200);
    expect((await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/links/rotate`, { token: board.tokens.owner, json: { roles: ['view'] } })).status).toBe(200);

    const entries = await audit(board.id, board.tokens.owner);
    const events = entries.map((e) => e.event);
    // Newest first, seqs strictly falling without a gap.
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_e, i) => entries.length - i));
    expect(events.at(-1)).toBe('board.created');
    expect(events).toEqual(
      expect.arrayContaining(['board.created', 'session.opened', 'session.closed', 'record.saved', 'minutes.opened', 'export.downloaded', 'link.rotated']),
    );
    const opened = entries.find((e) => e.event === 'session.opened' && e.detail.link === 'edit');
    expect(opened?.detail).toMatchObject({ link: 'edit', role: 'edit', ip: '127.0.0.1' });
    const closedRow = entries.find((e) => e.event === 'session.closed' && e.detail.link === 'edit');
    expect(closedRow?.detail).toMatchObject({ link: 'edit', role: 'edit', ip: '127.0.0.1', openedAt: expect.any(String) });
    expect(entries.find((e) => e.event === 'record.saved')?.detail).toMatchObject({ recordId: record.id, link: 'edit' });
    expect(entries.find((e) => e.event === 'minutes.opened')?.detail).toMatchObject({ recordId: record.id, link: 'view', format: 'minutes' });
    expect(entries.filter((e) => e.event === 'export.downloaded').map((e) => e.detail.format).sort()).toEqual(['careplan-2', 'tldr']);
    expect(entries.find((e) => e.event === 'link.rotated')?.detail).toMatchObject({ roles: ['view'], link: 'owner' });

    // No token, no title, no content: in the API answer and in the stored rows.
    const stored = JSON.stringify(await rawSql(srv.dataDir, 'SELECT board_id, event, detail FROM audit_log WHERE board_id = ?', [board.id]));
    for (const secret of [board.tokens.owner, board.tokens.edit, board.tokens.view, secretTitle, secretText]) {
      expect(JSON.stringify(entries)).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
  });

  it('is the owner\'s only: edit and view get 403, no token 401', async () => {
    const board = await srv.createBoard();
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/audit`, { token: board.tokens.edit })).status).toBe(403);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/audit`, { token: board.tokens.view })).status).toBe(403);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/audit`)).status).toBe(401);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/audit?format=xml`, { token: board.tokens.owner })).status).toBe(400);
  });

  it('downloads as CSV (UTF-8 with BOM), one line per row plus the header', async () => {
    const board = await srv.createBoard({ title: 'CSVの会議' });
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/export.tldr`, { token: board.tokens.owner })).status).toBe(200);
    const before = await audit(board.id, board.tokens.owner);
    const res = await fetch(`${srv.baseUrl}/api/boards/${board.id}/audit?format=csv`, { headers: { authorization: `Bearer ${board.tokens.owner}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('seq,at,event,link,linkName,role,ip,detail,hash');
    expect(lines).toHaveLength(before.length + 1);
    expect(lines[1]?.split(',').slice(0, 3)).toEqual([String(before[0]?.seq), before[0]?.at, 'export.downloaded']);
    // The download itself is logged after it was answered from the rows before it.
    expect((await audit(board.id, board.tokens.owner))[0]?.detail).toMatchObject({ format: 'audit-csv' });
  });

  it('refuses UPDATE and DELETE at the database', async () => {
    const board = await srv.createBoard();
    await expect(rawSql(srv.dataDir, "UPDATE audit_log SET event = 'x' WHERE board_id = ?", [board.id])).rejects.toThrow(/append-only/);
    await expect(rawSql(srv.dataDir, 'DELETE FROM audit_log WHERE board_id = ?', [board.id])).rejects.toThrow(/append-only/);
    const rows = await rawSql<{ event: string }>(srv.dataDir, 'SELECT event FROM audit_log WHERE board_id = ?', [board.id]);
    expect(rows.map((r) => r.event)).toEqual(['board.created']);
  });

  it('logs an import', async () => {
    const board = await srv.createBoard();
    const file = (await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/export.tldr`, { token: board.tokens.view })).body;
    const res = await api(srv.baseUrl, 'POST', '/api/boards/import', { json: { title: '取り込み', file } });
    expect(res.status).toBe(201);
    const created = res.body as { id: string; tokens: { owner: string } };
    const entries = await audit(created.id, created.tokens.owner);
    expect(entries.map((e) => e.event)).toEqual(['board.imported']);
    expect(entries[0]?.detail).toMatchObject({ link: 'system', ip: '127.0.0.1' });
  });
});
