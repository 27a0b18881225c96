// Fractional indexes decide drawing order; tldraw sorts siblings by them as plain strings.
import { T } from '@tldraw/validate';
import { describe, expect, it } from 'vitest';
import { indexKey } from '../../../shared/templates/index.ts';
import { allTemplateRecords, shapesOf } from './helpers.ts';

describe('indexKey', () => {
  it('produces valid keys that sort in order, past the one-digit range', () => {
    const keys = Array.from({ length: 300 }, (_, i) => indexKey(i + 1));
    for (const k of keys) expect(() => T.indexKey.validate(k), k).not.toThrow();
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses positions it cannot represent', () => {
    expect(() => indexKey(0)).toThrow(RangeError);
    expect(() => indexKey(1.5)).toThrow(RangeError);
  });
});

describe.each(allTemplateRecords())('template %s', (_id, records) => {
  it('gives every shape a valid index, unique among its siblings', () => {
    const byParent = new Map<string, string[]>();
    for (const s of shapesOf(records)) {
      expect(() => T.indexKey.validate(s.index), s.id).not.toThrow();
      byParent.set(s.parentId, [...(byParent.get(s.parentId) ?? []), s.index]);
    }
    for (const [parent, keys] of byParent) expect(new Set(keys).size, parent).toBe(keys.length);
  });
});
