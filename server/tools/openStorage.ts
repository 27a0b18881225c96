import type { ServerConfig } from '../config.ts';
import { requiredCipher, SqliteStorage, type Storage } from '../storage/index.ts';

/** The store a server with this config uses (PostgreSQL when DATABASE_URL is set), for command-line tools. */
export async function openConfiguredStorage(config: ServerConfig): Promise<Storage> {
  if (config.databaseUrl) return (await import('../storage/PostgresStorage.ts')).PostgresStorage.open({ connectionString: config.databaseUrl, max: 2, cipher: requiredCipher(config.dataKeyFile) });
  return new SqliteStorage({ dataDir: config.dataDir, checkpointInWorker: false, updateJournal: false, cipher: requiredCipher(config.dataKeyFile) });
}
