import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStorage } from '../../server/storage/PostgresStorage.ts';
import { PG_MIGRATIONS } from '../../server/storage/pgMigrations.ts';
import { recordsMap } from '../../shared/doc/index.ts';
import { putRecord, shapeRecord } from '../helpers/clients.ts';
import { loadStoredDoc } from '../helpers/layout.ts';
import { waitUntil } from '../helpers/wait.ts';
import { newBoard, storageContractSuite } from '../integration/storageContract.ts';
import { BASE_DATABASE_URL, canonicalRecords, createSchema, withSearchPath, type TestSchema } from './helpers.ts';

// SPEC S1–S3, S5, S6 against PostgreSQL, each test in a schema of its own.
storageContractSuite('PostgresStorage', async () => {
  const schema = await createSchema();
  return {
    storage: await PostgresStorage.open({ connectionString: schema.url, max: 4 }),
    openAnother: () => PostgresStorage.open({ connectionString: schema.url, max: 4 }),
    cleanup: () => schema.drop(),
  };
});

/** A document that hands out each change as an update. */
class Writer {
  readonly doc = new Y.Doc();
  put(id: string, x: number): Uint8Array {
    const before = Y.encodeStateVector(this.doc);
    putRecord(this.doc, shapeRecord(id, { x }));
    return Y.encodeStateAsUpdate(this.doc, before);
  }
}

