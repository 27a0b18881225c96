import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { SqliteStorage, type Storage } from '../../server/storage/index.ts';
import { PostgresStorage } from '../../server/storage/PostgresStorage.ts';

/**
 * Which store the backbone suite runs on: SQLite files by default, PostgreSQL when
 * TEST_STORAGE=postgres (`npm run test:scale` runs the suite that way). On PostgreSQL each
 * data directory maps to a schema of its own, so restarts on the same directory see the
 * same data and test files never see each other's.
 */
export const TEST_ON_POSTGRES = process.env.TEST_STORAGE === 'postgres';

const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The PostgreSQL schema standing for a data directory. */
export function schemaFor(dataDir: string): string {
  return `rbt_${createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16)}`;
}

/** A connection string whose sessions use `schema`. */
export function databaseUrlFor(dataDir: string): string {
  const url = new URL(BASE_URL);
  url.searchParams.set('options', `-c search_path=${schemaFor(dataDir)}`);
  return url.toString();
}

async function ensureSchema(dataDir: string): Promise<void> {
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schemaFor(dataDir)}`);
  } finally {
    await client.end();
  }
}

/** Open the store of a data directory (SQLite file, or its PostgreSQL schema). */
export async function openTestStorage(dataDir: string): Promise<Storage> {
  if (!TEST_ON_POSTGRES) return new SqliteStorage({ dataDir });
  await ensureSchema(dataDir);
  return PostgresStorage.open({ connectionString: databaseUrlFor(dataDir), max: 4 });
}

/** Environment for a child server process using the same store as `dataDir`. */
export async function childStorageEnv(dataDir: string): Promise<Record<string, string>> {
  if (!TEST_ON_POSTGRES) return { DATA_DIR: dataDir };
  await ensureSchema(dataDir);
  return { DATA_DIR: dataDir, DATABASE_URL: databaseUrlFor(dataDir) };
}

/** Drop the PostgreSQL schema of a data directory (nothing to do on SQLite). */
export async function dropTestStorage(dataDir: string): Promise<void> {
  if (!TEST_ON_POSTGRES) return;
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schemaFor(dataDir)} CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * Run SQL straight against the store of a data directory, bypassing the server: for checks
 * that the database itself refuses something. Portable SQL only (`?` placeholders).
 */
export async function rawSql<T = Record<string, unknown>>(dataDir: string, sql: string, params: unknown[] = []): Promise<T[]> {
  if (!TEST_ON_POSTGRES) {
    const db = new Database(path.join(dataDir, 'renkei.db'), { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      const stmt = db.prepare(sql);
      return (stmt.reader ? stmt.all(...params) : (stmt.run(...params), [])) as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrlFor(dataDir) });
  await client.connect();
  try {
    let i = 0;
    const res = await client.query(sql.replace(/\?/g, () => `$${++i}`), params);
    return res.rows as T[];
  } finally {
    await client.end();
  }
}
