import { describe, expect, it } from 'vitest';
import { createShapeId, type TLRecord } from '@tldraw/tlschema';
import { boardSchema, serializedBoardSchema } from '../../../shared/schema/index.ts';
import {
  CUSTOM_SHAPE_SCHEMAS,
  CUSTOM_SHAPE_TYPES,
  basicInfoDefaults,
  meetingDetailsDefaults,
  clientVoiceDefaults,
  ecomapPersonDefaults,
  ecomapTieDefaults,
  lifeStageDefaults,
  planItemDefaults,
  serviceCardDefaults,
} from '../../../shared/shapes/index.ts';

const DEFAULTS: Record<(typeof CUSTOM_SHAPE_TYPES)[number], () => object> = {
  'rb-service': serviceCardDefaults,
  'rb-plan': planItemDefaults,
  'rb-voice': clientVoiceDefaults,
  'rb-lifeline': lifeStageDefaults,
  'rb-person': ecomapPersonDefaults,
  'rb-tie': ecomapTieDefaults,
  'rb-basic-info': basicInfoDefaults,
  'rb-meeting': meetingDetailsDefaults,
};

function shapeRecord(type: string, props: object): TLRecord {
  return {
    id: createShapeId(`t-${type}`),
    typeName: 'shape',
    type,
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1',
    parentId: 'page:main',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: structuredClone(props),
  } as unknown as TLRecord;
}

/** The migration ids of a shape's props sequence, oldest first. */
function versionsOf(type: keyof typeof CUSTOM_SHAPE_SCHEMAS): string[] {
  return CUSTOM_SHAPE_SCHEMAS[type].migrations.sequence.map((m) => ('id' in m ? m.id : '')).filter(Boolean);
}

describe('custom shape schemas', () => {
  it('are part of the board schema, each with a versioned sequence', () => {
    const sequences = serializedBoardSchema().sequences;
    for (const type of CUSTOM_SHAPE_TYPES) {
      expect(sequences[`com.tldraw.shape.${type}`], type).toBe(versionsOf(type).length);
    }
  });

  it.each(CUSTOM_SHAPE_TYPES)('a new %s validates, and an invalid prop is refused', (type) => {
    const schema = boardSchema();
    const record = shapeRecord(type, DEFAULTS[type]());
    expect(() => schema.validateRecord(null as never, record, 'initialize', null)).not.toThrow();
    const broken = shapeRecord(type, { ...DEFAULTS[type](), w: 'wide' });
    expect(() => schema.validateRecord(null as never, broken, 'initialize', null)).toThrow();
  });

  it.each(CUSTOM_SHAPE_TYPES)('%s migrates up from every earlier version to a valid record', (type) => {
    const schema = boardSchema();
    const current = serializedBoardSchema();
    const key = `com.tldraw.shape.${type}`;
    const latest = versionsOf(type).length;
    for (let version = 0; version < latest; version++) {
      // Take today's record down to `version`, then bring it back up as a stored one would be.
      const old = structuredClone(shapeRecord(type, DEFAULTS[type]()));
      const older = { ...current, sequences: { ...current.sequences, [key]: version } };
      const down = schema.migratePersistedRecord(old, older, 'down');
      expect(down.type, `${type} down to v${version}`).toBe('success');
      if (down.type !== 'success') continue;
      const up = schema.migratePersistedRecord(down.value, older, 'up');
      expect(up.type, `${type} up from v${version}`).toBe('success');
      if (up.type !== 'success') continue;
      expect(() => schema.validateRecord(null as never, up.value, 'initialize', null)).not.toThrow();
      expect((up.value as { props: object }).props).toEqual(DEFAULTS[type]());
    }
  });
});
