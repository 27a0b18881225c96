import type { TLShapeId } from '@tldraw/tlschema';
import { FIRST_PAGE_ID, GUIDE_META, type ShapeSet } from './records.ts';
import { FRAME_GUIDES } from './texts.ts';
import { frameProps, geoProps, labelHeight } from './styles.ts';

/** The frames of a case-conference board, in reading order. */
export const FRAME_KEYS = ['summary', 'voices', 'life', 'services', 'proposals', 'weekly', 'ecomap', 'handover', 'questions'] as const;
export type FrameKey = (typeof FRAME_KEYS)[number];

/**
 * Frame names. Other modules find frames by name: the transition helper by 「移行後」, the
 * minutes' open questions by 「論点」 (shared/records/extract.ts), so those stay prefixes.
 */
export const FRAME_NAMES = {
  summary: '事例概要',
  voices: '本人の思い',
  life: 'ライフステージ',
  services: '現在のサービス',
  proposals: '移行後・提案',
  weekly: '週間サービス計画',
  ecomap: 'エコマップ',
  handover: '引継ぎ情報',
  questions: '論点・行政への確認事項',
} as const satisfies Record<FrameKey, string>;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

// Three columns by three rows, read left to right: the person first (概要, 思い, 生涯), then
// services now and after with the people around them, then the forms that feed both plans.
// Gaps leave room for tldraw's frame headings and for stickies put beside a frame.
const COLUMNS = [
  { x: 0, w: 1600 },
  { x: 1700, w: 1400 },
  { x: 3200, w: 1400 },
] as const;
const ROWS = [
  { y: 360, h: 1000 },
  { y: 1480, h: 1400 },
  { y: 3000, h: 1450 },
] as const;

function cell(col: 0 | 1 | 2, row: 0 | 1 | 2): Rect {
  const c = COLUMNS[col];
  const r = ROWS[row];
  return { x: c.x, y: r.y, w: c.w, h: r.h };
}

/** Where each frame sits on the page. */
export const FRAME_LAYOUT: Record<FrameKey, Rect> = {
  summary: cell(0, 0),
  voices: cell(1, 0),
  life: cell(2, 0),
  services: cell(0, 1),
  proposals: cell(1, 1),
  ecomap: cell(2, 1),
  weekly: cell(0, 2),
  handover: cell(1, 2),
  questions: cell(2, 2),
};

/** Width of the whole layout, for page-level headings. */
export const LAYOUT_WIDTH = COLUMNS[2].x + COLUMNS[2].w;

/** The y where the frames start; page headings go above it. */
export const LAYOUT_TOP = ROWS[0].y;

/** Short instructions shown at the top of each frame (やさしい日本語; English in FRAME_GUIDES). */
export const DEFAULT_FRAME_GUIDES: Record<FrameKey, string> = Object.fromEntries(
  FRAME_KEYS.map((k) => [k, FRAME_GUIDES[k].ja]),
) as Record<FrameKey, string>;

/** A frame on the page, and where its own content may start (below its guide). */
export interface FrameHandle {
  id: TLShapeId;
  key: FrameKey;
  w: number;
  h: number;
  /** First free y inside the frame. */
  top: number;
}

/** Side margin inside a frame. */
export const FRAME_MARGIN = 20;

/** Add the nine frames, each with its instruction line; returns them by key. */
export function addStandardFrames(set: ShapeSet, guides: Partial<Record<FrameKey, string>> = {}): Record<FrameKey, FrameHandle> {
  const out = {} as Record<FrameKey, FrameHandle>;
  for (const key of FRAME_KEYS) {
    const { x, y, w, h } = FRAME_LAYOUT[key];
    const id = set.add(`frame-${key}`, 'frame', FIRST_PAGE_ID, { x, y }, frameProps(FRAME_NAMES[key], w, h));
    const text = guides[key] ?? DEFAULT_FRAME_GUIDES[key];
    const gw = w - 2 * FRAME_MARGIN;
    const gh = labelHeight(text, gw);
    set.add(`${key}-guide`, 'geo', id, { x: FRAME_MARGIN, y: 12 }, geoProps({ w: gw, h: gh, text, dash: 'none', labelColor: 'grey' }), { meta: GUIDE_META });
    out[key] = { id, key, w, h, top: 12 + gh + 12 };
  }
  return out;
}
