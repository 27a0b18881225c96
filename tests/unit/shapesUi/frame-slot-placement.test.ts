import { describe, expect, it } from 'vitest';
import { besideSource, isAfterMoveFrameName } from '../../../client/transition/index.ts';

const card = { w: 240, h: 150 };

describe('placing beside the source when there is no frame', () => {
  it('goes to the right of the source', () => {
    expect(besideSource({ x: 0, y: 0, w: 240, h: 150 }, card, [])).toEqual({ x: 320, y: 0 });
  });

  it('moves down past what is already there', () => {
    const there = [{ x: 320, y: -20, w: 100, h: 100 }, { x: 400, y: 100, w: 100, h: 100 }];
    expect(besideSource({ x: 0, y: 0, w: 240, h: 150 }, card, there)).toEqual({ x: 320, y: 224 });
  });
});

describe('which frame is the 移行後 area', () => {
  it.each([
    ['移行後・提案', true],
    [' 移行後', true],
    ['移行後（案）', true],
    ['現在・移行前', false],
    ['', false],
  ])('%s → %s', (name, expected) => {
    expect(isAfterMoveFrameName(name)).toBe(expected);
  });
});
