// Cross-record invariants on a CRDT (docs/SPEC.md D3): two valid concurrent edits can merge
// into a violation neither made; findDocumentRepairs names the minimal fix, and the fix,
// applied on a third replica (the server), reaches everyone.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordsMap, type StoredRecord } from '../../../shared/doc/index.ts';
import { applyRepairs, findDocumentRepairs, findRepairsAfterChange, validateRecord, type RecordChange, type RecordRepair } from '../../../shared/records/index.ts';
import { PAGE_ID, basics, frame, note, service } from './fixtures.ts';

/** Three replicas of one board: two participants and the server, all starting from `seed`. */
function replicas(seed: StoredRecord[]) {
  const server = new Y.Doc();
  server.transact(() => {
    for (const r of seed) recordsMap(server).set(r.id, structuredClone(r));
  });
  const start = Y.encodeStateAsUpdate(server);
  const a = new Y.Doc();
  const b = new Y.Doc();
  Y.applyUpdate(a, start);
  Y.applyUpdate(b, start);
  return { a, b, server };
}

/** Exchange everything each doc has that the others lack, as a relay would after a reconnect. */
function sync(...docs: Y.Doc[]): void {
  for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** What the relay does with a repair: one transaction of its own on its document. */
function applyOnDoc(doc: Y.Doc, repairs: readonly RecordRepair[]): void {
  doc.transact(() => {
    const records = recordsMap(doc);
    for (const fix of repairs) {
      const current = records.get(fix.id);
      if (!current) continue;
      if ('delete' in fix) records.delete(fix.id);
      else records.set(fix.id, { ...current, ...fix.set });
    }
  }, 'server-repair');
}

/** Delivers to `server` what `from` has that it lacks, as one update, and returns what that update changed. */
function deliver(from: Y.Doc, server: Y.Doc): RecordChange {
  const changed: string[] = [];
  const deleted: string[] = [];
  const onChange = (event: Y.YMapEvent<StoredRecord>) => {
    for (const [key, { action }] of event.changes.keys) (action === 'delete' ? deleted : changed).push(key);
  };
  recordsMap(server).observe(onChange);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(from, Y.encodeStateVector(server)));
  recordsMap(server).unobserve(onChange);
  return { changed, deleted };
}

const recordsOf = (doc: Y.Doc) => [...recordsMap(doc).values()];
const sorted = (doc: Y.Doc) => recordsOf(doc).sort((x, y) => (x.id < y.id ? -1 : 1));

