import { describe, expect, it } from 'vitest';
import { compareSchemas } from '../../../client/sync/index.ts';
import { clientSchema } from './harness.ts';

const ours = clientSchema();
const withSequences = (patch: Record<string, number>) => ({ ...ours, sequences: { ...ours.sequences, ...patch } });

describe('compareSchemas', () => {
  it('tells absent, same, older and newer apart', () => {
    expect(compareSchemas(undefined, ours)).toEqual({ kind: 'absent' });
    expect(compareSchemas(structuredClone(ours), ours).kind).toBe('same');
    expect(compareSchemas(withSequences({ 'com.tldraw.shape.note': 3 }), ours).kind).toBe('older');
    expect(compareSchemas(withSequences({ 'com.tldraw.shape.note': 14 }), ours)).toMatchObject({
      kind: 'newer',
      sequences: ['com.tldraw.shape.note'],
    });
  });

  it('counts a sequence we lack as newer and one they lack as older', () => {
    expect(compareSchemas(withSequences({ 'com.example.x': 0 }), ours)).toMatchObject({ kind: 'newer', sequences: ['com.example.x'] });
    const { 'com.tldraw.shape.video': _dropped, ...rest } = ours.sequences;
    expect(compareSchemas({ ...ours, sequences: rest }, ours).kind).toBe('older');
  });

  it('is newer when any sequence is ahead, even if others are behind', () => {
    const mixed = withSequences({ 'com.tldraw.shape.note': 1, 'com.tldraw.shape.geo': 13 });
    expect(compareSchemas(mixed, ours)).toMatchObject({ kind: 'newer', sequences: ['com.tldraw.shape.geo'] });
  });

  it('calls malformed values unreadable and a version 1 schema older', () => {
    expect(compareSchemas('v2', ours).kind).toBe('unreadable');
    expect(compareSchemas({ schemaVersion: 3, sequences: {} }, ours).kind).toBe('unreadable');
    expect(compareSchemas({ schemaVersion: 2 }, ours).kind).toBe('unreadable');
    expect(compareSchemas(withSequences({ 'com.tldraw.shape.geo': 'x' as never }), ours).kind).toBe('unreadable');
    expect(compareSchemas({ schemaVersion: 1, storeVersion: 4, recordVersions: {} }, ours).kind).toBe('older');
  });
});
