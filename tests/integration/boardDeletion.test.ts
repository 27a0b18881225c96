import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { CloseCode, CloseReason, type CreatedRecord, type CreateWorkshopResponse, type DeletedBoard, type JoinWorkshopResponse } from '../../shared/protocol/index.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc } from '../helpers/clients.ts';
import { TEST_CONSENT } from '../helpers/consent.ts';
import { api, apiError } from '../helpers/http.ts';
import { boardWsUrl, RawClient, tryUpgrade } from '../helpers/rawSocket.ts';
import { rawSql } from '../helpers/testStorage.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';

// Issue 17: DELETE /api/boards/:id with the title typed again, owner only.
describe('deleting a board', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(srv.dataDir);
  });

  const del = (boardId: string, token: string | undefined, json: unknown) => api(srv.baseUrl, 'DELETE', `/api/boards/${boardId}`, { ...(token ? { token } : {}), json });
  const saveRecord = async (boardId: string, token: string): Promise<CreatedRecord> => {
    const res = await api(srv.baseUrl, 'POST', `/api/boards/${boardId}/records`, { token, json: { consent: TEST_CONSENT } });
    expect(res.status).toBe(201);
    return res.body as CreatedRecord;
  };

  it('refuses a wrong title, a non-owner and a malformed body, and deletes nothing', async () => {
    const board = await srv.createBoard({ title: '山田様 担当者会議' });
    const wrong = await del(board.id, board.tokens.owner, { confirm: '山田様' });
    expect(wrong.status).toBe(400);
    expect(apiError(wrong.body)?.field).toBe('confirm');
    expect((await del(board.id, board.tokens.edit, { confirm: '山田様 担当者会議' })).status).toBe(403);
    expect((await del(board.id, undefined, { confirm: '山田様 担当者会議' })).status).toBe(401);
    const bad = await del(board.id, board.tokens.owner, { confirm: '山田様 担当者会議', keepRecords: 'no' });
    expect(bad.status).toBe(400);
    expect(apiError(bad.body)?.field).toBe('keepRecords');
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: board.tokens.view })).status).toBe(200);
  });

  it('closes live sessions with board-gone, removes document and records, keeps one audit row without content', async () => {
    const title = '佐藤様 退院前カンファレンス';
    const board = await srv.createBoard({ title });
    const editor = connectClient(srv.wsUrl, board.id, board.tokens.edit);
    await editor.synced;
    const watcher = new RawClient(boardWsUrl(srv.wsUrl, board.id, board.tokens.view));
    await watcher.opened;
    const owner = connectClient(srv.wsUrl, board.id, board.tokens.owner);
    await owner.synced;
    putRecord(editor.doc, shapeRecord('to-delete', { props: { text: '本人の希望' } }));
    await waitForDoc(owner.doc, (d) => recordsMap(d).has('shape:to-delete'));
    await saveRecord(board.id, board.tokens.edit);
    const editorClosed = new Promise<{ code: number; reason: string }>((resolve) => editor.provider.once('closed', (e) => resolve(e)));

    const res = await del(board.id, board.tokens.owner, { confirm: title });
    expect(res.status).toBe(200);
    expect(res.body as DeletedBoard).toEqual({ id: board.id, deleted: true, recordsDeleted: 1, recordsKept: false });

    const gone = { code: CloseCode.BoardGone, reason: CloseReason[CloseCode.BoardGone] };
    expect(await watcher.closed).toEqual(gone);
    expect(await editorClosed).toEqual(gone);
    for (const token of [board.tokens.owner, board.tokens.edit]) {
      expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token })).status).toBe(404);
      expect(await tryUpgrade(boardWsUrl(srv.wsUrl, board.id, token))).toEqual({ opened: false, status: 404 });
    }
    for (const table of ['boards WHERE id = ?', 'doc_snapshots WHERE board_id = ?', 'doc_updates WHERE board_id = ?', 'meeting_records WHERE board_id = ?', 'personal_links WHERE board_id = ?']) {
      expect(await rawSql(srv.dataDir, `SELECT * FROM ${table}`, [board.id]), table).toEqual([]);
    }
    const audit = await rawSql<{ event: string; detail: string }>(srv.dataDir, 'SELECT event, detail FROM audit_log WHERE board_id = ? ORDER BY seq DESC', [board.id]);
    const deleted = audit.find((r) => r.event === 'board.deleted');
    expect(JSON.parse(deleted?.detail ?? '{}')).toMatchObject({ link: 'owner', keepRecords: false, recordsDeleted: 1 });
    expect(JSON.stringify(audit)).not.toContain(title);
    editor.destroy();
    owner.destroy();
  });

  it('keeps the records when asked', async () => {
    const board = await srv.createBoard({ title: '記録を残す会議' });
    const record = await saveRecord(board.id, board.tokens.owner);
    const res = await del(board.id, board.tokens.owner, { confirm: '記録を残す会議', keepRecords: true });
    expect(res.body).toMatchObject({ recordsDeleted: 0, recordsKept: true });
    expect(await rawSql(srv.dataDir, 'SELECT id FROM meeting_records WHERE board_id = ?', [board.id])).toEqual([{ id: record.id }]);
    expect(await rawSql(srv.dataDir, 'SELECT id FROM boards WHERE id = ?', [board.id])).toEqual([]);
  });

  it('deletes a workshop whole, with its group boards and private areas, by its facilitator only', async () => {
    const created = await api(srv.baseUrl, 'POST', '/api/workshops', { json: { title: '相談支援従事者研修', template: 'exercise-1', groups: 2 } });
    expect(created.status).toBe(201);
    const w = created.body as CreateWorkshopResponse;
    const joined = await api(srv.baseUrl, 'POST', '/api/workshops/join', { json: { code: w.joinCode, group: 0, name: '受講者A', role: 'soudan' } });
    expect(joined.status).toBe(201);
    const member = joined.body as JoinWorkshopResponse;
    // Joining is a personal link issued, in the workshop's log (the member's name, never the token).
    const joinRow = await rawSql<{ event: string; detail: string }>(srv.dataDir, "SELECT event, detail FROM audit_log WHERE board_id = ? AND event = 'link.issued'", [w.id]);
    expect(joinRow.map((r) => JSON.parse(r.detail) as Record<string, unknown>)).toEqual([expect.objectContaining({ issuedTo: '受講者A', link: 'member', groupIndex: 0 })]);
    expect(JSON.stringify(joinRow)).not.toContain(member.token);
    const groupBoard = w.groups[0]!.boardId;
    // A group board alone cannot go, nor can a member delete anything.
    expect((await del(groupBoard, w.tokens.facilitator, { confirm: w.groups[0]!.name })).status).toBe(400);
    expect((await del(w.id, member.token, { confirm: '相談支援従事者研修' })).status).toBe(403);
    // Nor do a workshop's boards take personal links (members join with the code).
    expect((await api(srv.baseUrl, 'POST', `/api/boards/${groupBoard}/personal-links`, { token: w.tokens.facilitator, json: { name: 'x', role: 'edit' } })).status).toBe(400);
    const privateArea = new RawClient(boardWsUrl(srv.wsUrl, member.privateBoardId, member.token));
    await privateArea.opened;

    const res = await del(w.id, w.tokens.facilitator, { confirm: '相談支援従事者研修' });
    expect(res.status).toBe(200);
    expect(await privateArea.closed).toEqual({ code: CloseCode.BoardGone, reason: CloseReason[CloseCode.BoardGone] });
    const ids = [w.id, ...w.groups.map((g) => g.boardId), member.privateBoardId];
    for (const id of ids) {
      expect(await rawSql(srv.dataDir, 'SELECT id FROM boards WHERE id = ?', [id])).toEqual([]);
      expect(await rawSql(srv.dataDir, 'SELECT board_id FROM doc_snapshots WHERE board_id = ?', [id])).toEqual([]);
      const rows = await rawSql<{ event: string }>(srv.dataDir, 'SELECT event FROM audit_log WHERE board_id = ? ORDER BY seq DESC', [id]);
      expect(rows[0]?.event).toBe('board.deleted');
    }
    expect(await rawSql(srv.dataDir, 'SELECT id FROM workshops WHERE id = ?', [w.id])).toEqual([]);
    expect(await rawSql(srv.dataDir, 'SELECT name FROM workshop_members WHERE workshop_id = ?', [w.id])).toEqual([]);
    expect((await api(srv.baseUrl, 'GET', `/api/workshops/join/${w.joinCode}`)).status).toBe(404);
  });

  it('still refuses deleting a record on its own at the database', async () => {
    const board = await srv.createBoard();
    await saveRecord(board.id, board.tokens.owner);
    await expect(rawSql(srv.dataDir, 'DELETE FROM meeting_records WHERE board_id = ?', [board.id])).rejects.toThrow(/immutable/);
  });
});
