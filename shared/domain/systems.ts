/**
 * The five systems a case conference moves between. Their colours are the product's
 * visual language (stickies, ecomap lines, legend, minutes), so they are declared once.
 *
 * Palette: blue, orange, dark green, warm grey, violet. Picked so that any two stay apart
 * (CIELAB ΔE ≥ 20) for normal vision and under simulated protanopia, deuteranopia and
 * tritanopia: hue alone would not do (blue and violet merge for deuteranopes), so the
 * colours also differ in lightness. `color` reaches 3:1 on white (WCAG 1.4.11, graphics),
 * `text` 4.5:1 on `tint` and on white (WCAG 1.4.3). インフォーマル is a neutral grey because
 * it is the support outside every system; 共生型 is violet, between 障害 blue and the rest.
 */

export const SYSTEM_IDS = ['shogai', 'kaigo', 'iryo', 'informal', 'kyoseigata'] as const;
export type SystemId = (typeof SYSTEM_IDS)[number];

export interface SystemInfo {
  readonly id: SystemId;
  /** 正式な表示名 */
  readonly label: string;
  /** 凡例・付箋用の短い名前 */
  readonly shortLabel: string;
  readonly labelEn: string;
  /** What it covers, in Japanese, for the legend's tooltip. */
  readonly description: string;
  /** Strokes, borders, legend swatches: ≥ 3:1 on white. */
  readonly color: string;
  /** Light background for cards of this system. */
  readonly tint: string;
  /** Text on `tint` (and on white): ≥ 4.5:1. */
  readonly text: string;
}

export const SYSTEMS = {
  shogai: {
    id: 'shogai',
    label: '障害福祉サービス',
    shortLabel: '障害',
    labelEn: 'Disability welfare services',
    description: '障害者総合支援法・児童福祉法によるサービス（相談支援専門員が計画）',
    color: '#3377DD',
    tint: '#E6EFFB',
    text: '#1A4A94',
  },
  kaigo: {
    id: 'kaigo',
    label: '介護保険サービス',
    shortLabel: '介護',
    labelEn: 'Long-term care insurance services',
    description: '介護保険法によるサービス（介護支援専門員が計画）',
    color: '#DD7711',
    tint: '#FDEEDD',
    text: '#8A4300',
  },
  iryo: {
    id: 'iryo',
    label: '医療',
    shortLabel: '医療',
    labelEn: 'Medical care',
    description: '医療保険・難病法による医療（訪問診療、医療保険の訪問看護、難病医療費助成など）',
    color: '#1B5E20',
    tint: '#E3F1E4',
    text: '#1B5E20',
  },
  informal: {
    id: 'informal',
    label: 'インフォーマル',
    shortLabel: 'インフォーマル',
    labelEn: 'Informal support',
    description: '家族、近隣、ボランティア、保険外の自費サービスなど制度外の支え',
    color: '#7A7268',
    tint: '#F0EEEB',
    text: '#4A443E',
  },
  kyoseigata: {
    id: 'kyoseigata',
    label: '共生型サービス',
    shortLabel: '共生型',
    labelEn: 'Kyōsei-gata (dual-designated) services',
    description: '介護保険と障害福祉の両方の指定を受けた事業所（2018年4月創設）',
    color: '#5E2BD8',
    tint: '#EEE8FB',
    text: '#4A1FB0',
  },
} as const satisfies { readonly [K in SystemId]: SystemInfo & { readonly id: K } };

/** True when `value` is one of the five system ids. */
export function isSystemId(value: unknown): value is SystemId {
  return typeof value === 'string' && (SYSTEM_IDS as readonly string[]).includes(value);
}

/** The system record for an id (always defined: the table covers every id). */
export function systemInfo(id: SystemId): SystemInfo {
  return SYSTEMS[id];
}
