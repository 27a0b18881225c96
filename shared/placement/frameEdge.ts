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
 * same coordinates; a shape moved in keeps up to `margin` from the edge.
 */
export function fitToFrame(child: Box, frame: Box, margin = 0): EdgeFit {
  const inside = child.x >= frame.x && child.y >= frame.y && child.x + child.w <= frame.x + frame.w && child.y + child.h <= frame.y + frame.h;
  if (inside) return { kind: 'inside' };
  // Moved in, it keeps `margin` from the edge it crossed (when the frame is wide enough).
  const m = Math.max(0, Math.min(margin, (frame.w - child.w) / 2, (frame.h - child.h) / 2));
  const room = { x: frame.x + m, y: frame.y + m, w: frame.w - 2 * m, h: frame.h - 2 * m };
  const dx = Math.max(room.x - child.x, 0) + Math.min(room.x + room.w - (child.x + child.w), 0);
  const dy = Math.max(room.y - child.y, 0) + Math.min(room.y + room.h - (child.y + child.h), 0);
  const fits = child.w <= frame.w && child.h <= frame.h;
  const mostlyIn = overlapArea(child, frame) * 2 >= child.w * child.h;
  return fits && mostlyIn ? { kind: 'move-in', dx, dy } : { kind: 'take-out' };
}
