import { describe, expect, it } from 'vitest';
import { isLockedFrameGrowth } from '../../../shared/doc/index.ts';

// SPEC D7: under the facilitator lock a frame may grow to hold a note (issue 13), nothing else.

const frame = (over: Record<string, unknown> = {}, props: Record<string, unknown> = {}) => ({
  id: 'shape:frame-a', typeName: 'shape', type: 'frame', x: 0, y: 0, rotation: 0, index: 'a1', parentId: 'page:main', isLocked: false, opacity: 1, meta: {},
  props: { w: 400, h: 300, name: '事例概要', color: 'black', ...props }, ...over,
});

describe('isLockedFrameGrowth', () => {
  it('allows a frame to grow, in either direction or both', () => {
    expect(isLockedFrameGrowth(frame(), frame({}, { h: 500 }))).toBe(true);
    expect(isLockedFrameGrowth(frame(), frame({}, { w: 420, h: 300 }))).toBe(true);
  });
  it('refuses shrinking, moving, renaming, unchanged, and anything but a frame', () => {
    expect(isLockedFrameGrowth(frame(), frame({}, { h: 200 }))).toBe(false);
    expect(isLockedFrameGrowth(frame(), frame({}, { w: 500, h: 200 }))).toBe(false);
    expect(isLockedFrameGrowth(frame(), frame({ y: 40 }, { h: 500 }))).toBe(false);
    expect(isLockedFrameGrowth(frame(), frame({}, { h: 500, name: '別の名前' }))).toBe(false);
    expect(isLockedFrameGrowth(frame(), frame())).toBe(false);
    expect(isLockedFrameGrowth(frame({ type: 'geo' }), frame({ type: 'geo' }, { h: 500 }))).toBe(false);
    expect(isLockedFrameGrowth(frame(), undefined)).toBe(false);
  });
  it('does not care about the order of keys', () => {
    const { props, ...rest } = frame();
    const reordered = { props: { h: 600, name: props.name, w: props.w, color: props.color }, ...Object.fromEntries(Object.entries(rest).reverse()) };
    expect(isLockedFrameGrowth(frame(), reordered)).toBe(true);
  });
});
