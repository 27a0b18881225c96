// The 16 特定疾病 of 介護保険法施行令 第2条, and 介護保険 eligibility by age.
import { describe, expect, it } from 'vitest';
import { SPECIFIED_DISEASES, isSpecifiedDisease, ltcEligibility, matchSpecifiedDisease } from '../../../shared/domain/index.ts';

// Copied from DOMAIN.md as written there (ASCII brackets and all).
const DOMAIN_SPELLINGS = [
  'がん (末期)', '関節リウマチ', '筋萎縮性側索硬化症 (ALS)', '後縦靱帯骨化症', '骨折を伴う骨粗鬆症', '初老期における認知症',
  '進行性核上性麻痺・大脳皮質基底核変性症及びパーキンソン病', '脊髄小脳変性症', '脊柱管狭窄症', '早老症', '多系統萎縮症',
  '糖尿病性神経障害・糖尿病性腎症・糖尿病性網膜症', '脳血管疾患', '閉塞性動脈硬化症', '慢性閉塞性肺疾患',
  '両側の膝関節又は股関節に著しい変形を伴う変形性関節症',
];

describe('SPECIFIED_DISEASES', () => {
  it('has exactly 16 unique entries', () => {
    expect(SPECIFIED_DISEASES).toHaveLength(16);
    expect(new Set(SPECIFIED_DISEASES).size).toBe(16);
  });

  it('matches DOMAIN.md’s list one-to-one', () => {
    const matched = DOMAIN_SPELLINGS.map((d) => matchSpecifiedDisease(d));
    expect(matched.every((m) => m !== undefined)).toBe(true);
    expect(new Set(matched).size).toBe(16);
    // Identical up to bracket style and spacing.
    const plain = (s: string) => s.normalize('NFKC').replace(/\s/g, '');
    expect(SPECIFIED_DISEASES.map(plain)).toEqual(DOMAIN_SPELLINGS.map(plain));
  });
});

describe('isSpecifiedDisease', () => {
  it.each([
    'ALS', 'ａｌｓ', '筋萎縮性側索硬化症', 'パーキンソン病', '末期がん', '後縦靭帯骨化症', 'COPD', '脳梗塞',
    '糖尿病性腎症', '進行性核上性麻痺、大脳皮質基底核変性症及びパーキンソン病', ' 脳血管疾患 ',
  ])('recognises %j', (name) => {
    expect(isSpecifiedDisease(name)).toBe(true);
  });

  it.each(['がん', '糖尿病', 'うつ病', '統合失調症', '骨粗鬆症', '認知症', '', '変形性関節症'])('does not recognise %j', (name) => {
    expect(isSpecifiedDisease(name)).toBe(false);
  });
});

describe('ltcEligibility', () => {
  it('65 and over: 第1号, for any cause', () => {
    expect(ltcEligibility({ age: 65 })).toMatchObject({ applies: true, insuredAs: 'first', insuredLabel: '第1号被保険者' });
    expect(ltcEligibility({ age: 90, specifiedDisease: false }).applies).toBe(true);
  });

  it('40–64: 第2号, only with a 特定疾病', () => {
    expect(ltcEligibility({ age: 40, specifiedDisease: true })).toMatchObject({ applies: true, insuredAs: 'second' });
    expect(ltcEligibility({ age: 64, specifiedDisease: 'ALS' })).toMatchObject({ applies: true, insuredAs: 'second' });
    expect(ltcEligibility({ age: 64, specifiedDisease: 'うつ病' })).toMatchObject({ applies: false, insuredAs: 'second' });
    expect(ltcEligibility({ age: 50 })).toMatchObject({ applies: false, insuredLabel: '第2号被保険者' });
  });

  it('under 40: not insured, even with a 特定疾病', () => {
    expect(ltcEligibility({ age: 39, specifiedDisease: true })).toMatchObject({ applies: false, insuredAs: null });
  });

  it('rejects impossible ages', () => {
    expect(() => ltcEligibility({ age: -1 })).toThrow(RangeError);
    expect(() => ltcEligibility({ age: 64.5 })).toThrow(RangeError);
  });
});
