import { describe, expect, it } from 'vitest';
import { HOME_COLUMN, columnMeta, columnOf, laneAt } from '../../../shared/placement/frames.ts';
import { findTemplate } from '../../../shared/templates/index.ts';

describe('the columns of a frame', () => {
  it('a header bar tagged as a column is that column; older boards’ header ids count too', () => {
    expect(columnOf({ id: 'shape:x', meta: columnMeta('voices-self') })).toBe('voices-self');
    expect(columnOf({ id: 'shape:family-header', meta: {} })).toBe('voices-family');
    expect(columnOf({ id: 'shape:x', meta: { rbColumn: 'nonsense' } })).toBeUndefined();
    expect(columnOf({ id: 'shape:x' })).toBeUndefined();
  });

  it('本人の言葉 goes to the 本人 column, a sticky note to 家族の思い, plan items to 支援の提案', () => {
    expect(HOME_COLUMN['rb-voice']).toBe('voices-self');
    expect(HOME_COLUMN.note).toBe('voices-family');
    expect(HOME_COLUMN['rb-plan']).toBe('proposal-plans');
  });

  it.each(['exercise-1', 'exercise-2', 'meeting'])('%s tags each column once, in the frame it belongs to', (id) => {
    const records = findTemplate(id)!.build() as unknown as { typeName: string; id: string; parentId?: string; meta?: unknown }[];
    const heads = records.filter((r) => r.typeName === 'shape' && columnOf(r) !== undefined);
    expect(heads.map((h) => [columnOf(h), h.parentId]).sort()).toEqual([
      ['proposal-plans', 'shape:frame-proposals'],
      ['proposal-services', 'shape:frame-proposals'],
      ['voices-family', 'shape:frame-voices'],
      ['voices-self', 'shape:frame-voices'],
    ]);
  });

  it('the lane under a point', () => {
    const lanes = [
      { system: 'shogai' as const, box: { x: 0, y: 0, w: 100, h: 500 } },
      { system: 'kaigo' as const, box: { x: 116, y: 0, w: 100, h: 500 } },
    ];
    expect(laneAt(lanes, { x: 150, y: 300 })).toBe('kaigo');
    expect(laneAt(lanes, { x: 108, y: 300 })).toBeUndefined();
  });
});
