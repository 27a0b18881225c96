// Frames clip their children, so everything a template places must lie inside its frame,
// and the blocks people read must not cover one another.
import type { TLShape } from '@tldraw/tlschema';
import { describe, expect, it } from 'vitest';
import { FRAME_NAMES, templateRoleOf } from '../../../shared/templates/index.ts';
import { labelHeight } from '../../../shared/templates/styles.ts';
import { CASE_TEMPLATE_IDS, frameOf, propsOf, recordsOf, shapesOf, textOf } from './helpers.ts';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function boxOf(s: TLShape): Box | undefined {
  const p = propsOf(s);
  if (s.type === 'note') {
    const side = 200 * Number(p.scale);
    return { x: s.x, y: s.y, w: side, h: side + Number(p.growY) };
  }
  if (s.type === 'rb-tie') {
    const end = p.end as { x: number; y: number };
    return { x: Math.min(s.x, s.x + end.x), y: Math.min(s.y, s.y + end.y), w: Math.abs(end.x), h: Math.abs(end.y) };
  }
  if (typeof p.w === 'number' && typeof p.h === 'number') return { x: s.x, y: s.y, w: p.w, h: p.h };
  return undefined;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe.each(CASE_TEMPLATE_IDS)('template %s', (id) => {
  const records = recordsOf(id);
  const shapes = shapesOf(records);
  const frames = shapes.filter((s) => s.type === 'frame');

  it('keeps every frame’s children inside the frame', () => {
    for (const f of frames) {
      const fw = Number(propsOf(f).w);
      const fh = Number(propsOf(f).h);
      for (const s of shapes.filter((c) => c.parentId === f.id)) {
        const b = boxOf(s);
        expect(b, `${s.id} has a size`).toBeDefined();
        expect(b!.x >= 0 && b!.y >= 0 && b!.x + b!.w <= fw && b!.y + b!.h <= fh, `${s.id} in ${String(propsOf(f).name)}: ${JSON.stringify(b)}`).toBe(true);
      }
    }
  });

  it('does not let text blocks and cards cover one another', () => {
    for (const f of frames) {
      // The weekly form is a grid that entries sit on by design.
      if (propsOf(f).name === FRAME_NAMES.weekly) continue;
      const boxes = shapes
        .filter((s) => s.parentId === f.id && s.type !== 'rb-tie')
        // Lanes are locked, empty backgrounds that cards sit on.
        .filter((s) => !(s.isLocked && templateRoleOf(s) === 'guide' && textOf(s) === ''))
        .map((s) => [s.id, boxOf(s)!] as const);
      for (const [i, [ida, a]] of boxes.entries()) {
        for (const [idb, b] of boxes.slice(i + 1)) expect(overlaps(a, b), `${ida} × ${idb}`).toBe(false);
      }
    }
  });

  it('makes every labelled box tall enough for its label', () => {
    for (const s of shapes.filter((x) => x.type === 'geo' && textOf(x) !== '')) {
      const p = propsOf(s);
      const needed = labelHeight(textOf(s), Number(p.w), p.size as 's');
      expect(needed, `${s.id}: ${textOf(s)}`).toBeLessThanOrEqual(Number(p.h) + 1);
    }
  });

  it('keeps the page heading above the frames, and the 基本情報 card left of them', () => {
    const top = Math.min(...frames.map((f) => f.y));
    const left = Math.min(...frames.map((f) => f.x));
    for (const s of shapes.filter((x) => x.parentId === 'page:main' && x.type !== 'frame')) {
      if (s.type === 'rb-basic-info') expect(s.x + Number(propsOf(s).w), s.id).toBeLessThanOrEqual(left);
      else expect(s.y + Number(propsOf(s).h), s.id).toBeLessThanOrEqual(top);
    }
  });

  it('places every tie’s ends on people of the ecomap', () => {
    const ecomap = shapes.find((s) => s.type === 'frame' && propsOf(s).name === FRAME_NAMES.ecomap)!;
    const people = shapes.filter((s) => s.type === 'rb-person').map((s) => boxOf(s)!);
    const inSomeone = (x: number, y: number) => people.some((p) => x >= p.x && x <= p.x + p.w && y >= p.y && y <= p.y + p.h);
    for (const t of shapes.filter((s) => s.type === 'rb-tie')) {
      expect(frameOf(t, records)).toBe(ecomap);
      const end = propsOf(t).end as { x: number; y: number };
      expect(inSomeone(t.x, t.y) && inSomeone(t.x + end.x, t.y + end.y), t.id).toBe(true);
    }
  });
});