describe('PostgresStorage across instances', () => {
  let schema: TestSchema;
  const open: PostgresStorage[] = [];
  const clients: pg.Client[] = [];
  const storage = async (url = schema.url) => {
    const s = await PostgresStorage.open({ connectionString: url, max: 4 });
    open.push(s);
    return s;
  };
  const client = async () => {
    const c = new pg.Client({ connectionString: schema.url });
    await c.connect();
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    schema = await createSchema();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.end().catch(() => undefined);
    for (const s of open.splice(0)) await s.close().catch(() => undefined);
  });
  afterAll(async () => schema?.drop());

  // SPEC S6: instances starting together migrate once (advisory lock), each version recorded once.
  it('migrates once when several instances start at the same time', async () => {
    const fresh = await createSchema();
    try {
      const all = await Promise.all(Array.from({ length: 4 }, () => PostgresStorage.open({ connectionString: fresh.url, max: 2 })));
      const { rows } = await fresh.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
      for (const s of all) await s.close();
    } finally {
      await fresh.drop();
    }
  });

  // SPEC S5: only 32-byte hashes, no token column.
  it('stores 32-byte token hashes only', async () => {
    const s = await storage();
    const board = newBoard();
    await s.createBoard(board, new Writer().put('seed', 0));
    const { rows } = await schema.pool.query<Record<string, unknown>>('SELECT * FROM boards WHERE id = $1', [board.id]);
    for (const role of ['owner', 'edit', 'view']) expect((rows[0]?.[`${role}_hash`] as Buffer).length).toBe(32);
    expect(Object.keys(rows[0] ?? {}).some((k) => /token/i.test(k))).toBe(false);
  });

  // SPEC S3: two instances compacting at once, each knowing only part of the document, keep the union.
  it('keeps the union when two instances compact at once from different knowledge', async () => {
    const [one, two] = [await storage(), await storage()];
    const board = newBoard();
    const w1 = new Writer();
    const w2 = new Writer();
    await one.createBoard(board, w1.put('seed', 0));
    let last = 0;
    for (let i = 0; i < 20; i++) {
      last = Math.max(last, await one.appendUpdate(board.id, w1.put(`one${i}`, i)));
      last = Math.max(last, await two.appendUpdate(board.id, w2.put(`two${i}`, i)));
    }
    // Each compacts with only its own writer's state, up to the last seq it saw.
    await Promise.all([one.compact(board.id, Y.encodeStateAsUpdate(w1.doc), last), two.compact(board.id, Y.encodeStateAsUpdate(w2.doc), last)]);
    expect(await one.countUpdates(board.id)).toBe(0);
    const loaded = recordsMap(await loadStoredDoc(one, board.id));
    for (let i = 0; i < 20; i++) {
      expect(loaded.get(`shape:one${i}`)?.x).toBe(i);
      expect(loaded.get(`shape:two${i}`)?.x).toBe(i);
    }
  });

  // SPEC S2, S3: a row that commits late with a lower seq than one already compacted over is
  // neither deleted by that compaction nor skipped by a load.
  it('keeps a row that commits after a compaction covering its seq', async () => {
    const s = await storage();
    const board = newBoard();
    const w = new Writer();
    await s.createBoard(board, w.put('seed', 0));
    const slow = await client();
    await slow.query('BEGIN');
    const late = await slow.query<{ seq: string }>('INSERT INTO doc_updates (board_id, data) VALUES ($1, $2) RETURNING seq', [board.id, Buffer.from(new Writer().put('late', 7))]);
    const quick = await s.appendUpdate(board.id, w.put('quick', 1));
    expect(Number(late.rows[0]?.seq)).toBeLessThan(quick);
    await s.compact(board.id, Y.encodeStateAsUpdate(w.doc), quick);
    await slow.query('COMMIT');
    const loaded = recordsMap(await loadStoredDoc(s, board.id));
    expect(loaded.get('shape:late')?.x).toBe(7);
    expect(loaded.get('shape:quick')?.x).toBe(1);
    // A later compaction folds it in.
    const again = await s.loadDocument(board.id);
    await s.compact(board.id, Y.encodeStateAsUpdate(await loadStoredDoc(s, board.id)), again.lastSeq);
    expect(await s.countUpdates(board.id)).toBe(0);
    expect(recordsMap(await loadStoredDoc(s, board.id)).get('shape:late')?.x).toBe(7);
  });

  // SPEC S2 (a load gives the document) racing SPEC S3 on another instance. loadDocument reads
  // the snapshot and the rows as two statements on two pooled connections; if a compaction
  // commits between them, the load has the old snapshot and not the rows folded into the new
  // one. Here the rows statement is held (a lock on a view in front of doc_updates) exactly
  // in that window, as a busy pool or a new connection would hold it.
  it('loads everything even when another instance compacts between the two reads', async () => {
    const main = await storage();
    const board = newBoard();
    const w = new Writer();
    await main.createBoard(board, w.put('seed', 0));
    let last = 0;
    for (let i = 0; i < 5; i++) last = await main.appendUpdate(board.id, w.put(`r${i}`, i));

    // A gate schema in front of the real one: doc_updates is a view that also reads `gate`.
    const gate = `${schema.name}_gate`;
    await schema.pool.query(`CREATE SCHEMA ${gate}`);
    try {
      await schema.pool.query(`CREATE TABLE ${gate}.gate (one INT); INSERT INTO ${gate}.gate VALUES (1)`);
      await schema.pool.query(`CREATE VIEW ${gate}.doc_updates AS SELECT u.* FROM ${schema.name}.doc_updates u CROSS JOIN ${gate}.gate`);
      // So that start-up finds the migrations done and creates nothing in the gate schema.
      await schema.pool.query(`CREATE VIEW ${gate}.schema_migrations AS SELECT * FROM ${schema.name}.schema_migrations`);
      const gatedUrl = `${withSearchPath(BASE_DATABASE_URL, `${gate},${schema.name}`)}&application_name=${gate}`;
      const gated = await storage(gatedUrl);

      const locker = await client();
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${gate}.gate IN ACCESS EXCLUSIVE MODE`);
      const loading = gated.loadDocument(board.id);
      // No event tells when a statement waits on a lock or has finished: poll pg_stat_activity
      // (outside the locker's transaction, which would keep seeing one snapshot of it).
      await waitUntil(
        async () => {
          const { rows } = await schema.pool.query<{ query: string; state: string; wait_event_type: string | null }>(
            'SELECT query, state, wait_event_type FROM pg_stat_activity WHERE application_name = $1',
            [gate],
          );
          const rowsWaiting = rows.some((r) => r.query.includes('FROM doc_updates') && r.wait_event_type === 'Lock');
          // The snapshot was read on another connection and that read is over, or both reads
          // share the one connection that now waits (then the snapshot came first).
          const snapshotRead = rows.some((r) => r.query.includes('FROM doc_snapshots') && r.state === 'idle') || rows.length === 1;
          return rowsWaiting && snapshotRead;
        },
        { what: 'the load to have read the snapshot and to wait before reading the rows', timeoutMs: 10_000, intervalMs: 20 },
      );
      // Another instance compacts now: new snapshot, rows deleted.
      await main.compact(board.id, Y.encodeStateAsUpdate(w.doc), last);
      await locker.query('COMMIT');
      const stored = await loading;
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      expect(canonicalRecords(doc)).toBe(canonicalRecords(w.doc));
    } finally {
      for (const c of clients.splice(0)) await c.end().catch(() => undefined);
      await schema.pool.query(`DROP SCHEMA ${gate} CASCADE`);
    }
  });
});
