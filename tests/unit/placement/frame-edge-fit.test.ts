import { describe, expect, it } from 'vitest';
import { fitToFrame } from '../../../shared/placement/frameEdge.ts';

const frame = { x: 0, y: 0, w: 600, h: 400 };

describe('a frame’s child left across its edge', () => {
  it('fully inside stays', () => {
    expect(fitToFrame({ x: 10, y: 10, w: 200, h: 100 }, frame, 16)).toEqual({ kind: 'inside' });
  });

  it('mostly inside moves in by the least distance, keeping the margin from the edge it crossed', () => {
    expect(fitToFrame({ x: 460, y: 40, w: 200, h: 120 }, frame, 16)).toEqual({ kind: 'move-in', dx: -76, dy: 0 });
    expect(fitToFrame({ x: -30, y: 300, w: 200, h: 120 }, frame, 16)).toEqual({ kind: 'move-in', dx: 46, dy: -36 });
  });

  it('mostly outside is taken out', () => {
    expect(fitToFrame({ x: -160, y: 100, w: 200, h: 120 }, frame, 16)).toEqual({ kind: 'take-out' });
  });

  it('larger than the frame is taken out, however much of it is inside', () => {
    expect(fitToFrame({ x: -10, y: -10, w: 620, h: 300 }, frame, 16)).toEqual({ kind: 'take-out' });
  });

  it('a child almost as wide as the frame gets what margin there is', () => {
    expect(fitToFrame({ x: 10, y: 10, w: 590, h: 100 }, { x: 0, y: 0, w: 596, h: 400 }, 16)).toEqual({ kind: 'move-in', dx: -7, dy: 0 });
  });
});
