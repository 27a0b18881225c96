import type { TieDirection, TieKind } from '../../../shared/shapes/index.ts';

export interface Pt {
  x: number;
  y: number;
}

/** How a tie kind is stroked (DOMAIN.md: thick strong, thin ordinary, dashed weak, zigzag stress). */
export interface TieStroke {
  width: number;
  dash: string | null;
  zigzag: boolean;
}

/** The stroke of each tie kind. */
export function tieStroke(kind: TieKind): TieStroke {
  switch (kind) {
    case 'strong':
      return { width: 6, dash: null, zigzag: false };
    case 'normal':
      return { width: 2, dash: null, zigzag: false };
    case 'weak':
      return { width: 2, dash: '8 6', zigzag: false };
    case 'stress':
      return { width: 2, dash: null, zigzag: true };
  }
}

/**
 * The points of a zigzag from `start` to `end`: straight ends, and between them peaks that
 * alternate `amplitude` either side of the line, about one every `wavelength / 2`.
 */
export function zigzagPoints(start: Pt, end: Pt, amplitude = 7, wavelength = 16): Pt[] {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const len = Math.hypot(dx, dy);
  const peaks = Math.floor(len / (wavelength / 2)) - 1;
  if (peaks < 1) return [start, end];
  const ux = dx / len;
  const uy = dy / len;
  // The unit normal: the line turned a quarter to the left.
  const nx = -uy;
  const ny = ux;
  const step = len / (peaks + 1);
  const out: Pt[] = [start];
  for (let i = 1; i <= peaks; i++) {
    const side = i % 2 === 1 ? 1 : -1;
    out.push({ x: start.x + ux * step * i + nx * amplitude * side, y: start.y + uy * step * i + ny * amplitude * side });
  }
  out.push(end);
  return out;
}

/** An arrowhead at `tip`, pointing away from `from`: the triangle's three corners. */
export function arrowHead(tip: Pt, from: Pt, size = 14, spread = Math.PI / 7): Pt[] {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
  const corner = (a: number): Pt => ({ x: tip.x - size * Math.cos(a), y: tip.y - size * Math.sin(a) });
  return [corner(angle - spread), tip, corner(angle + spread)];
}

/** The arrowheads a tie shows for its direction of support. */
export function tieArrowHeads(direction: TieDirection, start: Pt, end: Pt, size = 14): Pt[][] {
  if (Math.hypot(end.x - start.x, end.y - start.y) < 1) return [];
  const heads: Pt[][] = [];
  if (direction === 'forward' || direction === 'both') heads.push(arrowHead(end, start, size));
  if (direction === 'backward' || direction === 'both') heads.push(arrowHead(start, end, size));
  return heads;
}

/** The middle of a tie, where its label goes. */
export function tieMidpoint(start: Pt, end: Pt): Pt {
  return { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
}

/** SVG path data through points. */
export function pointsToPath(points: readonly Pt[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' ');
}

/** The start and end a dragged handle gives: the end moves freely; moving the start moves the origin. */
export function dragTieHandle(handle: 'start' | 'end', to: Pt, end: Pt): { origin: Pt; end: Pt } {
  if (handle === 'end') return { origin: { x: 0, y: 0 }, end: { x: to.x, y: to.y } };
  return { origin: { x: to.x, y: to.y }, end: { x: end.x - to.x, y: end.y - to.y } };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
