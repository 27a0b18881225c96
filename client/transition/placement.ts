/** A box in some coordinate space. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SlotOptions {
  /** Space between the frame's edge and the cards. */
  padding: number;
  /** Space between cards. */
  gap: number;
}

const DEFAULT_SLOTS: SlotOptions = { padding: 24, gap: 24 };
const MAX_ROWS = 500;

/** True when two boxes overlap (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * The next free place for a card inside a frame, in the frame's own coordinates: the grid of
 * card-sized slots is read row by row, left to right, and the first slot that overlaps no
 * existing child wins. Rows continue below the frame when it is full (the caller grows it).
 */
export function nextFreeSlot(frame: { w: number; h: number }, occupied: readonly Rect[], card: { w: number; h: number }, options: Partial<SlotOptions> = {}): { x: number; y: number } {
  const { padding, gap } = { ...DEFAULT_SLOTS, ...options };
  const columns = Math.max(1, Math.floor((frame.w - 2 * padding + gap) / (card.w + gap)));
  for (let row = 0; row < MAX_ROWS; row++) {
    for (let col = 0; col < columns; col++) {
      const slot = { x: padding + col * (card.w + gap), y: padding + row * (card.h + gap), w: card.w, h: card.h };
      if (!occupied.some((o) => overlaps(slot, o))) return { x: slot.x, y: slot.y };
    }
  }
  return { x: padding, y: padding + MAX_ROWS * (card.h + gap) };
}

/** The frame height that holds a card placed at `slot` (never smaller than now). */
export function grownFrameHeight(frameH: number, slot: { y: number }, card: { h: number }, padding = DEFAULT_SLOTS.padding): number {
  return Math.max(frameH, slot.y + card.h + padding);
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
    y = Math.max(...hit.map((o) => o.y + o.h)) + DEFAULT_SLOTS.gap;
  }
  return { x, y };
}

/** True when a frame's name marks it as the 移行後・提案 area. */
export function isAfterMoveFrameName(name: string): boolean {
  return name.normalize('NFKC').trim().startsWith('移行後');
}
