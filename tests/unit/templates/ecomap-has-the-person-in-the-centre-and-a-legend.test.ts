// No national standard for ecomaps, so the board always shows a legend; the person sits in
// the centre (DOMAIN.md “Ecomap and genogram”).
import { describe, expect, it } from 'vitest';
import { TIE_KINDS, TIE_KIND_LABELS } from '../../../shared/shapes/index.ts';
import { FRAME_NAMES, ecomapLegend } from '../../../shared/templates/index.ts';
import { CASE_TEMPLATE_IDS, frameNamed, propsOf, recordsOf, shapesOf, textOf } from './helpers.ts';

describe('the legend', () => {
  it('explains thick, thin, dashed and zigzag lines, arrows and colours', () => {
    const legend = ecomapLegend();
    for (const k of TIE_KINDS) expect(legend).toContain(TIE_KIND_LABELS[k].ja);
    for (const word of ['太線', '細線', '点線', 'ギザギザ', '矢印', '支援の向き', '障害', '介護', '医療', 'インフォーマル']) expect(legend).toContain(word);
  });
});

describe.each(CASE_TEMPLATE_IDS)('template %s', (id) => {
  const records = recordsOf(id);
  const frame = frameNamed(records, FRAME_NAMES.ecomap)!;
  const people = shapesOf(records).filter((s) => s.type === 'rb-person');

  it('has exactly one person marked as 本人, in the middle of the ecomap', () => {
    const self = people.filter((p) => propsOf(p).kind === 'self');
    expect(self).toHaveLength(1);
    const s = self[0]!;
    const cx = s.x + Number(propsOf(s).w) / 2;
    expect(Math.abs(cx - Number(propsOf(frame).w) / 2)).toBeLessThan(1);
    for (const p of people) expect(p.parentId).toBe(frame.id);
  });

  it('shows the legend inside the ecomap frame', () => {
    const legend = shapesOf(records).find((s) => s.parentId === frame.id && textOf(s) === ecomapLegend());
    expect(legend).toBeDefined();
  });
});

describe.each(['exercise-1', 'exercise-2'])('%s', (id) => {
  it('draws ties of several kinds, and every one to someone', () => {
    const records = recordsOf(id);
    const ties = shapesOf(records).filter((s) => s.type === 'rb-tie');
    expect(ties.length).toBeGreaterThanOrEqual(10);
    expect(new Set(ties.map((t) => propsOf(t).kind)).size).toBeGreaterThanOrEqual(3);
    expect(ties.some((t) => propsOf(t).direction !== 'none')).toBe(true);
  });
});
