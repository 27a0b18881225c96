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

// Other spellings people write: the ordinance's own wording, common short forms, the
// 靭/靱 variant, and the named members of a grouped entry.
const ALIASES: { readonly [K in SpecifiedDisease]?: readonly string[] } = {
  'がん（末期）': ['末期がん', 'がん末期', '末期癌', '癌末期'],
  '筋萎縮性側索硬化症（ALS）': ['筋萎縮性側索硬化症', 'ALS'],
  後縦靱帯骨化症: ['後縦靭帯骨化症', 'OPLL'],
  初老期における認知症: ['初老期認知症', '若年性認知症'],
  '進行性核上性麻痺・大脳皮質基底核変性症及びパーキンソン病': [
    '進行性核上性麻痺、大脳皮質基底核変性症及びパーキンソン病',
    '進行性核上性麻痺',
    '大脳皮質基底核変性症',
    'パーキンソン病',
    'パーキンソン病関連疾患',
  ],
  多系統萎縮症: ['MSA'],
  '糖尿病性神経障害・糖尿病性腎症・糖尿病性網膜症': [
    '糖尿病性神経障害、糖尿病性腎症及び糖尿病性網膜症',
    '糖尿病性神経障害',
    '糖尿病性腎症',
    '糖尿病性網膜症',
  ],
  脳血管疾患: ['脳梗塞', '脳出血', 'くも膜下出血', '脳卒中'],
  閉塞性動脈硬化症: ['ASO'],
  慢性閉塞性肺疾患: ['COPD'],
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
  /** 第1号 (65+) or 第2号 (40–64); `null` under 40. */
  readonly insuredAs: InsuredCategory | null;
  readonly insuredLabel: '第1号被保険者' | '第2号被保険者' | null;
  readonly reason: string;
}

// `specifiedDisease` may be `true` or a diagnosis name (matched with isSpecifiedDisease).
/** Whether 介護保険 applies at an age: 65+ as 第1号; 40–64 as 第2号 only with a 特定疾病; under 40 not. */
export function ltcEligibility(input: { age: number; specifiedDisease?: boolean | string }): LtcEligibility {
  const { age, specifiedDisease } = input;
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`age must be a whole number ≥ 0, got ${String(age)}`);
  if (age >= 65) {
    return { applies: true, insuredAs: 'first', insuredLabel: '第1号被保険者', reason: '65歳以上は原因を問わず介護保険の対象。' };
  }
  if (age >= 40) {
    const has = typeof specifiedDisease === 'string' ? isSpecifiedDisease(specifiedDisease) : specifiedDisease === true;
    return has
      ? { applies: true, insuredAs: 'second', insuredLabel: '第2号被保険者',
          reason: '40〜64歳で特定疾病による場合は介護保険の対象（医療保険の加入者）。' }
      : { applies: false, insuredAs: 'second', insuredLabel: '第2号被保険者',
          reason: '40〜64歳は16の特定疾病による場合のみ介護保険を使える。' };
  }
  return { applies: false, insuredAs: null, insuredLabel: null, reason: '40歳未満は介護保険の被保険者ではない。' };
}
