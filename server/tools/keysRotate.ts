import { loadConfig } from '../config.ts';
import { openConfiguredStorage } from './openStorage.ts';

/**
 * `npm run keys:rotate`: re-seal every stored update, snapshot and record state with the
 * current key of DATA_KEY_FILE (values stored plain before encryption was turned on too). Run it
 * after putting a new key first in the keyring and restarting the server, which meanwhile reads
 * both keys; it works in small transactions, so the server goes on serving. Once it is done the
 * old key can leave the file.
 */
async function main(): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`Invalid configuration:\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    return 2;
  }
  if (!loaded.config.dataKeyFile) {
    process.stderr.write('keys:rotate needs DATA_KEY_FILE (鍵ファイルを指定してください)\n');
    return 2;
  }
  const storage = await openConfiguredStorage(loaded.config);
  try {
    const done = await storage.resealAll();
    process.stdout.write(`再暗号化しました（re-sealed with the current key）: ${done.updates} updates, ${done.snapshots} snapshots, ${done.records} records\n`);
    return 0;
  } finally {
    await storage.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`keys:rotate failed: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
