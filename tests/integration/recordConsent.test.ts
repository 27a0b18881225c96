import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatedRecordSchema, type CreateBoardResponse } from '../../shared/protocol/index.ts';
import { TEST_CONSENT } from '../helpers/consent.ts';
import { api, apiError } from '../helpers/http.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';

// Issue 13, 運営基準 第23条③: a real meeting's record needs consent; a 研修用 board needs none.
describe('consent before saving a record', () => {
  let srv: TestServer;
  const post = (board: CreateBoardResponse, json: Record<string, unknown>) => api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records`, { token: board.tokens.edit, json });
  const list = async (board: CreateBoardResponse) => (await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/records`, { token: board.tokens.view })).body as unknown[];

  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('answers 400 naming consent on a blank or 移行支援会議 board, and stores nothing', async () => {
    for (const template of ['blank', 'meeting']) {
      const board = await srv.createBoard({ template });
      const res = await post(board, { title: '第1回' });
      expect(res.status).toBe(400);
      expect(apiError(res.body)?.field).toBe('consent');
      expect(await list(board)).toEqual([]);
    }
  });

  it('names the missing part of an incomplete consent', async () => {
    const board = await srv.createBoard({ template: 'meeting' });
    const cases: [unknown, string][] = [
      [{ ...TEST_CONSENT, personalInfo: [] }, 'consent.personalInfo'],
      [{ ...TEST_CONSENT, personalInfo: [{ name: '山本 和夫', method: 'proxy', date: '2026-04-06' }] }, 'consent.personalInfo.0.proxy'],
      [{ ...TEST_CONSENT, personalInfo: [{ name: '山本 和夫', method: 'written', date: '4月6日' }] }, 'consent.personalInfo.0.date'],
      [{ ...TEST_CONSENT, online: true, onlineTool: 'Zoom' }, 'consent.onlineMeeting'],
    ];
    for (const [consent, field] of cases) {
      const res = await post(board, { consent });
      expect(res.status, field).toBe(400);
      expect(apiError(res.body)?.field).toBe(field);
    }
    expect(await list(board)).toEqual([]);
  });

  it('saves a real meeting with consent (201) and keeps the consent in the record', async () => {
    const board = await srv.createBoard({ template: 'meeting' });
    const consent = {
      online: true,
      onlineTool: 'Zoom',
      personalInfo: [...TEST_CONSENT.personalInfo, { name: '山本 和夫', method: 'proxy', proxy: '長女 山本 幸子', date: '2026-04-07' }],
      onlineMeeting: [{ name: '山本 和夫', method: 'oral', date: '2026-04-06' }],
    };
    const res = await post(board, { title: '第1回', consent });
    expect(res.status).toBe(201);
    expect(CreatedRecordSchema.parse(res.body).consent).toEqual(consent);
    const [stored] = (await list(board)).map((r) => CreatedRecordSchema.parse(r));
    expect(stored?.consent).toEqual(consent);

    // Printed in the minutes: who, how (with the proxy), the Japanese date, online with its tool.
    const id = CreatedRecordSchema.parse(res.body).id;
    const html = await (await fetch(`${srv.baseUrl}/api/boards/${board.id}/records/${id}/minutes.html`, { headers: { authorization: `Bearer ${board.tokens.view}` } })).text();
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('同意の確認（個人情報の利用・オンライン開催）');
    expect(text).toContain('開催方法: オンライン（Zoom）');
    expect(text).toContain('山本 和夫 代理（長女 山本 幸子） 2026年4月7日（火）');
    expect(text).toContain('山本 幸子 口頭 2026年4月6日（月）');
    expect(text).toContain('オンラインで開催することへの同意 同意した人 方法 同意した日 山本 和夫 口頭 2026年4月6日（月）');
  });

  it('saves without consent (201) on an exercise board and on a board its owner marked 研修用', async () => {
    const exercise = await srv.createBoard({ template: 'exercise-1' });
    const a = await post(exercise, { title: '演習' });
    expect(a.status).toBe(201);
    expect(CreatedRecordSchema.parse(a.body).consent).toBeNull();
    const html = await (await fetch(`${srv.baseUrl}/api/boards/${exercise.id}/records/${CreatedRecordSchema.parse(a.body).id}/minutes.html`, { headers: { authorization: `Bearer ${exercise.tokens.view}` } })).text();
    expect(html).toContain('研修用のボードの記録です（同意の確認は不要）。');

    const blank = await srv.createBoard();
    expect((await post(blank, {})).status).toBe(400);
    expect((await api(srv.baseUrl, 'POST', `/api/boards/${blank.id}/training`, { token: blank.tokens.owner, json: { training: true } })).status).toBe(200);
    expect((await post(blank, {})).status).toBe(201);
    // Unmarked again, it is a real meeting once more.
    expect((await api(srv.baseUrl, 'POST', `/api/boards/${blank.id}/training`, { token: blank.tokens.owner, json: { training: false } })).status).toBe(200);
    expect(apiError((await post(blank, {})).body)?.field).toBe('consent');
  });
});
