import type { StoredRecord } from '../doc/index.ts';
import { plainTextOf } from '../records/richText.ts';

/** One part of the case as a participant reads it in 個人ワーク: a frame's name and its texts. */
export interface CaseSection {
  id: string;
  title: string;
  texts: string[];
}

interface ShapeLike {
  id: string;
  type: string;
  parentId: string;
  x: number;
  y: number;
  index: string;
  props: Record<string, unknown>;
}

function asShape(r: StoredRecord): ShapeLike | undefined {
  if (r.typeName !== 'shape' || typeof r.type !== 'string' || typeof r.parentId !== 'string') return undefined;
  const props = typeof r.props === 'object' && r.props !== null ? (r.props as Record<string, unknown>) : {};
  return { id: r.id, type: r.type, parentId: r.parentId, x: Number(r.x) || 0, y: Number(r.y) || 0, index: typeof r.index === 'string' ? r.index : '', props };
}

/** The text a shape shows: rich text or text, and for a 本人カード who recorded it. */
function textOf(s: ShapeLike): string {
  const main = plainTextOf(s.props.richText ?? s.props.text ?? '').trim();
  const by = typeof s.props.recordedBy === 'string' ? s.props.recordedBy.trim() : '';
  return by && main ? `${main}\n— ${by}` : main;
}

/** Top to bottom, then left to right: the order a reader goes through a page. */
function readingOrder(a: ShapeLike, b: ShapeLike): number {
  return a.y - b.y || a.x - b.x || (a.index < b.index ? -1 : a.index > b.index ? 1 : 0);
}

/**
 * The case on a group's board as text to read beside private notes (step ① 「一人で事例を読む」):
 * the texts on the page outside any frame first (heading, how-to), then each frame in reading
 * order with the texts of the shapes in it (nested ones included). Frames without text are
 * left out; nothing here writes to the board.
 */
export function caseSections(records: Iterable<StoredRecord>, pageName = ''): CaseSection[] {
  const shapes: ShapeLike[] = [];
  for (const r of records) {
    const s = asShape(r);
    if (s) shapes.push(s);
  }
  const byId = new Map(shapes.map((s) => [s.id, s]));
  const children = new Map<string, ShapeLike[]>();
  for (const s of shapes) children.set(s.parentId, [...(children.get(s.parentId) ?? []), s]);
  const textsUnder = (parentId: string, depth = 0): string[] => {
    if (depth > 64) return [];
    const out: string[] = [];
    for (const c of (children.get(parentId) ?? []).sort(readingOrder)) {
      if (c.type !== 'frame') {
        const t = textOf(c);
        if (t) out.push(t);
      }
      out.push(...textsUnder(c.id, depth + 1));
    }
    return out;
  };
  const onPage = shapes.filter((s) => !byId.has(s.parentId)).sort(readingOrder);
  const sections: CaseSection[] = [];
  const loose = onPage.filter((s) => s.type !== 'frame').map(textOf).filter((t) => t.length > 0);
  if (loose.length > 0) sections.push({ id: 'page', title: pageName, texts: loose });
  for (const f of onPage.filter((s) => s.type === 'frame')) {
    const texts = textsUnder(f.id);
    if (texts.length > 0) sections.push({ id: f.id, title: typeof f.props.name === 'string' ? f.props.name : '', texts });
  }
  return sections;
}
