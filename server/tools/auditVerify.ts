import { verifyAuditLog } from '../audit/index.ts';
import { loadConfig } from '../config.ts';
import { openConfiguredStorage } from './openStorage.ts';

/**
 * `npm run audit:verify`: check every board's audit chain in the configured store
 * (DATA_DIR or DATABASE_URL). Exit 0 when every chain holds; 1 naming the first bad row of
 * each broken board; 2 for a bad configuration.
 */
async function main(): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`Invalid configuration:\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    return 2;
  }
  const storage = await openConfiguredStorage(loaded.config);
  try {
    const result = await verifyAuditLog(storage);
    if (result.broken.length === 0) {
      process.stdout.write(`監査ログは改ざんされていません（audit log intact）: ${result.boards} boards, ${result.rows} rows\n`);
      return 0;
    }
    for (const b of result.broken) {
      process.stdout.write(`改ざんを検出（audit chain broken）: board ${b.boardId}, first bad row seq ${b.seq} (${b.reason})\n`);
    }
    return 1;
  } finally {
    await storage.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`audit:verify failed: ${(err as Error).message}\n`);
    process.exit(2);
  },
);