function arrowBinding(id: string, fromId: string, toId: string): StoredRecord {
  return { id: `binding:${id}`, typeName: 'binding', type: 'arrow', fromId, toId, meta: {}, props: { terminal: 'end', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' } };
}

function expectSound(doc: Y.Doc): void {
  expect(findDocumentRepairs(recordsOf(doc))).toEqual([]);
  for (const r of recordsOf(doc)) expect([r.id, validateRecord(r)]).toEqual([r.id, { ok: true }]);
}

describe('concurrent edits that merge into a violation are repaired (D3)', () => {
  it('one deletes a frame while another adds a card inside it: the card goes to the page', () => {
    const { a, b, server } = replicas([...basics(), frame('kadai', '課題')]);
    a.transact(() => recordsMap(a).delete('shape:kadai'));
    const card = service('new', { service: '生活介護' }, { parent: 'shape:kadai', x: 10, y: 20 });
    b.transact(() => recordsMap(b).set(card.id, card));
    // Each edit alone is sound.
    expect(findDocumentRepairs(recordsOf(a))).toEqual([]);
    expect(findDocumentRepairs(recordsOf(b))).toEqual([]);

    // The server (sound so far) receives the two edits one after the other; the second update
    // is the one that leaves the card without its frame, and the check after it says so.
    expect(findRepairsAfterChange(recordsMap(server), deliver(b, server))).toEqual([]);
    const afterA = deliver(a, server);
    expect(afterA).toEqual({ changed: [], deleted: ['shape:kadai'] });

    sync(a, b);
    const repairs = findDocumentRepairs(recordsOf(a));
    expect(repairs).toEqual([{ id: 'shape:new', set: { parentId: PAGE_ID }, reason: 'orphan' }]);
    expect(findDocumentRepairs(recordsOf(b))).toEqual(repairs);
    expect(findRepairsAfterChange(recordsMap(server), afterA)).toEqual(repairs);

    applyOnDoc(server, repairs);
    sync(a, b, server);
    for (const doc of [a, b, server]) {
      expectSound(doc);
      expect(recordsMap(doc).get('shape:new')).toMatchObject({ parentId: PAGE_ID, props: { service: '生活介護' } });
    }
    expect(sorted(a)).toEqual(sorted(server));
    expect(sorted(b)).toEqual(sorted(server));
  });

  it('one moves X into Y while another moves Y into X: the cycle is broken at the smaller id', () => {
    const x = frame('x', 'X');
    const y = frame('y', 'Y');
    const inside = note('inner', '中のメモ', { parent: 'shape:y' });
    const { a, b, server } = replicas([...basics(), x, y, inside]);
    a.transact(() => recordsMap(a).set(x.id, { ...x, parentId: y.id }));
    b.transact(() => recordsMap(b).set(y.id, { ...y, parentId: x.id }));
    expect(findDocumentRepairs(recordsOf(a))).toEqual([]);
    expect(findDocumentRepairs(recordsOf(b))).toEqual([]);

    expect(findRepairsAfterChange(recordsMap(server), deliver(a, server))).toEqual([]);
    const afterB = deliver(b, server);
    sync(a, b, server);
    expect(recordsMap(server).get('shape:x')?.parentId).toBe('shape:y');
    expect(recordsMap(server).get('shape:y')?.parentId).toBe('shape:x');
    const repairs = findDocumentRepairs(recordsOf(server));
    expect(repairs).toEqual([{ id: 'shape:x', set: { parentId: PAGE_ID }, reason: 'cycle' }]);
    expect(findRepairsAfterChange(recordsMap(server), afterB)).toEqual(repairs);

    applyOnDoc(server, repairs);
    sync(a, b, server);
    for (const doc of [a, b, server]) {
      expectSound(doc);
      // Y stays inside X, and what was in Y stays in Y.
      expect(recordsMap(doc).get('shape:y')?.parentId).toBe('shape:x');
      expect(recordsMap(doc).get('shape:inner')?.parentId).toBe('shape:y');
    }
  });

  it('two servers repairing the same merge at once converge on the same sound document', () => {
    const { a, b } = replicas([...basics(), frame('x', 'X'), frame('y', 'Y')]);
    a.transact(() => recordsMap(a).set('shape:x', { ...recordsMap(a).get('shape:x')!, parentId: 'shape:y' }));
    b.transact(() => recordsMap(b).set('shape:y', { ...recordsMap(b).get('shape:y')!, parentId: 'shape:x' }));
    sync(a, b);
    // Each instance computes its repair independently, from its own replica.
    applyOnDoc(a, findDocumentRepairs(recordsOf(a)));
    applyOnDoc(b, findDocumentRepairs(recordsOf(b)));
    sync(a, b);
    expectSound(a);
    expect(sorted(a)).toEqual(sorted(b));
  });

  it('a binding to a shape deleted meanwhile is deleted', () => {
    const target = service('target', { service: '居宅介護' });
    const arrowStart = note('start', '矢印の元');
    const { a, b, server } = replicas([...basics(), target, arrowStart]);
    a.transact(() => recordsMap(a).delete(target.id));
    const binding = arrowBinding('b1', arrowStart.id, target.id);
    b.transact(() => recordsMap(b).set(binding.id, binding));
    expect(findRepairsAfterChange(recordsMap(server), deliver(a, server))).toEqual([]);
    const afterB = deliver(b, server);
    const repairs = findDocumentRepairs(recordsOf(server));
    expect(repairs).toEqual([{ id: 'binding:b1', delete: true, reason: 'dangling-binding' }]);
    expect(findRepairsAfterChange(recordsMap(server), afterB)).toEqual(repairs);
    applyOnDoc(server, repairs);
    sync(a, b, server);
    for (const doc of [a, b, server]) {
      expect(recordsMap(doc).has('binding:b1')).toBe(false);
      expect(findDocumentRepairs(recordsOf(doc))).toEqual([]);
    }
  });
});

describe('findDocumentRepairs', () => {
  it('re-homes a self-parent, a long cycle once, and a shape whose parent is not a shape or page', () => {
    const records = [
      ...basics(),
      { ...frame('self', 'S'), parentId: 'shape:self' },
      frame('c1', '1', { parent: 'shape:c3' }),
      frame('c2', '2', { parent: 'shape:c1' }),
      frame('c3', '3', { parent: 'shape:c2' }),
      note('tail', 'into the cycle', { parent: 'shape:c2' }),
      note('odd', 'parent is the document', { parent: 'document:document' }),
      note('fine', 'on the page'),
    ];
    expect(findDocumentRepairs(records)).toEqual([
      { id: 'shape:c1', set: { parentId: PAGE_ID }, reason: 'cycle' },
      { id: 'shape:odd', set: { parentId: PAGE_ID }, reason: 'orphan' },
      { id: 'shape:self', set: { parentId: PAGE_ID }, reason: 'cycle' },
    ]);
    const repaired = applyRepairs(records, findDocumentRepairs(records));
    expect(findDocumentRepairs(repaired)).toEqual([]);
    expect(repaired).toHaveLength(records.length);
  });

  it('gives the same answer whatever order the records come in', () => {
    const records = [...basics(), frame('p', 'P', { parent: 'shape:q' }), frame('q', 'Q', { parent: 'shape:p' }), note('o', 'orphan', { parent: 'shape:gone' })];
    const expected = findDocumentRepairs(records);
    expect(expected).toHaveLength(2);
    expect(findDocumentRepairs([...records].reverse())).toEqual(expected);
    expect(findDocumentRepairs([records[3]!, records[0]!, records[4]!, records[2]!, records[1]!])).toEqual(expected);
  });

  it('sends re-homed shapes to the first page by index, and leaves a pageless document alone', () => {
    const second = { id: 'page:b', typeName: 'page', name: '2', index: 'a0', meta: {} };
    const orphan = note('o', 'x', { parent: 'shape:gone' });
    expect(findDocumentRepairs([...basics(), second, orphan])).toEqual([{ id: 'shape:o', set: { parentId: 'page:b' }, reason: 'orphan' }]);
    expect(findDocumentRepairs([orphan])).toEqual([]);
  });

  it('after a change, finds what the whole-document pass finds for the records that change touched', () => {
    const records = [...basics(), frame('p', 'P'), frame('q', 'Q', { parent: 'shape:p' }), note('n', 'n', { parent: 'shape:q' }), note('m', 'm', { parent: 'shape:p' })];
    const map = new Map(records.map((r) => [r.id, r]));
    const lookup = { get: (id: string) => map.get(id), values: () => map.values() };
    // Q moved under N (its own child): a cycle Q → N → Q.
    map.set('shape:q', { ...map.get('shape:q')!, parentId: 'shape:n' });
    expect(findRepairsAfterChange(lookup, { changed: ['shape:q'], deleted: [] })).toEqual(findDocumentRepairs(map.values()));
    expect(findRepairsAfterChange(lookup, { changed: ['shape:q'], deleted: [] })).toEqual([{ id: 'shape:n', set: { parentId: PAGE_ID }, reason: 'cycle' }]);
    map.set('shape:q', { ...map.get('shape:q')!, parentId: 'shape:p' });
    // P deleted: its children Q and M are orphans; N stays in Q.
    map.delete('shape:p');
    expect(findRepairsAfterChange(lookup, { changed: [], deleted: ['shape:p'] })).toEqual(findDocumentRepairs(map.values()));
    expect(findRepairsAfterChange(lookup, { changed: [], deleted: ['shape:p'] }).map((r) => r.id)).toEqual(['shape:m', 'shape:q']);
    // Unchanged sound records are not looked at: nothing to repair.
    expect(findRepairsAfterChange(lookup, { changed: ['shape:n'], deleted: [] })).toEqual([{ id: 'shape:q', set: { parentId: PAGE_ID }, reason: 'orphan' }]);
  });

  it('walks a deep sound chain without recursion', () => {
    const chain: StoredRecord[] = [...basics()];
    for (let i = 0; i < 50_000; i++) chain.push(frame(`d${i}`, `${i}`, { parent: i === 0 ? PAGE_ID : `shape:d${i - 1}` }));
    expect(findDocumentRepairs(chain)).toEqual([]);
  });
});
