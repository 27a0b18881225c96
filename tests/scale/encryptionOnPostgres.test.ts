import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import type { CreatedRecord } from '../../shared/protocol/index.ts';
import { aesGcmCipher, type Keyring } from '../../server/storage/index.ts';
import { PostgresStorage } from '../../server/storage/PostgresStorage.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc } from '../helpers/clients.ts';
import { TEST_CONSENT } from '../helpers/consent.ts';
import { api } from '../helpers/http.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';
import { storageContractSuite } from '../integration/storageContract.ts';
import { createSchema, type TestSchema } from './helpers.ts';

const ring = (current: string, keys: Record<string, Buffer>): Keyring => ({ current, keys: new Map(Object.entries(keys)) });

// The storage contract with every value sealed, on PostgreSQL.
const contractKey = randomBytes(32);
storageContractSuite('PostgresStorage, encrypted', async () => {
  const schema = await createSchema();
  const open = () => PostgresStorage.open({ connectionString: schema.url, max: 4, cipher: aesGcmCipher(ring('k1', { k1: contractKey })) });
  return { storage: await open(), openAnother: open, cleanup: () => schema.drop() };
});

// Issue 17 on PostgreSQL: no row holds a board's text in the clear; it loads, relays, exports, and
// keys rotate.
describe('encryption at rest on PostgreSQL', () => {
  let schema: TestSchema;
  let srv: TestServer;
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);
  const text = 'SECRET-pg-9f1e-在宅酸素療法';

  beforeAll(async () => {
    schema = await createSchema();
  });
  afterAll(async () => {
    await srv?.stop();
    removeDir(srv.dataDir);
    await schema.drop();
  });

  /** Rows of the board's tables whose bytes contain `needle`. */
  const clearRows = async (needle: string) => {
    const { rows } = await schema.pool.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM doc_updates WHERE position(convert_to($1, 'UTF8') in data) > 0)
            + (SELECT count(*) FROM doc_snapshots WHERE position(convert_to($1, 'UTF8') in data) > 0)
            + (SELECT count(*) FROM meeting_records WHERE position(convert_to($1, 'UTF8') in state) > 0
                 OR strpos(title || note || participants::text || attendees::text || coalesce(consent::text, ''), $1) > 0)
            + (SELECT count(*) FROM boards WHERE strpos(title, $1) > 0)
            + (SELECT count(*) FROM personal_links WHERE strpos(name || note, $1) > 0) AS n`,
      [needle],
    );
    return Number(rows[0]?.n);
  };

  it('stores no text in the clear, serves it all, and reads it after a key rotation', async () => {
    const storage = await PostgresStorage.open({ connectionString: schema.url, max: 4, cipher: aesGcmCipher(ring('k1', { k1 })) });
    srv = await startServer({ storage, env: { COMPACT_EVERY_UPDATES: '3' } });
    const board = await srv.createBoard({ title: 'PG暗号化-TITLE-7a8b' });
    const a = connectClient(srv.wsUrl, board.id, board.tokens.edit);
    const b = connectClient(srv.wsUrl, board.id, board.tokens.view);
    await Promise.all([a.synced, b.synced]);
    putRecord(a.doc, shapeRecord('secret', { props: { text } }));
    for (let i = 0; i < 4; i++) putRecord(a.doc, shapeRecord(`f${i}`));
    await waitForDoc(b.doc, (d) => recordsMap(d).has('shape:f3'));
    a.destroy();
    b.destroy();
    const record = (await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records`, { token: board.tokens.owner, json: { title: 'PGREC-1a2b', consent: TEST_CONSENT } })).body as CreatedRecord;
    expect((await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/personal-links`, { token: board.tokens.owner, json: { name: 'PGLINK-3c4d', role: 'view', note: 'PGNOTE-5e6f' } })).status).toBe(201);
    const metadata = ['PG暗号化-TITLE-7a8b', 'PGREC-1a2b', 'PGLINK-3c4d', 'PGNOTE-5e6f', ...TEST_CONSENT.personalInfo.map((p) => p.name)];
    for (const m of metadata) expect(await clearRows(m), m).toBe(0);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/records`, { token: board.tokens.view })).body).toEqual([expect.objectContaining({ title: 'PGREC-1a2b', attendees: record.attendees })]);
    expect(JSON.stringify((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/export.tldr`, { token: board.tokens.view })).body)).toContain(text);
    expect(await clearRows(text)).toBe(0);
    // The check can fail: the same text sealed by nobody is found.
    await schema.pool.query('CREATE TABLE probe (data BYTEA)');
    await schema.pool.query('INSERT INTO probe VALUES (convert_to($1, \'UTF8\'))', [text]);
    expect((await schema.pool.query('SELECT 1 FROM probe WHERE position(convert_to($1, \'UTF8\') in data) > 0', [text])).rowCount).toBe(1);
    await srv.stop();

    // Rotate: both keys known, the new one current; re-seal; then the old key goes.
    const both = await PostgresStorage.open({ connectionString: schema.url, max: 2, cipher: aesGcmCipher(ring('k2', { k1, k2 })) });
    const done = await both.resealAll();
    await both.close();
    expect(done.records).toBe(1);
    expect(done.texts).toBe(2);
    expect(done.updates + done.snapshots).toBeGreaterThan(0);
    const onlyNew = await PostgresStorage.open({ connectionString: schema.url, max: 4, cipher: aesGcmCipher(ring('k2', { k2 })) });
    srv = await startServer({ storage: onlyNew, dataDir: srv.dataDir });
    const c = connectClient(srv.wsUrl, board.id, board.tokens.view);
    await c.synced;
    expect(recordsMap(c.doc).has('shape:secret')).toBe(true);
    c.destroy();
    expect(JSON.stringify((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/records/${record.id}/export.tldr`, { token: board.tokens.view })).body)).toContain(text);
    expect(await clearRows(text)).toBe(0);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: board.tokens.view })).body).toMatchObject({ title: 'PG暗号化-TITLE-7a8b' });
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/personal-links`, { token: board.tokens.owner })).body).toEqual([expect.objectContaining({ name: 'PGLINK-3c4d', note: 'PGNOTE-5e6f' })]);
    for (const m of metadata) expect(await clearRows(m), m).toBe(0);
  });
});
