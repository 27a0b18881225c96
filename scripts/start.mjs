#!/usr/bin/env node
// `npm start`: build what is missing or out of date (server, client), then run the server.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function newestMtime(dirs) {
  let newest = 0;
  const walk = (p) => {
    let st;
    try { st = fs.statSync(p); } catch { return; }
    if (st.isDirectory()) {
      if (path.basename(p) === 'node_modules') return;
      for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const d of dirs) walk(path.join(root, d));
  return newest;
}

function mtime(file) {
  try { return fs.statSync(path.join(root, file)).mtimeMs; } catch { return 0; }
}

function build(script, why) {
  process.stdout.write(`» ${why}: npm run ${script} …\n`);
  const r = spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`✗ npm run ${script} failed (exit ${r.status}).\n`);
    process.exit(r.status ?? 1);
  }
}

const serverOut = 'dist/server/main.js';
const clientOut = 'dist/client/index.html';
const serverSrc = newestMtime(['server', 'shared', 'package.json', 'tsconfig.base.json', 'tsconfig.server.json']);
const clientSrc = newestMtime(['client', 'shared', 'package.json', 'vite.config.ts']);
if (mtime(serverOut) < serverSrc) build('build:server', mtime(serverOut) ? 'server sources changed' : 'server not built yet');
if (mtime(clientOut) < clientSrc) build('build:client', mtime(clientOut) ? 'client sources changed' : 'client not built yet');

const child = spawn(process.execPath, [path.join(root, serverOut)], { stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
