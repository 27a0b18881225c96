/**
 * Summarise a V8 `.cpuprofile` (from `--cpu-prof`, e.g. BENCH_NODE_FLAGS="--cpu-prof
 * --cpu-prof-dir=/tmp/prof"): self time by package or source file, self and inclusive time
 * by function. Usage: node dist/bench/profileSummary.js <file.cpuprofile> [top=25] [stack-filter]
 * With a stack filter (a substring of "function file:line"), also prints the call paths
 * leading to matching frames, weighted by their inclusive time.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: an npm package, one of our files, or the runtime. */
export function categoryOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return url;
  const m = /\/(server|shared|bench)\/(.+)$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : url;
}

function frameKey(n: ProfileNode): string {
  const { functionName, url, lineNumber } = n.callFrame;
  return `${functionName || '(anonymous)'} ${categoryOf(url, functionName)}:${lineNumber + 1}`;
}

/** Self time per category and self/inclusive time per function, in ms. */
export function summarizeProfile(p: CpuProfile): { totalMs: number; idleMs: number; byCategory: Map<string, number>; self: Map<string, number>; inclusive: Map<string, number> } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byCategory = new Map<string, number>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    totalMs += ms;
    if (node.callFrame.functionName === '(idle)') {
      idleMs += ms;
      return;
    }
    add(byCategory, categoryOf(node.callFrame.url, node.callFrame.functionName), ms);
    add(self, frameKey(node), ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n) break;
      const k = frameKey(n);
      if (!seen.has(k)) {
        seen.add(k);
        add(inclusive, k, ms);
      }
    }
  });
  return { totalMs, idleMs, byCategory, self, inclusive };
}

function print(title: string, m: Map<string, number>, busyMs: number, top: number): void {
  process.stdout.write(`\n${title}\n`);
  for (const [k, v] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`  ${v.toFixed(0).padStart(7)} ms ${((v / busyMs) * 100).toFixed(1).padStart(5)}%  ${k}\n`);
  }
}

/** Inclusive time of frames matching `filter`, grouped by the chain of their callers. */
export function callPaths(p: CpuProfile, filter: string, depth = 6): Map<string, number> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    const chain: string[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (n) chain.push(frameKey(n));
    }
    // The outermost matching frame, and the frames that called it.
    const at = chain.map((k) => k.includes(filter)).lastIndexOf(true);
    if (at < 0) return;
    const key = chain.slice(at, at + depth).join('  <-  ');
    out.set(key, (out.get(key) ?? 0) + ms);
  });
  return out;
}

/** CLI entry. */
function main(): void {
  process.stdout.on('error', () => process.exit(0)); // e.g. piped into head
  const [file, topArg, filter] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node dist/bench/profileSummary.js <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  const top = Number(topArg ?? 25);
  const s = summarizeProfile(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile);
  const busy = s.totalMs - s.idleMs;
  process.stdout.write(`${file}\n  sampled ${s.totalMs.toFixed(0)} ms, busy ${busy.toFixed(0)} ms (percentages are of busy time)\n`);
  print('self time by package / file', s.byCategory, busy, top);
  print('self time by function', s.self, busy, top);
  print('inclusive time by function', s.inclusive, busy, top);
  if (filter) print(`call paths to "${filter}"`, callPaths(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, filter), busy, top);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) main();
