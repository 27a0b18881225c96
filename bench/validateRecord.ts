/**
 * Micro-benchmark of the document checks the relay runs (docs/SPEC.md D1–D3):
 * - `validateRecord` per record, by record type, on the records of the exercise-1 template
 *   (what a real board holds: frames, service cards, plan items, notes, texts, …), and on a
 *   record with wrong props (the refusal path, which builds an error message);
 * - `findDocumentRepairs` over a whole document (on load) and `findRepairsAfterChange` after
 *   one update, at the template's size and at 10× and 50× that.
 * Each measurement is the median of `rounds` runs after a warm-up; times are µs per call.
 *
 * Usage: node dist/bench/validateRecord.js [rounds=7] [iterations=20000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoredRecord } from '../shared/doc/index.ts';
import { findDocumentRepairs, findRepairsAfterChange, validateRecord } from '../shared/records/index.ts';
import { findTemplate } from '../shared/templates/index.ts';
import { provenance } from './lib/provenance.ts';

const rounds = Number(process.argv[2] ?? 7);
const iterations = Number(process.argv[3] ?? 20_000);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** µs per call of `fn` over `n` calls, median of the rounds, after one warm-up round. */
function measure(n: number, fn: (i: number) => unknown): number {
  let sink = 0;
  const one = () => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) if (fn(i)) sink++;
    return Number(process.hrtime.bigint() - t0) / 1000 / n;
  };
  one();
  const out = median(Array.from({ length: rounds }, one));
  if (sink < 0) console.log(sink); // keeps the calls from being optimised away
  return out;
}

const template = findTemplate('exercise-1');
if (!template) throw new Error('exercise-1 template missing');
const records = template.build() as unknown as StoredRecord[];
const kindOf = (r: StoredRecord) => (r.typeName === 'shape' ? `shape:${String(r.type)}` : r.typeName);
const byKind = new Map<string, StoredRecord[]>();
for (const r of records) byKind.set(kindOf(r), [...(byKind.get(kindOf(r)) ?? []), r]);

for (const r of records) {
  const v = validateRecord(r);
  if (!v.ok) throw new Error(`template record does not validate: ${v.error}`);
}

const perKind = [...byKind]
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([kind, list]) => ({ kind, count: list.length, usPerRecord: measure(iterations, (i) => validateRecord(list[i % list.length])) }));
const allUs = measure(iterations, (i) => validateRecord(records[i % records.length]));
const card = records.find((r) => r.type === 'rb-service');
if (!card) throw new Error('no service card in the template');
const bogus = { ...card, props: { ...(card.props as object), status: 'bogus' } };
const refusedUs = measure(iterations, () => validateRecord(bogus));

/** The template's shapes copied `times` times (fresh ids, same parents within each copy). */
function scaled(times: number): StoredRecord[] {
  const out: StoredRecord[] = records.filter((r) => r.typeName !== 'shape');
  for (let k = 0; k < times; k++) {
    const rename = (id: unknown) => (typeof id === 'string' && id.startsWith('shape:') ? `${id}_${k}` : id);
    for (const r of records) if (r.typeName === 'shape') out.push({ ...r, id: String(rename(r.id)), parentId: rename(r.parentId) });
  }
  return out;
}
const documents = [1, 10, 50].map((times) => {
  const doc = scaled(times);
  if (findDocumentRepairs(doc).length !== 0) throw new Error('a scaled template needs repairs');
  const n = Math.max(20, Math.round(200_000 / doc.length));
  const map = new Map(doc.map((r) => [r.id, r]));
  // The deepest-nested card of the last copy: the walk up is the longest an edit causes.
  const leaf = doc.filter((r) => r.typeName === 'shape' && String(r.parentId).startsWith('shape:')).at(-1);
  if (!leaf) throw new Error('no nested shape in the template');
  const oneEdit = { changed: [leaf.id], deleted: [] };
  const oneDelete = { changed: [], deleted: ['shape:not-there-any-more'] };
  return {
    records: doc.length,
    usPerDocument: measure(n, () => findDocumentRepairs(doc).length === 0),
    usAfterOneEdit: measure(iterations, () => findRepairsAfterChange(map, oneEdit).length === 0),
    usAfterOneDelete: measure(n, () => findRepairsAfterChange(map, oneDelete).length === 0),
  };
});

const result = {
  bench: 'validateRecord',
  at: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model,
  load: os.loadavg(),
  rounds,
  iterations,
  provenance: provenance(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')),
  validateRecord: { allTemplateRecordsUs: allUs, refusedServiceCardUs: refusedUs, perKind },
  findDocumentRepairs: documents,
};

const f = (x: number) => x.toFixed(2);
const md = [
  `# validateRecord and findDocumentRepairs (${result.at})`,
  '',
  `Node ${result.node}, ${result.cpu}, load ${result.load.map((x) => x.toFixed(2)).join(' ')}; median of ${rounds} rounds, ${iterations} calls each.`,
  `Records: the exercise-1 template (${records.length} records). \`npm run bench:validate\`.`,
  '',
  '## validateRecord, µs per record',
  '',
  '| record | in template | µs |',
  '| --- | ---: | ---: |',
  ...perKind.map((k) => `| ${k.kind} | ${k.count} | ${f(k.usPerRecord)} |`),
  `| **all template records, in turn** | ${records.length} | **${f(allUs)}** |`,
  `| rb-service with status 'bogus' (refused) | – | ${f(refusedUs)} |`,
  '',
  '## Cross-record checks on a sound document, µs per call',
  '',
  '`findDocumentRepairs` walks the whole document (on load); `findRepairsAfterChange` what one update touched:',
  'an update that set one nested card (walks up its parents), or one that deleted a shape (scans for its children and bindings).',
  '',
  '| records | findDocumentRepairs | µs per record | after one edit | after one delete |',
  '| ---: | ---: | ---: | ---: | ---: |',
  ...documents.map((d) => `| ${d.records} | ${f(d.usPerDocument)} | ${f(d.usPerDocument / d.records)} | ${f(d.usAfterOneEdit)} | ${f(d.usAfterOneDelete)} |`),
  '',
].join('\n');

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench/results');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, `validate-${result.at.replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2));
fs.writeFileSync(path.join(dir, 'validate-latest.md'), md);
console.log(md);
