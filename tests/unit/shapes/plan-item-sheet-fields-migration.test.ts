// Plan items gain the plan-sheet fields (issue 14) through the named, append-only migration
// AddPlanSheetFields: a plan item stored before it opens with every new field empty.
import { expect, it } from 'vitest';
import { createShapeId, type TLRecord } from '@tldraw/tlschema';
import { boardSchema, serializedBoardSchema } from '../../../shared/schema/index.ts';
import { PLAN_SHEET_FIELDS, planItemVersions } from '../../../shared/shapes/index.ts';

it('a version-1 plan item (priority, no sheet fields) migrates up with its text kept and the new fields empty', () => {
  const schema = boardSchema();
  const current = serializedBoardSchema();
  const stored = {
    id: createShapeId('old-plan'), typeName: 'shape', type: 'rb-plan', x: 0, y: 0, rotation: 0, index: 'a1', parentId: 'page:main',
    isLocked: false, opacity: 1, meta: {},
    props: { w: 300, h: 200, need: '母と暮らし続けたい', priority: 1, goal: '週2回パン作りに通う', support: '就労継続支援B型', owner: 'soudan', due: '', state: 'agreed' },
  } as unknown as TLRecord;
  const v1 = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.rb-plan': 1 } };
  const up = schema.migratePersistedRecord(stored, v1, 'up');
  expect(up.type).toBe('success');
  if (up.type !== 'success') return;
  const props = (up.value as unknown as { props: Record<string, unknown> }).props;
  expect(props.need).toBe('母と暮らし続けたい');
  for (const key of PLAN_SHEET_FIELDS) expect(props[key], key).toBe('');
  expect(() => schema.validateRecord(null as never, up.value, 'initialize', null)).not.toThrow();
  expect(planItemVersions.AddPlanSheetFields).toBe('com.tldraw.shape.rb-plan/2');
});
