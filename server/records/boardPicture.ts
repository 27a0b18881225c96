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
      return { fill: sys?.tint ?? '#eee', stroke: sys?.color ?? '#555', label: [s.props.service, s.props.provider, s.props.amount].map((v) => String(v ?? '').trim()).filter(Boolean).join('\n') };
    case 'rb-basic-info':
      return { fill: '#f6f8fa', stroke: '#424a53', label: `基本情報\n${String(s.props.name ?? '')}` };
    case 'rb-meeting': {
      const d = (s.props.details ?? {}) as { date?: string; conclusion?: string };
      return { fill: '#f5f8ff', stroke: '#3b5bdb', label: ['会議の要点', d.date ?? '', d.conclusion ?? ''].filter(Boolean).join('\n') };
    }
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

/** Wrap a label into lines that fit `w` at `fontSize` (a CJK character is about one em wide), at most `maxLines`. */
function wrapLabel(label: string, w: number, fontSize: number, maxLines: number): string[] {
  const perLine = Math.max(2, Math.floor((w - 12) / (fontSize * 1.0)));
  const out: string[] = [];
  for (const para of label.split('\n')) {
    const chars = [...para.trim()];
    if (chars.length === 0) continue;
    for (let i = 0; i < chars.length; i += perLine) out.push(chars.slice(i, i + perLine).join(''));
  }
  if (out.length > maxLines) {
    const kept = out.slice(0, Math.max(1, maxLines));
    kept[kept.length - 1] = `${[...(kept[kept.length - 1] ?? '')].slice(0, perLine - 1).join('')}…`;
    return kept;
  }
  return out;
}

/** The ids of a frame and of every shape inside it (at any depth). */
function insideFrame(frameId: string, all: readonly Shape[]): Set<string> {
  const children = new Map<string, Shape[]>();
  for (const s of all) children.set(s.parentId, [...(children.get(s.parentId) ?? []), s]);
  const out = new Set<string>([frameId]);
  const stack = [frameId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const c of children.get(id) ?? []) {
      if (out.has(c.id)) continue; // a cycle in a malformed document
      out.add(c.id);
      stack.push(c.id);
    }
  }
  return out;
}

/**
 * A schematic picture of a board's first page as SVG, built from its records on the server
 * (frames, cards coloured by system, notes, texts), for the minutes. Not a screenshot:
 * it is what the records say, drawn plainly.
 */
export function boardPictureSvg(records: Iterable<StoredRecord>, opts: { width?: number; pageId?: string; thumbnail?: boolean; frameId?: string } = {}): string {
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
  const only = opts.frameId ? insideFrame(opts.frameId, all) : undefined;
  const boxes: Box[] = [];
  for (const s of all) {
    if (only && !only.has(s.id)) continue;
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
    // The whole board's picture names each shape by its first line (a service card by its service).
    const short = (shape.type === 'frame' || shape.type === 'note' || shape.type === 'rb-voice' ? label : (label.split('\n')[0] ?? '')).replace(/\s+/g, ' ').slice(0, shape.type === 'frame' ? 40 : 24);
    if (shape.type === 'rb-tie') return '';
    if (shape.type === 'frame') {
      return `<g><rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="${stroke}" stroke-width="2" rx="6"/><text x="${x + 4}" y="${y - 8}" font-size="22" font-weight="bold" fill="#1f2328">${esc(short)}</text></g>`;
    }
    // Text of cards is unreadable at thumbnail size; the coloured boxes tell the story.
    if (opts.thumbnail) return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}" stroke="${stroke}" stroke-width="4" rx="4"/>`;
    // A frame's own picture is printed large enough to read: labels wrap inside their shape.
    if (only) {
      const fontSize = Math.max(14, Math.min(22, h / 5));
      const guide = (shape.meta as { rbRole?: unknown } | undefined)?.rbRole === 'guide';
      const lines = wrapLabel(label, w, fontSize, Math.max(1, Math.floor((h - 8) / (fontSize * 1.25))));
      const text = lines.length
        ? `<text x="${x + 6}" y="${y + fontSize + 4}" font-size="${fontSize}" fill="${guide ? '#57606a' : '#1f2328'}">${lines.map((l, i) => `<tspan x="${x + 6}" dy="${i === 0 ? 0 : fontSize * 1.25}">${esc(l)}</tspan>`).join('')}</text>`
        : '';
      return `<g><rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${guide && fill === 'none' ? 'none' : fill}" stroke="${stroke}" stroke-width="2" rx="4"/>${text}</g>`;
    }
    const fontSize = Math.max(12, Math.min(20, h / 4));
    return `<g><rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}" stroke="${stroke}" stroke-width="2" rx="4"/>${short ? `<text x="${x + 6}" y="${y + fontSize + 4}" font-size="${fontSize}" fill="#1f2328">${esc(short)}</text>` : ''}</g>`;
  });
  const vw = maxX - minX;
  const vh = maxY - minY;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${vw} ${vh}" width="${opts.width ?? 1000}" role="img" aria-label="${only ? 'ボードの枠の図' : 'ボードの全体図'}" font-family="'Noto Sans CJK JP','Noto Sans JP',sans-serif">${parts.join('')}</svg>`;
}
