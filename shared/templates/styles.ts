import { toRichText, type TLFrameShape, type TLGeoShape, type TLNoteShape, type TLTextShape } from '@tldraw/tlschema';
import type { SystemId } from '../domain/systems.ts';

// Props of tldraw's default shapes, spelled out here because their defaults live in the
// React ShapeUtils (`tldraw`), which shared code must not import. The values match those
// ShapeUtils' getDefaultProps in tldraw 5.4; the schema validates every record in tests.

type Color = TLGeoShape['props']['color'];
type Size = TLGeoShape['props']['size'];

/** The tldraw colour closest to each system's palette colour (shared/domain/systems.ts). */
export const SYSTEM_TLDRAW_COLORS: Record<SystemId, Color> = {
  shogai: 'blue',
  kaigo: 'orange',
  iryo: 'green',
  informal: 'grey',
  kyoseigata: 'violet',
};

export interface GeoOptions {
  w: number;
  h: number;
  text?: string;
  geo?: TLGeoShape['props']['geo'];
  color?: Color;
  labelColor?: Color;
  fill?: TLGeoShape['props']['fill'];
  dash?: TLGeoShape['props']['dash'];
  size?: Size;
  align?: TLGeoShape['props']['align'];
  verticalAlign?: TLGeoShape['props']['verticalAlign'];
}

/** Props of a geo shape (a box, a cell, a block of text with a fixed size). */
export function geoProps(o: GeoOptions): TLGeoShape['props'] {
  return {
    geo: o.geo ?? 'rectangle',
    dash: o.dash ?? 'solid',
    url: '',
    w: o.w,
    h: o.h,
    growY: 0,
    scale: 1,
    flipX: false,
    flipY: false,
    labelColor: o.labelColor ?? 'black',
    color: o.color ?? 'black',
    fill: o.fill ?? 'none',
    size: o.size ?? 's',
    font: 'sans',
    align: o.align ?? 'start',
    verticalAlign: o.verticalAlign ?? 'start',
    richText: toRichText(o.text ?? ''),
  };
}

/** Props of a sticky note; `scale` enlarges the fixed 200×200 note. */
export function noteProps(text: string, o: { color?: Color; scale?: number; size?: Size } = {}): TLNoteShape['props'] {
  return {
    color: o.color ?? 'yellow',
    labelColor: 'black',
    size: o.size ?? 's',
    font: 'sans',
    fontSizeAdjustment: 1,
    align: 'start',
    verticalAlign: 'start',
    growY: 0,
    url: '',
    richText: toRichText(text),
    scale: o.scale ?? 1,
    textLastEditedBy: null,
  };
}

/** Props of a free text shape of a fixed width. */
export function textProps(text: string, o: { w: number; size?: Size; color?: Color }): TLTextShape['props'] {
  return {
    color: o.color ?? 'black',
    size: o.size ?? 'm',
    w: o.w,
    font: 'sans',
    textAlign: 'start',
    autoSize: false,
    scale: 1,
    richText: toRichText(text),
  };
}

/** Props of a frame. */
export function frameProps(name: string, w: number, h: number): TLFrameShape['props'] {
  return { w, h, name, color: 'black' };
}

/** Side length of a note at scale 1 (tldraw's NOTE_SIZE). */
export const NOTE_SIZE = 200;

// Label metrics of tldraw 5's default theme: base 16px, label sizes ×1.125/1.375/1.625/2,
// line height 1.35, padding 16 on every side.
const LABEL_PX: Record<Size, number> = { s: 18, m: 22, l: 26, xl: 32 };
const LINE_HEIGHT = 1.35;
const LABEL_PADDING = 16;
// Japanese line breaking (kinsoku) and font differences cost some width: plan for less.
const WIDTH_SLACK = 0.9;

function charWidth(ch: string, px: number): number {
  const code = ch.codePointAt(0) ?? 0;
  // Half-width: ASCII and half-width katakana; everything else is drawn full-width.
  return code < 0x2000 || (code >= 0xff61 && code <= 0xff9f) ? px * 0.6 : px;
}

/** The height a geo label of `text` needs at width `w` (generous, so boxes do not overflow). */
export function labelHeight(text: string, w: number, size: Size = 's'): number {
  const px = LABEL_PX[size];
  const usable = (w - 2 * LABEL_PADDING) * WIDTH_SLACK;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let width = 0;
    for (const ch of paragraph) width += charWidth(ch, px);
    lines += Math.max(1, Math.ceil(width / usable));
  }
  return Math.ceil(lines * px * LINE_HEIGHT + 2 * LABEL_PADDING);
}

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** 'YYYY-MM-DD' as 「2026年5月19日」, with the weekday when asked (「2026年4月13日（月）」). */
export function jaDate(iso: string, withWeekday = false): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const base = `${y}年${m}月${d}日`;
  if (!withWeekday) return base;
  // A UTC date: no local time zone can move the weekday.
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${base}（${weekday}）`;
}
