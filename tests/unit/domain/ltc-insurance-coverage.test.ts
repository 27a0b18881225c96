// Who is insured by 介護保険: 介護保険法 第9条 (第1号 65+, 第2号 40–64 in a public medical insurance)
// and 介護保険法施行法 第11条 / 施行規則 第170条 (適用除外 facilities). CONTRACT.md ltcEligibility.
import { describe, expect, it } from 'vitest';
import { ltcEligibility } from '../../../shared/domain/index.ts';

describe('ltcEligibility: 医療保険 (介護保険法 第9条②)', () => {
  it('a 40–64-year-old without a public medical insurance (生活保護) is not insured, even with a 特定疾病', () => {
    const e = ltcEligibility({ age: 55, specifiedDisease: true, medicalInsurance: false });
    expect(e).toMatchObject({ applies: false, insuredAs: null, insuredLabel: null });
    expect(e.reason).toContain('生活保護');
    expect(e.reason).toContain('障害福祉のサービスが先');
  });

  it('medical insurance defaults to true', () => {
    expect(ltcEligibility({ age: 55, specifiedDisease: true })).toMatchObject({ applies: true, insuredAs: 'second' });
  });

  it('65+ is 第1号 whether or not in a medical insurance', () => {
    expect(ltcEligibility({ age: 70, medicalInsurance: false })).toMatchObject({ applies: true, insuredAs: 'first' });
  });
});

describe('ltcEligibility: 適用除外 (介護保険法施行法 第11条, 施行規則 第170条)', () => {
  it.each([45, 65, 80])('age %i in an excluded facility is not insured', (age) => {
    const e = ltcEligibility({ age, specifiedDisease: true, excludedFacility: true });
    expect(e).toMatchObject({ applies: false, insuredAs: null });
    expect(e.reason).toContain('適用除外');
  });
});

describe('ltcEligibility: the need for care is caused by the 特定疾病 (介護保険法施行令 第2条)', () => {
  it('a diagnosis name that is a 特定疾病 applies, and asks to confirm the cause', () => {
    const e = ltcEligibility({ age: 60, specifiedDisease: 'シャイ・ドレーガー症候群' });
    expect(e).toMatchObject({ applies: true, insuredAs: 'second' });
    expect(e.reason).toContain('多系統萎縮症');
    expect(e.reason).toContain('原因');
  });

  it('false means the care need is not caused by one: insured as 第2号 but not eligible', () => {
    expect(ltcEligibility({ age: 60, specifiedDisease: false })).toMatchObject({ applies: false, insuredAs: 'second' });
  });
});
