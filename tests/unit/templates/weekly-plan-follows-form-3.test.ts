// 週間サービス計画 is drawn as 居宅サービス計画書 第3表: 月〜日 × 深夜・早朝・午前・午後・夜間・深夜,
// with 主な日常生活上の活動 and 週単位以外のサービス.
import { describe, expect, it } from 'vitest';
import { FRAME_NAMES, templateRoleOf } from '../../../shared/templates/index.ts';
import { CASE_TEMPLATE_IDS, frameNamed, propsOf, recordsOf, shapesOf, textOf } from './helpers.ts';

describe.each(CASE_TEMPLATE_IDS)('template %s', (id) => {
  const records = recordsOf(id);
  const frame = frameNamed(records, FRAME_NAMES.weekly)!;
  const children = shapesOf(records).filter((s) => s.parentId === frame.id);
  const form = children.filter((s) => s.isLocked && templateRoleOf(s) === 'guide');

  it('has a locked form with the seven days and the six time bands in order', () => {
    const header = form.filter((s) => s.y === Math.min(...form.map((f) => f.y))).sort((a, b) => a.x - b.x).map(textOf);
    expect(header).toEqual(['', '月', '火', '水', '木', '金', '土', '日', '主な日常生活上の活動']);
    const leftmost = Math.min(...form.map((f) => f.x));
    const bands = form.filter((s) => s.x === leftmost).sort((a, b) => a.y - b.y).map((s) => textOf(s).split('\n')[0]);
    expect(bands).toEqual(['', '深夜', '早朝', '午前', '午後', '夜間', '深夜', '週単位以外のサービス']);
  });

  it('has one empty cell per day and band', () => {
    const cells = form.filter((s) => textOf(s) === '' && propsOf(s).w === propsOf(form.find((f) => textOf(f) === '月')!).w);
    expect(cells.length).toBe(7 * 6);
  });
});

describe.each(['exercise-1', 'exercise-2'])('%s', (id) => {
  it('is partly filled with the case’s week, coloured by system', () => {
    const records = recordsOf(id);
    const frame = frameNamed(records, FRAME_NAMES.weekly)!;
    const entries = shapesOf(records).filter((s) => s.parentId === frame.id && !s.isLocked && propsOf(s).fill === 'solid');
    expect(entries.length).toBeGreaterThanOrEqual(8);
    expect(new Set(entries.map((e) => propsOf(e).color)).size).toBeGreaterThanOrEqual(2);
    const text = shapesOf(records).filter((s) => s.parentId === frame.id && !s.isLocked).map(textOf).join('\n');
    expect(text).toMatch(/\d+:\d{2}/);
  });
});
