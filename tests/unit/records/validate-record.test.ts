// validateRecord: one record against the board schema (docs/SPEC.md D1, D2).
import { describe, expect, it } from 'vitest';
import { listTemplates } from '../../../shared/templates/index.ts';
import { isDocumentRecordType, validateRecord, validateRecordSchema } from '../../../shared/records/index.ts';
import { basics, frame, note, service, shape } from './fixtures.ts';

describe('validateRecord', () => {
  it('accepts every record of every template (what a client following the schema writes)', () => {
    for (const template of listTemplates()) {
      for (const record of template.build()) {
        expect([template.id, validateRecord(record)]).toEqual([template.id, { ok: true }]);
      }
    }
    for (const record of [...basics(), frame('f', '論点'), note('n', 'メモ'), service('s', { service: '居宅介護' })]) {
      expect(validateRecord(record)).toEqual({ ok: true });
    }
  });

  it('accepts every document-scoped type of the schema, the user record tldraw 5 writes included', () => {
    const user = { id: 'user:3e0bd168-c862-4e92-92c9-317cb1345fa5', typeName: 'user', name: '田中', color: '#ff0000', imageUrl: '', meta: {} };
    expect(validateRecord(user)).toEqual({ ok: true });
    expect(isDocumentRecordType('user')).toBe(true);
    for (const session of ['instance', 'camera', 'pointer', 'instance_page_state', 'instance_presence']) expect(isDocumentRecordType(session)).toBe(false);
  });

  // D1: props outside the shape's schema.
  it('refuses a service card whose status is not one of its statuses, naming the record and the field', () => {
    const verdict = validateRecord(service('bogus', { status: 'bogus' as never }));
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.error).toContain('shape:bogus');
      expect(verdict.error).toContain('status');
    }
  });

  it('refuses a note whose rich text is malformed', () => {
    const bad = note('n', 'x');
    for (const richText of ['plain string', { type: 'doc', content: 'not-an-array' }, 42, null]) {
      const verdict = validateRecord({ ...bad, props: { ...(bad.props as object), richText } });
      expect([richText, verdict.ok]).toEqual([richText, false]);
    }
  });

  it('refuses a shape of an unknown type, a missing prop, a wrong base field and a non-document type', () => {
    expect(validateRecord(shape('alien', 'no-such-shape', {})).ok).toBe(false);
    const s = service('s', {});
    const { status: _dropped, ...noStatus } = s.props as Record<string, unknown>;
    expect(validateRecord({ ...s, props: noStatus }).ok).toBe(false);
    expect(validateRecord({ ...s, x: 'left' }).ok).toBe(false);
    expect(validateRecord({ ...s, id: 'page:s' }).ok).toBe(false);
    const camera = validateRecord({ id: 'camera:page:p1', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} });
    expect(camera).toEqual({ ok: false, error: expect.stringContaining('does not belong in a board document') });
  });

  it('refuses values that are not records at all', () => {
    for (const value of [null, 42, 'shape:x', [], {}, { id: 'shape:x' }, { typeName: 'shape' }]) {
      expect(validateRecord(value).ok).toBe(false);
    }
  });

  // D2: a record that names itself as its parent.
  it('refuses a shape whose parentId is its own id', () => {
    const self = frame('self', '枠', { parent: 'shape:self' });
    expect(validateRecord(self)).toEqual({ ok: false, error: 'shape:self: a record cannot be its own parent' });
    // What readers use: the schema alone; a stored self-parent is re-homed, not skipped (D4).
    expect(validateRecordSchema(self)).toEqual({ ok: true });
    // A self-parent that is also invalid is reported for its props.
    const both = validateRecord({ ...service('both', { status: 'bogus' as never }), parentId: 'shape:both' });
    expect(both.ok).toBe(false);
    if (!both.ok) expect(both.error).toContain('status');
  });

  it('keeps its error short however long the bad value is', () => {
    const verdict = validateRecord({ ...service('s', {}), props: { ...(service('s', {}).props as object), status: 'x'.repeat(100_000) } });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.error.length).toBeLessThanOrEqual(301);
  });
});
