/** A box in some coordinate space (a frame's own, or the page's). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FreeSpotOptions {
  /** Space kept between the new box and every other box. */
  gap: number;
  /** Space kept between the new box and the container's edges. */
  padding: number;
}

/** Where the new box goes, and the container height that holds it (≥ the container's own). */
export interface FreeSpot {
  x: number;
  y: number;
  containerH: number;
}

const DEFAULTS: FreeSpotOptions = { gap: 16, padding: 16 };

/** True when two boxes overlap (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function grown(b: Box, by: number): Box {
  return { x: b.x - by, y: b.y - by, w: b.w + 2 * by, h: b.h + 2 * by };
}

/**
 * The first free place for a `size` box inside `container`, read row by row, top to bottom and
 * left to right: candidate corners are the container's padded corner and the right and bottom
 * edges (plus the gap) of the boxes already there, so a box slides in beside or under what is
 * there whatever its size. When nothing fits, the box goes below the lowest box in the
 * container, at its left, and `containerH` says how tall the container must grow.
 */
export function findFreeSpot(container: Box, occupied: readonly Box[], size: { w: number; h: number }, options: Partial<FreeSpotOptions> = {}): FreeSpot {
  const { gap, padding } = { ...DEFAULTS, ...options };
  const left = container.x + padding;
  const top = container.y + padding;
  const right = container.x + container.w - padding;
  const bottom = container.y + container.h - padding;
  const inside = occupied.filter((o) => boxesOverlap(o, container));
  const xs = [left, ...inside.map((o) => o.x + o.w + gap)].filter((x) => x >= left && x + size.w <= right);
  const ys = [top, ...inside.map((o) => o.y + o.h + gap)].filter((y) => y >= top && y + size.h <= bottom);
  const uniq = (v: number[]) => [...new Set(v)].sort((a, b) => a - b);
  for (const y of uniq(ys)) {
    for (const x of uniq(xs)) {
      const slot = grown({ x, y, w: size.w, h: size.h }, gap);
      // The slot, widened by the gap, must be clear; the gap may run into the padding.
      if (!inside.some((o) => boxesOverlap(slot, o))) return { x, y, containerH: container.h };
    }
  }
  const lowest = inside.reduce((m, o) => Math.max(m, o.y + o.h + gap), top);
  const x = size.w <= right - left ? left : container.x;
  return { x, y: lowest, containerH: Math.max(container.h, lowest + size.h + padding - container.y) };
}
