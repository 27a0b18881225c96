/**
 * What the 相談支援専門員 passes to the 介護支援専門員 (DOMAIN.md "The handover", from the
 * seed's exercise 「情報連携（引継ぎ）」), and the 新高額障害福祉サービス等給付費 conditions.
 * The refund is decided by the municipality on the person's application: the board lists
 * the conditions as checks to make, it never evaluates them.
 */

import type { KaigoServiceName, ShogaiServiceName } from './services.ts';

export interface ChecklistItem {
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
  /** A prompt for the meeting, in Japanese. */
  readonly hint: string;
}

export const HANDOVER_ITEMS = [
  { id: 'life-history', label: '本人の生活歴と意向（本人の言葉で）', labelEn: "Life history and wishes, in the person's own words",
    hint: '本人の言葉をそのまま記録し、専門職のまとめと混ぜない' },
  { id: 'directing-helpers', label: '本人のヘルパーへの指示の仕方', labelEn: 'How the person directs their helpers',
    hint: '障害福祉では本人の指示で動き、介護保険では手順書に沿う。その違いをどう埋めるか' },
  { id: 'services', label: '利用中のサービス（支給量・事業所・それぞれで実現していること）', labelEn: 'Services in use: amounts, providers, what each achieves',
    hint: 'サービス名だけでなく、そのサービスで本人が何を実現しているか' },
  { id: 'loss-and-continuity', label: '移行で失われるもの・続くもの', labelEn: 'What the move loses and what continues',
    hint: '楽しみのための外出、長時間の見守りなど、狭い方への移行で失われるものを見えるようにする' },
  { id: 'money', label: '費用（これまでの負担と介護保険の利用者負担）', labelEn: 'Money: past costs and the LTC co-payment',
    hint: 'これまでの多くは実質無料。介護保険では利用者負担がある。新高額障害福祉サービス等給付費の確認' },
  { id: 'family-informal', label: '家族・インフォーマルな支援', labelEn: 'Family and informal support', hint: '誰が、いつ、何を支えているか' },
  { id: 'medical', label: '医療（難病の場合は保健師）', labelEn: 'Medical care (and the public health nurse for intractable diseases)',
    hint: '主治医、訪問看護（医療保険か介護保険か）、保健師の所属と役割' },
  { id: 'municipal-desks', label: '関わる行政の窓口', labelEn: 'Municipal desks involved', hint: '障害福祉課と介護保険課（担当者名と連絡先）' },
  { id: 'undecided', label: 'まだ決まっていないこと', labelEn: 'What is still undecided', hint: '誰が、いつまでに確認するか' },
] as const satisfies readonly ChecklistItem[];
export type HandoverItemId = (typeof HANDOVER_ITEMS)[number]['id'];

/** The 介護保険 services whose co-payment the refund can cover (DOMAIN.md). */
export const HIGH_COST_REFUND_LTC_SERVICES = [
  '訪問介護',
  '通所介護',
  '地域密着型通所介護',
  '短期入所生活介護',
  '小規模多機能型居宅介護',
] as const satisfies readonly KaigoServiceName[];

/** The 障害福祉 services whose use in the 5 years before 65 the refund requires (DOMAIN.md). */
export const HIGH_COST_REFUND_PRIOR_SERVICES = [
  '居宅介護',
  '重度訪問介護',
  '生活介護',
  '短期入所',
] as const satisfies readonly ShogaiServiceName[];

export const HIGH_COST_REFUND = {
  label: '新高額障害福祉サービス等給付費',
  labelEn: 'Refund of LTC co-payments for long-term disability-service users (2018)',
  note: '本人が市町村に申請する。ボードは要件を判定せず、確認する項目として示す。',
  conditions: [
    { id: 'prior-services', label: '65歳になる前に引き続き5年間、居宅介護・重度訪問介護・生活介護・短期入所の支給決定を受けていた',
      labelEn: 'Had 居宅介護, 重度訪問介護, 生活介護 or 短期入所 continuously for the 5 years before 65',
      hint: '支給決定の期間を障害福祉課に確認する（入院などで途切れた期間の扱いも確かめる）' },
    { id: 'income', label: '本人と配偶者が、65歳になる前日の属する年度と申請の時の両方で、市町村民税非課税または生活保護',
      labelEn: 'Person and spouse exempt from residence tax (or on public assistance) in the year of the day before 65, and again at application',
      hint: '二つの時点の課税状況を確認する' },
    { id: 'support-level', label: '65歳になる前日に障害支援区分2以上だった',
      labelEn: 'Disability support level 2 or higher on the day before 65', hint: '障害支援区分の認定を確認する' },
    { id: 'no-ltc-before-65', label: '65歳になるまで介護保険のサービスを利用していない',
      labelEn: 'No LTC insurance services used before 65', hint: '第2号被保険者としての利用がないか確認する' },
    { id: 'ltc-services', label: '65歳以降に訪問介護・通所介護・地域密着型通所介護・短期入所生活介護・小規模多機能型居宅介護を利用している',
      labelEn: 'Uses one of the five covered LTC services after 65',
      hint: '払い戻しの対象はこの五つの利用者負担だけ（ほかの介護保険サービスの負担は数えない）' },
    { id: 'application', label: '本人が市町村に申請した', labelEn: 'The person has applied to the municipality', hint: '申請の時期と窓口を確認する' },
  ],
} as const satisfies { label: string; labelEn: string; note: string; conditions: readonly ChecklistItem[] };
export type HighCostRefundConditionId = (typeof HIGH_COST_REFUND.conditions)[number]['id'];

/** What the board records about a check: never computed, only confirmed by people. */
export const CHECK_STATUSES = {
  'to-confirm': { label: '要確認', labelEn: 'To confirm' },
  confirmed: { label: '確認済み', labelEn: 'Confirmed' },
  'not-met': { label: '該当しない', labelEn: 'Not met' },
} as const;
export type CheckStatus = keyof typeof CHECK_STATUSES;

/** A fresh state for a checklist: every item still to confirm. */
export function initialCheckState<Id extends string>(items: readonly { readonly id: Id }[]): Record<Id, CheckStatus> {
  return Object.fromEntries(items.map((item) => [item.id, 'to-confirm'])) as Record<Id, CheckStatus>;
}
