import { describe, expect, it } from 'vitest';
import { arrowHead, dragTieHandle, pointsToPath, tieArrowHeads, tieStroke, zigzagPoints } from '../../../client/shapes/ecomapTie/tieGeometry.ts';

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('tie strokes follow DOMAIN.md', () => {
  it('strong is thicker than normal, weak is dashed, stress is a zigzag', () => {
    expect(tieStroke('strong').width).toBeGreaterThan(tieStroke('normal').width);
    expect(tieStroke('weak').dash).not.toBeNull();
    expect(tieStroke('normal').dash).toBeNull();
    expect(tieStroke('stress').zigzag).toBe(true);
    expect(tieStroke('normal').zigzag).toBe(false);
  });
});

describe('zigzag points', () => {
  it('start and end on the tie, peaks alternating either side at the amplitude', () => {
    const pts = zigzagPoints({ x: 0, y: 0 }, { x: 160, y: 0 }, 7, 16);
    expect(pts[0]).toEqual({ x: 0, y: 0 });
    expect(pts[pts.length - 1]).toEqual({ x: 160, y: 0 });
    const peaks = pts.slice(1, -1);
    expect(peaks.length).toBe(160 / 8 - 1);
    peaks.forEach((p, i) => {
      expect(Math.abs(p.y)).toBeCloseTo(7);
      expect(Math.sign(p.y)).toBe(i % 2 === 0 ? 1 : -1);
    });
    // Evenly spaced along the line.
    const xs = peaks.map((p) => p.x);
    xs.slice(1).forEach((x, i) => expect(x - xs[i]!).toBeCloseTo(8));
  });

  it('peaks stay perpendicular to a slanted tie', () => {
    const start = { x: 10, y: 10 };
    const end = { x: 10 + 60, y: 10 + 80 };
    const pts = zigzagPoints(start, end, 5, 20);
    for (const p of pts.slice(1, -1)) {
      // Distance from the line through start and end equals the amplitude.
      const cross = Math.abs((end.x - start.x) * (p.y - start.y) - (end.y - start.y) * (p.x - start.x)) / dist(start, end);
      expect(cross).toBeCloseTo(5);
    }
  });

  it('a tie too short for a peak stays straight', () => {
    expect(zigzagPoints({ x: 0, y: 0 }, { x: 10, y: 0 }, 7, 16)).toEqual([{ x: 0, y: 0 }, { x: 10, y: 0 }]);
    expect(zigzagPoints({ x: 0, y: 0 }, { x: 0, y: 0 })).toHaveLength(2);
  });
});

describe('arrowheads', () => {
  it('point at the tip, away from where the line comes from', () => {
    const [a, tip, b] = arrowHead({ x: 100, y: 0 }, { x: 0, y: 0 }, 10);
    expect(tip).toEqual({ x: 100, y: 0 });
    expect(a!.x).toBeLessThan(100);
    expect(b!.x).toBeLessThan(100);
    expect(a!.y).toBeCloseTo(-b!.y);
  });

  it('one per direction of support', () => {
    const s = { x: 0, y: 0 };
    const e = { x: 100, y: 0 };
    expect(tieArrowHeads('none', s, e)).toHaveLength(0);
    expect(tieArrowHeads('forward', s, e).map((h) => h[1])).toEqual([e]);
    expect(tieArrowHeads('backward', s, e).map((h) => h[1])).toEqual([s]);
    expect(tieArrowHeads('both', s, e)).toHaveLength(2);
    expect(tieArrowHeads('both', s, s)).toHaveLength(0);
  });
});

describe('dragging the handles', () => {
  it('the end handle moves the end; the start handle moves the origin and keeps the end in place', () => {
    expect(dragTieHandle('end', { x: 30, y: 40 }, { x: 200, y: 0 })).toEqual({ origin: { x: 0, y: 0 }, end: { x: 30, y: 40 } });
    expect(dragTieHandle('start', { x: 50, y: -10 }, { x: 200, y: 0 })).toEqual({ origin: { x: 50, y: -10 }, end: { x: 150, y: 10 } });
  });
});

it('path data', () => {
  expect(pointsToPath([{ x: 0, y: 0 }, { x: 1.234, y: 5 }])).toBe('M0,0 L1.23,5');
});
