import type { Box } from './freeSpot.ts';

/** What to do with a frame's child after it was moved or resized. */
export type EdgeFit =
  | { kind: 'inside' }
  /** Moved by this much (frame coordinates) to be fully inside. */
  | { kind: 'move-in'; dx: number; dy: number }
  /** Taken out of the frame, where it is on the page. */
  | { kind: 'take-out' };

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * A frame clips its children at its edge, so a shape left across the edge shows cut off.
 * A shape mostly inside (and small enough) is moved fully inside, by the least distance;
 * anything else is taken out of the frame and left where it is. `child` and `frame` in the
 * same coordinates.
 */
export function fitToFrame(child: Box, frame: Box): EdgeFit {
  const dx = Math.max(frame.x - child.x, 0) + Math.min(frame.x + frame.w - (child.x + child.w), 0);
  const dy = Math.max(frame.y - child.y, 0) + Math.min(frame.y + frame.h - (child.y + child.h), 0);
  if (dx === 0 && dy === 0) return { kind: 'inside' };
  const fits = child.w <= frame.w && child.h <= frame.h;
  const mostlyIn = overlapArea(child, frame) * 2 >= child.w * child.h;
  return fits && mostlyIn ? { kind: 'move-in', dx, dy } : { kind: 'take-out' };
}
