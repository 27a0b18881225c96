#!/usr/bin/env node
// Part of `npm run build:server`, after tsc: folds the server's module graph (our code and its
// pure-JS dependencies) into dist/server/main.js. Node keeps every ES module it loads (source,
// module record, compiled code): the ~400 files of the unbundled server cost ~20 MiB of resident
// memory at idle; bundled they cost a few (bench/memory/README.md). Native add-ons and the
// drivers loaded only when configured stay outside. tsc's per-file output stays beside it for
// the benchmarks and the import workers.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXTERNAL = [
  'better-sqlite3', // native add-on
  'pg', 'pg-cursor', 'ioredis', // loaded only with DATABASE_URL / REDIS_URL (server/main.ts)
  'kuromoji', // only its dictionary files are served (server/http/dictRoute.ts)
  'bufferutil', 'utf-8-validate', // optional native helpers of ws
];
const isExternal = (id) => id.startsWith('node:') || EXTERNAL.some((p) => id === p || id.startsWith(`${p}/`));

// Chunks of an earlier build carry other hashes: remove them so none is left behind.
const outDir = path.join(root, 'dist/server');
for (const f of fs.readdirSync(outDir)) if (/^bundle-.*\.js(\.map)?$/.test(f)) fs.rmSync(path.join(outDir, f));

const bundle = await rolldown({
  // The import worker is an entry of its own: the bundled ImportWorkers finds it beside main.js
  // (`new URL('./importWorker.js', import.meta.url)`), as tsc's ImportWorkers finds its own.
  input: { main: path.join(root, 'dist/server/main.js'), importWorker: path.join(root, 'dist/server/boards/importWorker.js') },
  platform: 'node',
  external: isExternal,
  logLevel: 'warn',
});
await bundle.write({
  dir: outDir,
  entryFileNames: '[name].js',
  chunkFileNames: 'bundle-[name]-[hash].js',
  format: 'esm',
  // Not minified (names stay as written, so stack traces read as the sources do; the source map
  // gives lines with --enable-source-maps), only without whitespace, and
  // printed in ASCII: one Japanese character anywhere makes V8 hold the whole source as UTF-16,
  // twice its size (3.5 MiB instead of 1.7); escaped, strings and regular expressions mean the same.
  minify: { compress: false, mangle: false, codegen: { removeWhitespace: true, asciiOnly: true, legalComments: 'none' } },
  sourcemap: true,
});
await bundle.close();
