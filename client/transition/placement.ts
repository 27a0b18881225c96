/** A box in some coordinate space. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Space between a card and what it is moved past, and how far down a card is ever moved. */
const GAP = 24;
const MAX_ROWS = 500;

/** True when two boxes overlap (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Where a card goes when there is no 移行後 frame: to the right of its source, moved down
 * past anything already there.
 */
export function besideSource(source: Rect, card: { w: number; h: number }, occupied: readonly Rect[], gap = 80): { x: number; y: number } {
  const x = source.x + source.w + gap;
  let y = source.y;
  for (let i = 0; i < MAX_ROWS; i++) {
    const slot = { x, y, w: card.w, h: card.h };
    const hit = occupied.filter((o) => overlaps(slot, o));
    if (hit.length === 0) return { x, y };
    y = Math.max(...hit.map((o) => o.y + o.h)) + GAP;
  }
  return { x, y };
}

/** True when a frame's name marks it as the 移行後・提案 area. */
export function isAfterMoveFrameName(name: string): boolean {
  return name.normalize('NFKC').trim().startsWith('移行後');
}
