import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { preloadChunks } from './client/vite/preloadChunks.ts';
import { tiptapSchemaCache } from './client/vite/tiptapSchemaCache.ts';

// One config for the client build (Vite) and the test projects (Vitest).
// The client lives in client/ and is built into dist/client, which the server serves.
export default defineConfig({
  root: 'client',
  publicDir: false,
  // tiptapSchemaCache: tldraw renders every label through tiptap's generateHTML (see the plugin).
  // preloadChunks: the board view (and tldraw) is loaded lazily but fetched from the start.
  plugins: [react(), tiptapSchemaCache(), preloadChunks(['client/board/BoardView.tsx'])],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/ws': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
  test: {
    root: '.',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          root: '.',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The backbone suite again, on PostgreSQL (issue: the whole backbone suite also
        // passes against PostgreSQL); SQLite-only storage checks stay in 'integration'.
        extends: true,
        test: {
          name: 'scale-backbone',
          root: '.',
          include: ['tests/integration/**/*.test.ts'],
          // SQLite-only files: the store itself, the SQLite file's contents, SQLite's locks, and the
          // back-pressure test, whose child server measures RSS on the default store.
          exclude: [
            'tests/integration/sqliteStorage.test.ts',
            'tests/integration/sqliteUpdateJournal.test.ts',
            'tests/integration/ownerLinksOnSqlite.test.ts',
            'tests/integration/commandLineToolsOnSqlite.test.ts',
            'tests/integration/boardDeletionOnSqlite.test.ts',
            'tests/integration/encryptionAtRestOnSqlite.test.ts',
            'tests/integration/migration7OnSqlite.test.ts',
            'tests/integration/storageFaults.test.ts',
            'tests/integration/backPressure.test.ts',
          ],
          environment: 'node',
          env: { TEST_STORAGE: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'scale',
          root: '.',
          include: ['tests/scale/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
