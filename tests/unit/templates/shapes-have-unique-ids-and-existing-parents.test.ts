// Deterministic ids must still be unique, and every shape must hang from the page or a shape
// that exists: tldraw drops (or crashes on) orphans.
import { describe, expect, it } from 'vitest';
import { allTemplateRecords, shapesOf } from './helpers.ts';

describe.each(allTemplateRecords())('template %s', (_id, records) => {
  it('uses every record id once', () => {
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every shape a parent that exists', () => {
    const ids = new Set<string>(records.map((r) => r.id));
    for (const s of shapesOf(records)) expect(ids.has(s.parentId), `${s.id} → ${s.parentId}`).toBe(true);
  });

  it('builds shapes with every base field', () => {
    for (const s of shapesOf(records)) {
      expect(s).toMatchObject({ typeName: 'shape', rotation: 0, opacity: 1 });
      expect(typeof s.isLocked).toBe('boolean');
      expect(s.meta).toBeTypeOf('object');
    }
  });
});
