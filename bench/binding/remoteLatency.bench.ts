import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';
import { getIndices } from 'tldraw';
import { recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { YjsStoreBinding } from '../../client/sync/index.ts';
import { createDocPair, createTestStore, geoShape, recordingLogger, seedBoard } from '../../tests/unit/binding/harness.ts';
import { machineInfo } from '../lib/proc.ts';
import { provenance } from '../lib/provenance.ts';

/*
 * The binding's latency on a large board, in Node: loading a 5,000-shape document into a
 * tldraw store, a remote change of one shape, of 100 shapes, and a local change of one.
 * The target is the browser's (150 ms p95 to deliver a remote change); Node is not the
 * browser, so it is the target itself, not a scaled one. The behaviour (every change arrives,
 * work follows the change) is tested in tests/unit/binding/large-document-remote-latency.test.ts.
 *
 * Writes bench/results/binding-<ISO time>.json and bench/results/binding-latest.md. A FAIL is a
 * result, not an error (as in the other benches): the run fails only if the bench itself does.
 */

const SHAPES = Number(process.env.BENCH_BINDING_SHAPES ?? 5000);
const TARGET_P95_MS = 150;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const resultsDir = path.resolve(repoRoot, process.env.BENCH_RESULTS_DIR ?? 'bench/results');

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

it(`binding latency on a ${SHAPES}-shape board`, () => {
  const docs = createDocPair();
  seedBoard(docs.a);
  const indices = getIndices(SHAPES);
  const shapes = Array.from({ length: SHAPES }, (_, i) => geoShape(`s${i}`, { x: (i % 100) * 120, y: Math.floor(i / 100) * 120, index: indices[i]! }));
  docs.a.transact(() => {
    for (const shape of shapes) recordsMap(docs.a).set(shape.id, shape as unknown as StoredRecord);
  }, 'server-seed');

  const store = createTestStore();
  let binding: YjsStoreBinding | undefined;
  const loadMs = timed(() => (binding = new YjsStoreBinding({ doc: docs.b, store, logger: recordingLogger().logger })));
  if (store.query.records('shape').get().length !== SHAPES) throw new Error('the board did not load');

  const single = Array.from({ length: 100 }, (_, i) => {
    const shape = shapes[(i * 37) % SHAPES]!;
    return timed(() => docs.a.transact(() => recordsMap(docs.a).set(shape.id, { ...shape, x: -i } as unknown as StoredRecord)));
  });
  const batch = Array.from({ length: Math.min(20, Math.floor(SHAPES / 100)) }, (_, round) =>
    timed(() =>
      docs.a.transact(() => {
        for (let i = 0; i < 100; i++) {
          const shape = shapes[round * 100 + i]!;
          recordsMap(docs.a).set(shape.id, { ...shape, y: round } as unknown as StoredRecord);
        }
      }),
    ),
  );
  const local = Array.from({ length: 50 }, (_, i) =>
    timed(() => {
      store.update(shapes[i]!.id, (s) => ({ ...s, rotation: i / 100 }));
      binding!.flush();
    }),
  );
  binding!.dispose();

  const rows = [
    { name: 'remote change, 1 shape', p95Ms: p95(single), samples: single.length },
    { name: 'remote change, 100 shapes', p95Ms: p95(batch), samples: batch.length },
    { name: 'local change, 1 shape', p95Ms: p95(local), samples: local.length },
  ].map((r) => ({ ...r, targetMs: TARGET_P95_MS, verdict: r.p95Ms < TARGET_P95_MS ? 'PASS' : 'FAIL' }));
  const at = new Date().toISOString();
  const result = { bench: 'binding', at, shapes: SHAPES, loadMs, rows, machine: machineInfo(), source: provenance(repoRoot) };

  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, `binding-${at.replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2) + '\n');
  const md = [
    `# Binding latency (${at})`,
    '',
    `${SHAPES} shapes, Node ${process.version}; load into the store: ${loadMs.toFixed(0)} ms (no target).`,
    '',
    '| change | samples | p95 | target | verdict |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.name} | ${r.samples} | ${r.p95Ms.toFixed(2)} ms | < ${r.targetMs} ms | ${r.verdict} |`),
    '',
  ].join('\n');
  fs.writeFileSync(path.join(resultsDir, 'binding-latest.md'), md);
  console.info(md);
});
