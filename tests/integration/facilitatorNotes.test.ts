// 講師メモ (issue 14): the exercises' facilitator notes are the board owner's alone. They are
// kept beside the board, not in its document, so a participant's client never receives them:
// the API answers only the owner, and the document a participant syncs holds none of their text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateBoardResponse } from '../../shared/protocol/index.ts';
import { FacilitatorNotesResponseSchema } from '../../shared/protocol/index.ts';
import { FACILITATOR_NOTES, FACILITATOR_NOTES_MAX_CHARS } from '../../shared/templates/facilitatorNotes.ts';
import { api, apiError } from '../helpers/http.ts';
import { boardWsUrl, RawClient } from '../helpers/rawSocket.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';

describe('facilitator notes (講師メモ)', () => {
  let srv: TestServer;
  let board: CreateBoardResponse;
  const notesPath = () => `/api/boards/${board.id}/facilitator-notes`;

  beforeAll(async () => {
    srv = await startServer();
    board = await srv.createBoard({ template: 'exercise-1' });
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(srv.dataDir);
  });

  /** Everything an edit participant's sync brings, as bytes (strings are UTF-8 inside). */
  async function participantDocumentBytes(): Promise<Buffer> {
    const raw = await RawClient.open(boardWsUrl(srv.wsUrl, board.id, board.tokens.edit));
    try {
      return Buffer.from(await raw.sync());
    } finally {
      await raw.close();
    }
  }

  it('gives the owner the exercise’s notes until the owner writes their own', async () => {
    const res = await api(srv.baseUrl, 'GET', notesPath(), { token: board.tokens.owner });
    expect(res.status).toBe(200);
    const notes = FacilitatorNotesResponseSchema.parse(res.body);
    expect(notes).toMatchObject({ edited: false, updatedAt: null });
    expect(notes.body.split('\n\n').map((s) => s.split('\n')[0])).toEqual(['【想定される論点】', '【ふり返りの問い】', '【時間配分】']);
    expect(notes.body).toContain(FACILITATOR_NOTES['exercise-1']!.points[0]);
  });

  it('answers only the owner: edit and view links are refused, and so is no token', async () => {
    for (const token of [board.tokens.edit, board.tokens.view]) {
      expect((await api(srv.baseUrl, 'GET', notesPath(), { token })).status).toBe(403);
      expect((await api(srv.baseUrl, 'PUT', notesPath(), { token, json: { body: 'x' } })).status).toBe(403);
    }
    expect((await api(srv.baseUrl, 'GET', notesPath())).status).toBe(401);
  });

  it('keeps what the owner saves, and refuses a body that is too long or carries other fields', async () => {
    const body = '【今日の段取り】\n・10時に全体で開始。佐藤さんの班は記録係を交代する。';
    const saved = await api(srv.baseUrl, 'PUT', notesPath(), { token: board.tokens.owner, json: { body } });
    expect(saved.status).toBe(200);
    expect(FacilitatorNotesResponseSchema.parse(saved.body)).toMatchObject({ body, edited: true });
    const read = FacilitatorNotesResponseSchema.parse((await api(srv.baseUrl, 'GET', notesPath(), { token: board.tokens.owner })).body);
    expect(read.body).toBe(body);
    expect(Date.parse(read.updatedAt!)).toBeGreaterThan(0);

    const long = await api(srv.baseUrl, 'PUT', notesPath(), { token: board.tokens.owner, json: { body: 'あ'.repeat(FACILITATOR_NOTES_MAX_CHARS + 1) } });
    expect(long.status).toBe(400);
    expect(apiError(long.body)?.field).toBe('body');
    const extra = await api(srv.baseUrl, 'PUT', notesPath(), { token: board.tokens.owner, json: { body: 'x', visibleTo: 'all' } });
    expect(extra.status).toBe(400);
    // Refusals changed nothing.
    expect(FacilitatorNotesResponseSchema.parse((await api(srv.baseUrl, 'GET', notesPath(), { token: board.tokens.owner })).body).body).toBe(body);
  });

  it('never reaches a participant: the document they sync holds neither the template’s notes nor the owner’s', async () => {
    const unique = `講師だけのメモ-${board.id}`;
    expect((await api(srv.baseUrl, 'PUT', notesPath(), { token: board.tokens.owner, json: { body: unique } })).status).toBe(200);
    const bytes = await participantDocumentBytes();
    // The search works: the case text of the same board is there.
    expect(bytes.includes(Buffer.from('山本 和夫'))).toBe(true);
    expect(bytes.includes(Buffer.from(unique))).toBe(false);
    for (const line of [...FACILITATOR_NOTES['exercise-1']!.points, ...FACILITATOR_NOTES['exercise-1']!.reflection]) {
      expect(bytes.includes(Buffer.from(line)), line).toBe(false);
    }
  });

  it('has no notes for a board whose template brings none', async () => {
    const blank = await srv.createBoard({ title: '実際の会議' });
    const res = await api(srv.baseUrl, 'GET', `/api/boards/${blank.id}/facilitator-notes`, { token: blank.tokens.owner });
    expect(FacilitatorNotesResponseSchema.parse(res.body)).toEqual({ body: '', edited: false, updatedAt: null });
  });
});
