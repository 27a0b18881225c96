import { describe, expect, it } from 'vitest';
import { besideSource, grownFrameHeight, isAfterMoveFrameName, nextFreeSlot } from '../../../client/transition/index.ts';

const card = { w: 240, h: 150 };

describe('the next free slot in the 移行後 frame', () => {
  it('starts at the padded top-left of an empty frame', () => {
    expect(nextFreeSlot({ w: 800, h: 400 }, [], card)).toEqual({ x: 24, y: 24 });
  });

  it('reads row by row, left to right, skipping taken slots', () => {
    const taken = [
      { x: 24, y: 24, w: 240, h: 150 },
      { x: 288, y: 24, w: 240, h: 150 },
    ];
    // Three columns fit in 24 + 3 × 240 + 2 × 24 + 24 = 816.
    expect(nextFreeSlot({ w: 816, h: 400 }, taken, card)).toEqual({ x: 552, y: 24 });
    expect(nextFreeSlot({ w: 560, h: 400 }, taken, card)).toEqual({ x: 24, y: 198 });
  });

  it('avoids a child placed anywhere, not only on the grid', () => {
    expect(nextFreeSlot({ w: 300, h: 400 }, [{ x: 100, y: 100, w: 20, h: 20 }], card)).toEqual({ x: 24, y: 198 });
  });

  it('has at least one column in a frame narrower than a card', () => {
    expect(nextFreeSlot({ w: 100, h: 100 }, [], card)).toEqual({ x: 24, y: 24 });
  });

  it('grows the frame only when the card would overflow it', () => {
    expect(grownFrameHeight(400, { y: 24 }, card)).toBe(400);
    expect(grownFrameHeight(200, { y: 198 }, card)).toBe(198 + 150 + 24);
  });
});

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
