import { describe, expect, it } from 'vitest';
import type { RecordsDiff, TLRecord } from 'tldraw';
import { diffToYjs, isEmptyPlan, jsonEqual } from '../../../client/sync/index.ts';
import { geoShape } from './harness.ts';

const empty = (): RecordsDiff<TLRecord> => ({ added: {}, updated: {}, removed: {} });

describe('diffToYjs', () => {
  it('puts the current value of added and updated records and deletes removed ones', () => {
    const a = geoShape('a');
    const b = geoShape('b');
    const b2 = { ...b, x: 9 };
    const c = geoShape('c');
    const changes = empty();
    (changes.added as Record<string, TLRecord>)[a.id] = a;
    (changes.updated as Record<string, [TLRecord, TLRecord]>)[b.id] = [b, b2];
    (changes.removed as Record<string, TLRecord>)[c.id] = c;
    const current = new Map<string, TLRecord>([[a.id, a], [b.id, b2]]);
    const stored = new Map<string, unknown>([[b.id, b], [c.id, c]]);
    const plan = diffToYjs(changes, { current: (id) => current.get(id), stored: (id) => stored.get(id) });
    expect(plan).toEqual({ puts: [a, b2], deletes: [c.id] });
  });

  it('writes the store value, not the diff target, and nothing the doc already holds', () => {
    const shape = geoShape('s');
    const changes = empty();
    (changes.updated as Record<string, [TLRecord, TLRecord]>)[shape.id] = [shape, { ...shape, x: 1 }];
    const remoteValue = { ...shape, x: 2 };
    const plan = diffToYjs(changes, { current: () => remoteValue, stored: () => structuredClone(remoteValue) });
    expect(isEmptyPlan(plan)).toBe(true);
    const removed = empty();
    (removed.removed as Record<string, TLRecord>)[shape.id] = shape;
    expect(diffToYjs(removed, { current: () => undefined, stored: () => undefined })).toEqual({ puts: [], deletes: [] });
  });
});

describe('jsonEqual', () => {
  it('compares JSON deeply and treats undefined keys as absent', () => {
    expect(jsonEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(jsonEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});
