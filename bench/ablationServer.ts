/**
 * Our server with one part of the store path swapped out, to measure what that part costs
 * inside the real relay (diagnostics only; the default run never starts it). Same start-up
 * as server/main.ts, plus BENCH_ABLATION:
 * - `nostore`: `appendUpdate` resolves at once without writing (everything else on SQLite);
 * - `exclusive`: SQLite in exclusive locking mode, checkpoints inside commits;
 * - `groupcommit`: appends made in one event-loop turn share one SQLite transaction; with
 *   BENCH_GROUP_COMMIT_MS=n, appends made within n ms of the first one of a batch do (a commit
 *   delay, to see what batching would buy at the price of latency).
 */
import { loadConfig } from '../server/config.ts';
import { createLogger } from '../server/logger.ts';
import { RenkeiServer } from '../server/RenkeiServer.ts';
import { SqliteStorage, type Storage } from '../server/storage/index.ts';

interface PendingAppend {
  boardId: string;
  update: Uint8Array;
  resolve: (seq: number) => void;
  reject: (err: unknown) => void;
}

/** Appends queued during one event-loop turn, written in one transaction on the next. */
function groupCommitAppender(sqlite: SqliteStorage): (boardId: string, update: Uint8Array) => Promise<number> {
  // A rolled-back batch leaves only gaps in the seqs, which are harmless.
  const writeAll = sqlite.db.transaction((batch: PendingAppend[]) => batch.map((p) => sqlite.appendNow(p.boardId, p.update)));
  let pending: PendingAppend[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    try {
      const seqs = writeAll(batch);
      batch.forEach((p, i) => p.resolve(seqs[i] as number));
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  };
  const delayMs = Number(process.env.BENCH_GROUP_COMMIT_MS ?? '0');
  return (boardId, update) =>
    new Promise<number>((resolve, reject) => {
      if (pending.length === 0) {
        if (delayMs > 0) setTimeout(flush, delayMs);
        else setImmediate(flush);
      }
      pending.push({ boardId, update, resolve, reject });
    });
}

/** SQLite storage with `appendUpdate` replaced; every other method is SQLite's own. */
function ablatedStorage(dataDir: string, ablation: string): Storage {
  if (ablation === 'exclusive') {
    // SQLite's exclusive locking mode: no shared-memory WAL index and no file locks per
    // transaction, so no other connection, hence checkpoints inside commits.
    const exclusive = new SqliteStorage({ dataDir, checkpointInWorker: false });
    exclusive.db.pragma('locking_mode = EXCLUSIVE');
    return exclusive;
  }
  const sqlite = new SqliteStorage({ dataDir });
  let seq = 0;
  const append =
    ablation === 'nostore'
      ? async (_boardId: string, _update: Uint8Array) => ++seq
      : ablation === 'groupcommit'
        ? groupCommitAppender(sqlite)
        : undefined;
  if (!append) throw new Error(`BENCH_ABLATION must be nostore, groupcommit or exclusive, got "${ablation}"`);
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'appendUpdate') return append;
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  }) as unknown as Storage;
}

/** Start like server/main.ts, with the ablated storage. */
async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`Invalid configuration:\n${loaded.errors.join('\n')}\n`);
    process.exit(2);
  }
  const { config } = loaded;
  const logger = createLogger(config.logLevel);
  const storage = ablatedStorage(config.dataDir, process.env.BENCH_ABLATION ?? '');
  const server = new RenkeiServer({ config, logger, storage });
  const port = await server.listen();
  process.stdout.write(`\n  Renkei Board (ablation ${process.env.BENCH_ABLATION}) is running: http://${config.host}:${port}/\n\n`);
  const stop = () => void server.stop().then(() => process.exit(0), () => process.exit(1));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
