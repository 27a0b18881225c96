import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../server/storage/index.ts';
import { SQLITE_MIGRATIONS } from '../../server/storage/sqliteMigrations.ts';
import { removeDir, tempDir } from '../helpers/server.ts';
import { newBoard, storageContractSuite } from './storageContract.ts';

// SPEC S1–S3, S5, S6 against the embedded store, on a real file in a temporary directory.
storageContractSuite('SqliteStorage', async () => {
  const dataDir = tempDir('renkei-sqlite-');
  return {
    storage: new SqliteStorage({ dataDir }),
    openAnother: async () => new SqliteStorage({ dataDir }),
    cleanup: async () => removeDir(dataDir),
  };
});

describe('SqliteStorage specifics', () => {
  // SPEC S6: numbered migrations are applied once each and recorded, also across reopenings.
  it('records each migration once, also after reopening', async () => {
    const dataDir = tempDir('renkei-sqlite-');
    try {
      await new SqliteStorage({ dataDir }).close();
      const again = new SqliteStorage({ dataDir });
      await again.createBoard(newBoard(), new Uint8Array([0, 0]));
      await again.close();
      await new SqliteStorage({ dataDir }).close();
      const db = new Database(path.join(dataDir, 'renkei.db'), { readonly: true });
      const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>;
      db.close();
      expect(rows.map((r) => r.version)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
    } finally {
      removeDir(dataDir);
    }
  });

  // SPEC S5: the database holds no token in clear, only 32-byte hashes.
  it('stores 32-byte hashes only', async () => {
    const dataDir = tempDir('renkei-sqlite-');
    try {
      const storage = new SqliteStorage({ dataDir });
      const board = newBoard();
      await storage.createBoard(board, new Uint8Array([0, 0]));
      const columns = storage.db.prepare('SELECT * FROM boards WHERE id = ?').get(board.id) as Record<string, unknown>;
      await storage.close();
      for (const role of ['owner', 'edit', 'view']) {
        const v = columns[`${role}_hash`];
        expect(Buffer.isBuffer(v) && v.length).toBe(32);
      }
      expect(Object.keys(columns).some((k) => /token/i.test(k))).toBe(false);
    } finally {
      removeDir(dataDir);
    }
  });
});
