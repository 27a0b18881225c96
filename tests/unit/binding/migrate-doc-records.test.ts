import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../../shared/doc/index.ts';
import { migrateDocRecords } from '../../../client/sync/index.ts';
import { clientSchema, createTestStore, geoShape } from './harness.ts';

describe('migrateDocRecords', () => {
  const schema = createTestStore().schema;
  const current = clientSchema();

  it('lists only the records a migration changed', () => {
    const shape = geoShape('g');
    const { flipX: _x, flipY: _y, ...oldProps } = shape.props;
    const old = { ...shape, props: oldProps } as unknown as StoredRecord;
    const page = { id: 'page:page', typeName: 'page', name: 'P', index: 'a1', meta: {} };
    const docSchema = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.geo': 11 } };
    const result = migrateDocRecords({ schema, docSchema, records: { [shape.id]: old, 'page:page': page } });
    expect(result).toEqual({
      ok: true,
      records: { [shape.id]: shape, 'page:page': page },
      changed: [shape.id],
      removed: [],
    });
  });

  it('fails as a value for a schema it cannot migrate from', () => {
    const docSchema = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.geo': 40 } };
    const silence = console.error;
    console.error = () => {};
    try {
      expect(migrateDocRecords({ schema, docSchema, records: {} })).toMatchObject({ ok: false });
    } finally {
      console.error = silence;
    }
  });
});
