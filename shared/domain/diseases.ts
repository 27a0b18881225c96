/**
 * The 16 特定疾病 (介護保険法施行令 第2条): the only causes for which a 第2号被保険者
 * (40–64) can use 介護保険. Spelled as DOMAIN.md spells them (with Japanese brackets).
 * Matching a diagnosis name is a hint for the meeting; whether the condition counts is
 * stated by the doctor (主治医意見書) and decided in the 要介護認定.
 */

import { nameKey } from './normalize.ts';

export const SPECIFIED_DISEASES = [
  'がん（末期）',
  '関節リウマチ',
  '筋萎縮性側索硬化症（ALS）',
  '後縦靱帯骨化症',
  '骨折を伴う骨粗鬆症',
  '初老期における認知症',
  '進行性核上性麻痺・大脳皮質基底核変性症及びパーキンソン病',
  '脊髄小脳変性症',
  '脊柱管狭窄症',
  '早老症',
  '多系統萎縮症',
  '糖尿病性神経障害・糖尿病性腎症・糖尿病性網膜症',
  '脳血管疾患',
  '閉塞性動脈硬化症',
  '慢性閉塞性肺疾患',
  '両側の膝関節又は股関節に著しい変形を伴う変形性関節症',
] as const;
export type SpecifiedDisease = (typeof SPECIFIED_DISEASES)[number];

// Other spellings people write, and what MHLW's 「特定疾病にかかる診断基準」 puts under each
// entry: old names (慢性関節リウマチ, シャイ・ドレーガー症候群), the members of a grouped
// entry (パーキンソン病), and the conditions its definition lists (肺気腫 under COPD).
const ALIASES: { readonly [K in SpecifiedDisease]?: readonly string[] } = {
  'がん（末期）': ['末期がん', 'がん末期', '末期癌', '癌末期', '悪性新生物（末期）', 'がん（がん末期）'],
  関節リウマチ: ['慢性関節リウマチ', '悪性関節リウマチ', 'RA'],
  '筋萎縮性側索硬化症（ALS）': ['筋萎縮性側索硬化症', 'ALS'],
  後縦靱帯骨化症: ['後縦靭帯骨化症', 'OPLL'],
  骨折を伴う骨粗鬆症: ['骨粗鬆症（骨折を伴う）', '骨粗しょう症（骨折を伴う）', '骨折を伴う骨粗しょう症'],
  初老期における認知症: [
    '初老期認知症', '若年性認知症', 'アルツハイマー病', 'アルツハイマー型認知症', '若年性アルツハイマー病',
    '血管性認知症', '脳血管性認知症', 'レビー小体型認知症', 'レビー小体病', '前頭側頭型認知症', 'ピック病',
    'クロイツフェルト・ヤコブ病',
  ],
  '進行性核上性麻痺・大脳皮質基底核変性症及びパーキンソン病': [
    '進行性核上性麻痺、大脳皮質基底核変性症及びパーキンソン病',
    '進行性核上性麻痺',
    '大脳皮質基底核変性症',
    'パーキンソン病',
    'パーキンソン病関連疾患',
  ],
  脊髄小脳変性症: ['SCD'],
  脊柱管狭窄症: ['腰部脊柱管狭窄症', '頸部脊柱管狭窄症', '胸部脊柱管狭窄症', '広範脊柱管狭窄症'],
  早老症: ['ウェルナー症候群', 'プロジェリア症候群', 'ハッチンソン・ギルフォード症候群'],
  多系統萎縮症: ['MSA', 'シャイ・ドレーガー症候群', '線条体黒質変性症', 'オリーブ橋小脳萎縮症'],
  '糖尿病性神経障害・糖尿病性腎症・糖尿病性網膜症': [
    '糖尿病性神経障害、糖尿病性腎症及び糖尿病性網膜症',
    '糖尿病性神経障害',
    '糖尿病性腎症',
    '糖尿病性網膜症',
  ],
  脳血管疾患: ['脳梗塞', '脳出血', 'くも膜下出血', '脳卒中'],
  閉塞性動脈硬化症: ['ASO'],
  慢性閉塞性肺疾患: ['COPD', '肺気腫', '慢性気管支炎', '気管支喘息', 'びまん性汎細気管支炎'],
  両側の膝関節又は股関節に著しい変形を伴う変形性関節症: ['両側変形性膝関節症', '両側変形性股関節症', '両膝の変形性膝関節症'],
};

