import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import type { CreatedRecord, CreateBoardResponse } from '../../shared/protocol/index.ts';
import { aesGcmCipher, keyIdFor, readKeyring, SqliteStorage } from '../../server/storage/index.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc } from '../helpers/clients.ts';
import { TEST_CONSENT } from '../helpers/consent.ts';
import { api } from '../helpers/http.ts';
import { rawSql } from '../helpers/testStorage.ts';
import { storageContractSuite } from './storageContract.ts';
import { removeDir, startServer, tempDir, type TestServer } from '../helpers/server.ts';

/** Whether the database file or its WAL holds `needle`. */
function onDisk(dataDir: string, needle: string): boolean {
  const bytes = Buffer.from(needle, 'utf8');
  return ['renkei.db', 'renkei.db-wal'].some((f) => {
    const file = path.join(dataDir, f);
    return fs.existsSync(file) && fs.readFileSync(file).includes(bytes);
  });
}

// Issue 17: with DATA_KEY_FILE, updates, snapshots and record states are sealed (AES-256-GCM);
// the raw file holds none of a board's text, and everything still loads, relays and exports.
// SQLite-only: it reads the file.
describe('encryption at rest on SQLite', () => {
  const dataDir = tempDir();
  const keyDir = tempDir('renkei-keys-');
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const keyFile = path.join(keyDir, 'data.key');
  let srv: TestServer;
  let board: CreateBoardResponse;
  let record: CreatedRecord;
  const texts = ['SECRET-c0ffee-要介護3の申請', 'SECRET-beef-長女が週2回訪問'];
  const TITLE = 'TITLE-4c4c-鈴木様 退院前カンファレンス';
  const RECORD_TITLE = 'RECORD-5d5d-第2回';
  const LINK_NAME = 'LINK-6e6e-鈴木 一郎（長男）';

  beforeAll(async () => {
    fs.writeFileSync(keyFile, oldKey);
    // Compaction every few updates, so snapshots are written too.
    srv = await startServer({ dataDir, env: { DATA_KEY_FILE: keyFile, COMPACT_EVERY_UPDATES: '3' } });
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(dataDir);
    removeDir(keyDir);
  });

  it('keeps the text off the disk while it loads, relays, records and exports', async () => {
    board = await srv.createBoard({ title: TITLE });
    const person = await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/personal-links`, { token: board.tokens.owner, json: { name: LINK_NAME, role: 'view', note: 'NOTE-e1f0-長男' } });
    expect(person.status).toBe(201);
    const a = connectClient(srv.wsUrl, board.id, board.tokens.edit);
    const b = connectClient(srv.wsUrl, board.id, board.tokens.view);
    await Promise.all([a.synced, b.synced]);
    for (const [i, text] of texts.entries()) putRecord(a.doc, shapeRecord(`s${i}`, { props: { text } }));
    for (let i = 0; i < 5; i++) putRecord(a.doc, shapeRecord(`filler${i}`));
    await waitForDoc(b.doc, (d) => recordsMap(d).has('shape:filler4'));
    const saved = await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records`, { token: board.tokens.edit, json: { title: RECORD_TITLE, note: 'NOTE-77aa-服薬', consent: TEST_CONSENT } });
    expect(saved.status).toBe(201);
    record = saved.body as CreatedRecord;
    a.destroy();
    b.destroy();

    const exported = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/export.tldr`, { token: board.tokens.view });
    const minutes = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/records/${record.id}/export.tldr`, { token: board.tokens.view });
    for (const text of texts) {
      expect(JSON.stringify(exported.body)).toContain(text);
      expect(JSON.stringify(minutes.body)).toContain(text);
      expect(onDisk(dataDir, text)).toBe(false);
    }
    // Titles, notes, attendees and personal links' names are sealed too; the API still shows them.
    const info = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: board.tokens.view });
    expect(info.body).toMatchObject({ title: TITLE });
    const listed = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/records`, { token: board.tokens.view });
    expect(listed.body).toEqual([expect.objectContaining({ title: RECORD_TITLE })]);
    const links = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/personal-links`, { token: board.tokens.owner });
    expect(links.body).toEqual([expect.objectContaining({ name: LINK_NAME, note: 'NOTE-e1f0-長男' })]);
    // (The audit log keeps a link's name in the clear: it must outlive keys and the board, docs/privacy.md.)
    for (const text of [TITLE, RECORD_TITLE, 'NOTE-77aa-服薬', 'NOTE-e1f0-長男', ...TEST_CONSENT.personalInfo.map((p) => p.name)]) expect(onDisk(dataDir, text), text).toBe(false);
    expect(JSON.stringify(await rawSql(dataDir, 'SELECT name FROM personal_links'))).not.toContain(LINK_NAME);
    const sealed = await rawSql<{ data: Buffer }>(dataDir, 'SELECT data FROM doc_snapshots WHERE board_id = ?', [board.id]);
    expect([...(sealed[0]?.data.subarray(0, 4) ?? [])]).toEqual([0xff, 0x52, 0x42, 0x45]);
  });

  it('reads everything again after a restart', async () => {
    await srv.stop();
    srv = await startServer({ dataDir, env: { DATA_KEY_FILE: keyFile } });
    const c = connectClient(srv.wsUrl, board.id, board.tokens.view);
    await c.synced;
    expect(recordsMap(c.doc).has('shape:s1')).toBe(true);
    c.destroy();
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/records/${record.id}/minutes.html`, { token: board.tokens.view })).status).toBe(200);
  });

  it('re-seals everything with a new key, after which the old key can go', async () => {
    await srv.stop();
    // The new key first in a keyring that still holds the old one (a raw key is known by its hash).
    fs.writeFileSync(keyFile, JSON.stringify({ current: 'k2031', keys: { [keyIdFor(oldKey)]: oldKey.toString('base64'), k2031: newKey.toString('hex') } }));
    const parsed = readKeyring(keyFile);
    if (!parsed.ok) throw new Error(parsed.message);
    const store = new SqliteStorage({ dataDir, checkpointInWorker: false, cipher: aesGcmCipher(parsed.keyring) });
    const done = await store.resealAll();
    await store.close();
    expect(done.updates + done.snapshots).toBeGreaterThan(0);
    expect(done.records).toBe(1);
    expect(done.texts).toBe(2);

    // Only the new key now.
    fs.writeFileSync(keyFile, JSON.stringify({ current: 'k2031', keys: { k2031: newKey.toString('base64') } }));
    srv = await startServer({ dataDir, env: { DATA_KEY_FILE: keyFile } });
    const c = connectClient(srv.wsUrl, board.id, board.tokens.view);
    await c.synced;
    expect(recordsMap(c.doc).has('shape:s0')).toBe(true);
    c.destroy();
    const res = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/records/${record.id}/export.tldr`, { token: board.tokens.view });
    expect(JSON.stringify(res.body)).toContain(texts[0]);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: board.tokens.view })).body).toMatchObject({ title: TITLE });
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/records/${record.id}`, { token: board.tokens.view })).body).toMatchObject({ title: RECORD_TITLE, note: 'NOTE-77aa-服薬' });
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/personal-links`, { token: board.tokens.owner })).body).toEqual([expect.objectContaining({ name: LINK_NAME })]);
    for (const text of texts) expect(onDisk(dataDir, text)).toBe(false);
  });
});


// The whole storage contract again with every value sealed.
const contractKey = randomBytes(32);
storageContractSuite('SqliteStorage, encrypted', async () => {
  const dataDir = tempDir('renkei-sqlite-enc-');
  const cipher = () => aesGcmCipher({ current: 'k1', keys: new Map([['k1', contractKey]]) });
  return {
    storage: new SqliteStorage({ dataDir, cipher: cipher() }),
    openAnother: async () => new SqliteStorage({ dataDir, cipher: cipher() }),
    cleanup: async () => removeDir(dataDir),
  };
});
