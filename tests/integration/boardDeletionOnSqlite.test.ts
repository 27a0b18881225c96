import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc } from '../helpers/clients.ts';
import { TEST_CONSENT } from '../helpers/consent.ts';
import { api } from '../helpers/http.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';

/** Whether the database file or its WAL holds `needle` (UTF-8, as SQLite and Yjs store text). */
function onDisk(dataDir: string, needle: string): boolean {
  const bytes = Buffer.from(needle, 'utf8');
  return ['renkei.db', 'renkei.db-wal'].some((f) => {
    const file = path.join(dataDir, f);
    return fs.existsSync(file) && fs.readFileSync(file).includes(bytes);
  });
}

// Issue 17: a deleted board leaves no trace of its content in the SQLite file, also content that
// earlier compactions had already freed (SQLite-only: it reads the file).
describe('deleting a board on SQLite', () => {
  let srv: TestServer;
  beforeAll(async () => {
    // Compaction every few updates, so some of the board's text sits in pages freed before the deletion.
    srv = await startServer({ env: { COMPACT_EVERY_UPDATES: '3' } });
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('leaves none of its title, text or records in the database file or the WAL', async () => {
    const title = 'TITLE-7c1f-高橋様の会議';
    const kept = await srv.createBoard({ title: 'KEPT-BOARD-02e9' });
    const board = await srv.createBoard({ title });
    const editor = connectClient(srv.wsUrl, board.id, board.tokens.edit);
    const owner = connectClient(srv.wsUrl, board.id, board.tokens.owner);
    await Promise.all([editor.synced, owner.synced]);
    const texts: string[] = [];
    for (let i = 0; i < 12; i++) {
      const text = `NOTE-${i}-b5d2-服薬の見守り`;
      texts.push(text);
      putRecord(editor.doc, shapeRecord(`n${i}`, { props: { text } }));
      // Each edit overwrites the one before, so earlier texts live only in freed pages and old updates.
      if (i > 0) recordsMap(editor.doc).delete(`shape:n${i - 1}`);
      await waitForDoc(owner.doc, (d) => recordsMap(d).has(`shape:n${i}`));
    }
    expect((await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records`, { token: board.tokens.edit, json: { title: 'RECORD-TITLE-93aa', consent: TEST_CONSENT } })).status).toBe(201);
    // The owner's 講師メモ (kept beside the board, issue 14) go with it too.
    expect((await api(srv.baseUrl, 'PUT', `/api/boards/${board.id}/facilitator-notes`, { token: board.tokens.owner, json: { body: 'NOTES-4e1a-講師だけのメモ' } })).status).toBe(200);
    editor.destroy();
    owner.destroy();
    const needles = [title, 'RECORD-TITLE-93aa', 'NOTES-4e1a-講師だけのメモ', ...texts];
    // The check can fail: before the deletion the content is on disk.
    expect(needles.filter((n) => onDisk(srv.dataDir, n)).length).toBeGreaterThan(2);

    const res = await api(srv.baseUrl, 'DELETE', `/api/boards/${board.id}`, { token: board.tokens.owner, json: { confirm: title } });
    expect(res.status).toBe(200);

    expect(needles.filter((n) => onDisk(srv.dataDir, n))).toEqual([]);
    // Only that board went.
    expect(onDisk(srv.dataDir, 'KEPT-BOARD-02e9')).toBe(true);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${kept.id}`, { token: kept.tokens.view })).status).toBe(200);
  });

  it('takes the 講師メモ with the board also when its records are kept', async () => {
    const title = 'KEEP-RECORDS-5b0c';
    const board = await srv.createBoard({ title, template: 'exercise-1' });
    expect((await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records`, { token: board.tokens.edit, json: { title: 'KEPT-RECORD-77d1' } })).status).toBe(201);
    expect((await api(srv.baseUrl, 'PUT', `/api/boards/${board.id}/facilitator-notes`, { token: board.tokens.owner, json: { body: 'NOTES-keep-9f3e' } })).status).toBe(200);
    expect(onDisk(srv.dataDir, 'NOTES-keep-9f3e')).toBe(true);
    const res = await api(srv.baseUrl, 'DELETE', `/api/boards/${board.id}`, { token: board.tokens.owner, json: { confirm: title, keepRecords: true } });
    expect(res.status).toBe(200);
    expect(onDisk(srv.dataDir, 'NOTES-keep-9f3e')).toBe(false);
    expect(onDisk(srv.dataDir, 'KEPT-RECORD-77d1')).toBe(true);
  });
});
