import { SYSTEMS, type SystemId } from '../../shared/domain/systems.ts';
import type { StoredRecord } from '../../shared/doc/index.ts';
import { plainTextOf } from '../../shared/records/index.ts';
import { esc } from './html.ts';

interface Shape extends StoredRecord {
  type: string;
  parentId: string;
  x: number;
  y: number;
  index: string;
  props: Record<string, unknown>;
}

interface Box {
  shape: Shape;
  x: number;
  y: number;
  w: number;
  h: number;
}

const NOTE_FILL = '#fff3b0';

function size(s: Shape): { w: number; h: number } {
  const w = Number(s.props.w);
  const h = Number(s.props.h);
  if (s.type === 'note') return { w: 200, h: 200 };
  if (s.type === 'rb-tie') return { w: Math.abs(Number((s.props.end as { x?: number })?.x ?? 0)), h: Math.abs(Number((s.props.end as { y?: number })?.y ?? 0)) };
  if (Number.isFinite(w) && Number.isFinite(h) && w > 0 && h > 0) return { w, h };
  if (s.type === 'text') return { w: Math.max(40, Number(s.props.w) || 200), h: 30 };
  return { w: 120, h: 40 };
}

function fillOf(s: Shape): { fill: string; stroke: string; label: string } {
  const system = s.props.system as SystemId | undefined;
  const sys = system && system in SYSTEMS ? SYSTEMS[system] : undefined;
  switch (s.type) {
    case 'frame':
      return { fill: 'none', stroke: '#8c959f', label: String(s.props.name ?? '') };
    case 'rb-service':
      return { fill: sys?.tint ?? '#eee', stroke: sys?.color ?? '#555', label: String(s.props.service ?? '') };
    case 'rb-plan':
      return { fill: '#eef3ff', stroke: '#3b5bdb', label: String(s.props.need ?? '') };
    case 'rb-voice':
      return { fill: '#fff0e6', stroke: '#c2410c', label: String(s.props.text ?? '').trim() };
    case 'rb-person':
      return { fill: sys?.tint ?? '#fff', stroke: sys?.color ?? '#333', label: String(s.props.name ?? '') };
    case 'rb-lifeline':
      return { fill: '#f6f8fa', stroke: '#57606a', label: 'ライフステージ' };
    case 'note':
      return { fill: NOTE_FILL, stroke: '#d4a72c', label: plainTextOf(s.props.richText) };
    default:
      return { fill: 'none', stroke: '#8c959f', label: plainTextOf(s.props.richText ?? s.props.text) };
  }
}

/**
 * A schematic picture of a board's first page as SVG, built from its records on the server
 * (frames, cards coloured by system, notes, texts), for the minutes. Not a screenshot:
 * it is what the records say, drawn plainly.
 */
export function boardPictureSvg(records: Iterable<StoredRecord>, opts: { width?: number; pageId?: string; thumbnail?: boolean } = {}): string {
  const all: Shape[] = [];
  let firstPage: { id: string; index: string } | undefined;
  for (const r of records) {
    if (r.typeName === 'page' && (!firstPage || String(r.index) < firstPage.index)) firstPage = { id: r.id, index: String(r.index) };
    if (r.typeName === 'shape') all.push(r as Shape);
  }
  const pageId = opts.pageId ?? firstPage?.id;
  const byId = new Map(all.map((s) => [s.id, s]));
  const abs = new Map<string, { x: number; y: number } | null>();
  const position = (s: Shape): { x: number; y: number } | null => {
    const known = abs.get(s.id);
    if (known !== undefined) return known;
    abs.set(s.id, null); // guards against cycles in malformed documents
    let p: { x: number; y: number } | null = null;
    if (s.parentId === pageId) p = { x: Number(s.x) || 0, y: Number(s.y) || 0 };
    else {
      const parent = byId.get(s.parentId);
      const pp = parent ? position(parent) : null;
      if (pp) p = { x: pp.x + (Number(s.x) || 0), y: pp.y + (Number(s.y) || 0) };
    }
    abs.set(s.id, p);
    return p;
  };
  const boxes: Box[] = [];
  for (const s of all) {
    const p = position(s);
    if (!p || s.type === 'arrow' || s.type === 'draw' || s.type === 'line' || s.type === 'highlight') continue;
    // A thumbnail shows the work, not the template's scaffolding (grid cells, instructions).
    if (opts.thumbnail && s.type !== 'frame' && (s.meta as { rbRole?: unknown } | undefined)?.rbRole === 'guide') continue;
    const { w, h } = size(s);
    boxes.push({ shape: s, x: p.x, y: p.y, w, h });
  }
  if (boxes.length === 0) return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 60" role="img" aria-label="空のボード"><text x="10" y="35" font-size="16">（ボードは空です）</text></svg>';
  const minX = Math.min(...boxes.map((b) => b.x)) - 20;
  const minY = Math.min(...boxes.map((b) => b.y)) - 40;
  const maxX = Math.max(...boxes.map((b) => b.x + b.w)) + 20;
  const maxY = Math.max(...boxes.map((b) => b.y + b.h)) + 20;
  // Frames first, then everything else, so cards are drawn over their frames.
  boxes.sort((a, b) => (a.shape.type === 'frame' ? 0 : 1) - (b.shape.type === 'frame' ? 0 : 1));
  const parts = boxes.map(({ shape, x, y, w, h }) => {
    const { fill, stroke, label } = fillOf(shape);
    const short = label.replace(/\s+/g, ' ').slice(0, shape.type === 'frame' ? 40 : 24);
    if (shape.type === 'rb-tie') return '';
    if (shape.type === 'frame') {
      return `<g><rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="${stroke}" stroke-width="2" rx="6"/><text x="${x + 4}" y="${y - 8}" font-size="22" font-weight="bold" fill="#1f2328">${esc(short)}</text></g>`;
    }
    const fontSize = Math.max(12, Math.min(20, h / 4));
    // Text of cards is unreadable at thumbnail size; the coloured boxes tell the story.
    if (opts.thumbnail) return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}" stroke="${stroke}" stroke-width="4" rx="4"/>`;
    return `<g><rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}" stroke="${stroke}" stroke-width="2" rx="4"/>${short ? `<text x="${x + 6}" y="${y + fontSize + 4}" font-size="${fontSize}" fill="#1f2328">${esc(short)}</text>` : ''}</g>`;
  });
  const vw = maxX - minX;
  const vh = maxY - minY;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${vw} ${vh}" width="${opts.width ?? 1000}" role="img" aria-label="ボードの全体図" font-family="'Noto Sans CJK JP','Noto Sans JP',sans-serif">${parts.join('')}</svg>`;
}
