import type { StoredRecord } from '../../shared/doc/index.ts';

/** What a benchmark write carries so every receiver can time and count it. */
export interface BenchStamp {
  /** Send time, `performance.now()` of the bench process (all clients share its clock). */
  t: number;
  /** Write id, unique in the run and increasing per writer. */
  w: number;
  /** Global index of the writing client. */
  c: number;
}

const LABELS = [
  '本人の希望：住み慣れた自宅で暮らし続けたい。日中活動は週3回を継続。',
  '相談支援専門員：65歳到達前に介護保険の要介護認定を申請する段取りを確認。',
  '介護支援専門員：訪問介護と同行援護の併給の可否を市町村に確認する。',
  '家族：夜間の見守りが不安。短期入所の利用も検討したい。',
];

/**
 * A tldraw geo (or note) shape record as the client stores it in `records`: realistic
 * props and rich text, about 500 bytes of JSON, with the bench stamp in `meta`.
 */
export function shapeRecord(opts: { key: string; n: number; stamp?: BenchStamp; kind?: 'geo' | 'note' }): StoredRecord {
  const text = LABELS[opts.n % LABELS.length] as string;
  const richText = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
  const common = {
    id: opts.key,
    typeName: 'shape',
    x: 120 + ((opts.n * 37) % 1400) + (opts.n % 7) * 0.5,
    y: 80 + ((opts.n * 53) % 900) + (opts.n % 5) * 0.25,
    rotation: 0,
    index: `a${(opts.n % 36).toString(36)}V`,
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: opts.stamp ? { bench: opts.stamp } : {},
  };
  if (opts.kind === 'note') {
    return {
      ...common,
      type: 'note',
      props: {
        color: 'yellow', labelColor: 'black', size: 'm', font: 'draw', fontSizeAdjustment: 0, align: 'middle',
        verticalAlign: 'middle', growY: 0, url: '', richText, scale: 1,
        // Required since tldraw 5.4 (the relay validates every record, SPEC D1).
        textLastEditedBy: null,
      },
    };
  }
  return {
    ...common,
    type: 'geo',
    props: {
      geo: 'rectangle', w: 240, h: 120 + (opts.n % 3) * 20, color: 'black', labelColor: 'black', fill: 'semi', dash: 'draw',
      size: 'm', font: 'draw', align: 'middle', verticalAlign: 'middle', growY: 0, url: '', scale: 1,
      flipX: false, flipY: false, richText,
    },
  };
}

/** The bench stamp of a stored value, if it carries one. */
export function stampOf(value: unknown): BenchStamp | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const meta = (value as { meta?: unknown }).meta;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const stamp = (meta as { bench?: unknown }).bench;
  if (typeof stamp !== 'object' || stamp === null) return undefined;
  const s = stamp as Partial<BenchStamp>;
  return typeof s.t === 'number' && typeof s.w === 'number' && typeof s.c === 'number' ? (s as BenchStamp) : undefined;
}