const BY_KEY: ReadonlyMap<string, SpecifiedDisease> = new Map(
  SPECIFIED_DISEASES.flatMap((d) => [d, ...(ALIASES[d] ?? [])].map((name) => [nameKey(name), d] as const)),
);

/** The 特定疾病 a name denotes (NFKC, brackets and spaces ignored, common aliases); `undefined` if none. */
export function matchSpecifiedDisease(name: string): SpecifiedDisease | undefined {
  return BY_KEY.get(nameKey(name));
}

/** True when `name` names one of the 16 特定疾病 (or a listed alias of one). */
export function isSpecifiedDisease(name: string): boolean {
  return matchSpecifiedDisease(name) !== undefined;
}

export type InsuredCategory = 'first' | 'second';

export interface LtcEligibility {
  /** Whether 介護保険 benefits can be applied for (the 要介護認定 still decides the level). */
  readonly applies: boolean;
  /** 第1号 (65+) or 第2号 (40–64 in a public medical insurance); `null` when not insured. */
  readonly insuredAs: InsuredCategory | null;
  readonly insuredLabel: '第1号被保険者' | '第2号被保険者' | null;
  readonly reason: string;
}

export interface LtcEligibilityInput {
  readonly age: number;
  /**
   * `true` when the need for care is caused by a 特定疾病 (not merely that one is present);
   * a diagnosis name is matched with `matchSpecifiedDisease`, and the cause stays to confirm.
   */
  readonly specifiedDisease?: boolean | string;
  /** Whether the person is in a public medical insurance (介護保険法 第9条②); default `true`. */
  readonly medicalInsurance?: boolean;
  /** Whether the person lives where 介護保険 does not apply (介護保険法施行法 第11条); default `false`. */
  readonly excludedFacility?: boolean;
}

const FIRST = { insuredAs: 'first', insuredLabel: '第1号被保険者' } as const;
const SECOND = { insuredAs: 'second', insuredLabel: '第2号被保険者' } as const;
const NONE = { insuredAs: null, insuredLabel: null } as const;

/**
 * Whether 介護保険 applies: 65+ as 第1号; 40–64 as 第2号 only in a medical insurance and only
 * when a 特定疾病 causes the need for care; never in an 適用除外 facility or under 40.
 */
export function ltcEligibility(input: LtcEligibilityInput): LtcEligibility {
  const { age, specifiedDisease, medicalInsurance = true, excludedFacility = false } = input;
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`age must be a whole number ≥ 0, got ${String(age)}`);
  if (age < 40) return { applies: false, ...NONE, reason: '40歳未満は介護保険の被保険者ではない。' };
  if (excludedFacility) {
    return { applies: false, ...NONE,
      reason: '障害者支援施設（施設入所支援）や療養介護の病院などに入っている間は介護保険の適用除外（介護保険法施行法第11条、施行規則第170条）。障害福祉のサービスが続く。' };
  }
  if (age >= 65) return { applies: true, ...FIRST, reason: '65歳以上は第1号被保険者で、介護が必要になった原因を問わず介護保険の対象。' };
  if (!medicalInsurance) {
    return { applies: false, ...NONE,
      reason: '40〜64歳は医療保険に加入している人だけが第2号被保険者（介護保険法第9条第2号）。生活保護で医療保険のない人は被保険者ではなく、障害福祉のサービスが先に使われる（その後に介護扶助）。' };
  }
  if (specifiedDisease === true) {
    return { applies: true, ...SECOND, reason: '40〜64歳で、特定疾病が原因で介護が必要な場合は介護保険の対象（第2号被保険者）。' };
  }
  if (typeof specifiedDisease === 'string') {
    const match = matchSpecifiedDisease(specifiedDisease);
    if (match) {
      return { applies: true, ...SECOND,
        reason: `「${match}」は特定疾病。介護が必要な原因がこの病気であること（主治医意見書）を確かめる。` };
    }
  }
  return { applies: false, ...SECOND, reason: '40〜64歳は、16の特定疾病が原因で介護が必要な場合だけ介護保険を使える。' };
}
