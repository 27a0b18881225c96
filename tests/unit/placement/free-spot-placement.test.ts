import { describe, expect, it } from 'vitest';
import { boxesOverlap, findFreeSpot, type Box } from '../../../shared/placement/freeSpot.ts';
import { HOME_FRAME, frameNameIs, laneFor, laneSystemOf } from '../../../shared/placement/frames.ts';

const card = { w: 100, h: 50 };
const opts = { gap: 10, padding: 10 };

function at(spot: { x: number; y: number }): Box {
  return { ...spot, ...card };
}

describe('findFreeSpot', () => {
  it('puts the first box at the padded top-left corner', () => {
    expect(findFreeSpot({ x: 0, y: 0, w: 500, h: 300 }, [], card, opts)).toEqual({ x: 10, y: 10, containerH: 300 });
  });

  it('fills a row left to right, then the next row, never overlapping', () => {
    const container = { x: 0, y: 0, w: 340, h: 300 };
    const placed: Box[] = [];
    for (let i = 0; i < 5; i++) placed.push(at(findFreeSpot(container, placed, card, opts)));
    expect(placed.map((b) => [b.x, b.y])).toEqual([[10, 10], [120, 10], [230, 10], [10, 70], [120, 70]]);
    for (const a of placed) for (const b of placed) if (a !== b) expect(boxesOverlap(a, b)).toBe(false);
  });

  it('slides beside and below irregular content such as a frame guide', () => {
    const guide = { x: 10, y: 10, w: 480, h: 40 };
    const spot = findFreeSpot({ x: 0, y: 0, w: 500, h: 300 }, [guide], card, opts);
    expect(spot).toEqual({ x: 10, y: 60, containerH: 300 });
  });

  it('works in a container that is not at the origin (a column inside a frame)', () => {
    const lane = { x: 400, y: 100, w: 150, h: 400 };
    const header = { x: 400, y: 100, w: 150, h: 40 };
    const other = { x: 10, y: 10, w: 300, h: 300 };
    expect(findFreeSpot(lane, [header, other], card, opts)).toEqual({ x: 410, y: 150, containerH: 400 });
  });

  it('goes below the lowest box and says how tall the container must grow when full', () => {
    const container = { x: 0, y: 0, w: 120, h: 140 };
    const full = [{ x: 10, y: 10, w: 100, h: 50 }, { x: 10, y: 70, w: 100, h: 50 }];
    const spot = findFreeSpot(container, full, card, opts);
    expect(spot).toEqual({ x: 10, y: 130, containerH: 190 });
    expect(full.some((b) => boxesOverlap(b, at(spot)))).toBe(false);
  });

  it('ignores boxes outside the container', () => {
    expect(findFreeSpot({ x: 0, y: 0, w: 200, h: 200 }, [{ x: 500, y: 0, w: 100, h: 100 }], card, opts)).toEqual({ x: 10, y: 10, containerH: 200 });
  });
});

describe('home frames and columns', () => {
  it('sends each kind to its template frame', () => {
    expect(HOME_FRAME['rb-service']).toBe('services');
    expect(HOME_FRAME['rb-voice']).toBe('voices');
    expect(HOME_FRAME['rb-plan']).toBe('proposals');
    expect(HOME_FRAME['geo']).toBeUndefined();
  });

  it('finds frames by name, 移行後 by its prefix', () => {
    expect(frameNameIs('現在のサービス', 'services')).toBe(true);
    expect(frameNameIs('移行後の案', 'proposals')).toBe(true);
    expect(frameNameIs('本人の思い（追記）', 'voices')).toBe(true);
    expect(frameNameIs('エコマップ', 'voices')).toBe(false);
  });

  it('reads a column\'s system from its id; 共生型 sits with 障害福祉', () => {
    expect(laneSystemOf('shape:lane-kaigo')).toBe('kaigo');
    expect(laneSystemOf('shape:lane-kaigo-header')).toBeUndefined();
    expect(laneFor('kyoseigata')).toBe('shogai');
    expect(laneFor('iryo')).toBe('iryo');
  });
});
