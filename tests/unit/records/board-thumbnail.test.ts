import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../../shared/doc/index.ts';
import { findTemplate } from '../../../shared/templates/index.ts';
import { boardPictureSvg } from '../../../server/records/boardPicture.ts';

const records = () => findTemplate('exercise-1')!.build() as unknown as StoredRecord[];
const rects = (svg: string) => (svg.match(/<rect /g) ?? []).length;

describe('dashboard thumbnails', () => {
  it('draw the frames and the cards but not the template scaffolding, and stay small', () => {
    const all = records();
    const full = boardPictureSvg(all, { width: 320 });
    const thumb = boardPictureSvg(all, { width: 320, thumbnail: true });
    const frames = all.filter((r) => r.typeName === 'shape' && r.type === 'frame').length;
    const work = all.filter((r) => r.typeName === 'shape' && r.type !== 'frame' && (r.meta as { rbRole?: string })?.rbRole !== 'guide' && !['arrow', 'draw', 'line', 'highlight', 'rb-tie'].includes(String(r.type))).length;
    expect(rects(thumb)).toBe(frames + work);
    expect(rects(full)).toBeGreaterThan(rects(thumb));
    // The dashboard polls every group every few seconds: a thumbnail must be a few kB at most.
    expect(thumb.length).toBeLessThan(full.length / 2);
    expect(thumb.length).toBeLessThan(20_000);
  });
});
