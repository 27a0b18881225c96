import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { RenkeiServer } from './RenkeiServer.ts';
import { requiredCipher } from './storage/index.ts';

/** Start the server from the environment; exit non-zero with a clear message on bad config. */
async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`Invalid configuration:\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    process.exit(2);
  }
  const { config } = loaded;
  const logger = createLogger(config.logLevel);
  // pg and ioredis are loaded only when configured: an instance on SQLite never pays for them.
  const storage = config.databaseUrl ? await (await import('./storage/PostgresStorage.ts')).PostgresStorage.open({ connectionString: config.databaseUrl, cipher: requiredCipher(config.dataKeyFile) }) : undefined;
  const bus = config.redisUrl ? new (await import('./scale/RedisBus.ts')).RedisBus({ url: config.redisUrl, logger }) : undefined;
  const server = new RenkeiServer({ config, logger, ...(storage ? { storage } : {}), ...(bus ? { bus } : {}) });
  const port = await server.listen();
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = config.publicUrl ?? `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  logger.info({ port, dataDir: config.dataDir, storage: server.storage.kind }, 'listening');
  process.stdout.write(`\n  連携ボード Renkei Board is running: ${url}/\n\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: no new connections, storing open boards');
    // Rooms give up storing at SHUTDOWN_TIMEOUT_MS and say what was lost; this is the last net
    // for anything else that hangs (a database that never answers a close).
    setTimeout(() => {
      logger.error({ signal, afterMs: config.shutdownTimeoutMs + 5000 }, 'stop did not finish in time; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 5000).unref();
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err: (err as Error).message }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Renkei Board failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
