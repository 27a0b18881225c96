import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Which code was measured: the commit, local changes under server/ and shared/, and a hash of their sources. */
export interface Provenance {
  gitHead: string | undefined;
  /** `git status --porcelain` lines for server/ and shared/ (uncommitted changes measured too). */
  uncommitted: string[];
  /** sha256 of every .ts file under server/ and shared/, path and content, in path order. */
  sourceSha256: string;
}

function git(repoRoot: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function tsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f))
    .sort();
}

/** Describe the sources under test (read-only git queries). */
export function provenance(repoRoot: string): Provenance {
  const hash = createHash('sha256');
  for (const file of [...tsFiles(path.join(repoRoot, 'server')), ...tsFiles(path.join(repoRoot, 'shared'))]) {
    hash.update(path.relative(repoRoot, file));
    hash.update(fs.readFileSync(file));
  }
  return {
    gitHead: git(repoRoot, ['rev-parse', 'HEAD']),
    uncommitted: (git(repoRoot, ['status', '--porcelain', '--', 'server', 'shared']) ?? '').split('\n').filter(Boolean),
    sourceSha256: hash.digest('hex'),
  };
}
