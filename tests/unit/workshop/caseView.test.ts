import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../../shared/doc/index.ts';
import { EXERCISE_1_CONTENT, findTemplate } from '../../../shared/templates/index.ts';
import { caseSections } from '../../../shared/workshop/index.ts';

// Issue 15: in 個人ワーク a participant reads the case beside their private notes; the case is
// the group board's frames as text, in reading order.

describe('caseSections', () => {
  const records = findTemplate('exercise-1')!.build() as unknown as StoredRecord[];

  it('reads the exercise board: the heading first, then 事例概要 with the case text', () => {
    const sections = caseSections(records, 'p');
    expect(sections[0]?.id).toBe('page');
    const summary = sections.find((s) => s.title === '事例概要');
    expect(summary).toBeDefined();
    expect(sections.indexOf(summary!)).toBe(1);
    // Every summary section of the case's content is there, as written.
    const left = EXERCISE_1_CONTENT.summary.left[0]!;
    expect(summary!.texts.some((t) => t.includes(left.title) && t.includes(left.body.slice(0, 20)))).toBe(true);
  });

  it('keeps frames in reading order and leaves out frames without text', () => {
    const frame = (id: string, name: string, x: number, y: number): StoredRecord => ({ id, typeName: 'shape', type: 'frame', parentId: 'page:p', x, y, index: 'a1', props: { name, w: 100, h: 100 } });
    const note = (id: string, parentId: string, text: string, y = 0): StoredRecord => ({ id, typeName: 'shape', type: 'note', parentId, x: 0, y, index: 'a1', props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } } });
    const out = caseSections([frame('shape:b', '二', 500, 0), frame('shape:a', '一', 0, 0), frame('shape:c', '空', 0, 900), note('shape:n2', 'shape:a', '下', 50), note('shape:n1', 'shape:a', '上', 10), note('shape:n3', 'shape:b', '右')]);
    expect(out).toEqual([
      { id: 'shape:a', title: '一', texts: ['上', '下'] },
      { id: 'shape:b', title: '二', texts: ['右'] },
    ]);
  });
});
