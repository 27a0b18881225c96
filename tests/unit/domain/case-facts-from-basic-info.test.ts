// The helper reads the 基本情報 card: 40–64 without a 特定疾病 or without 医療保険 is not 第2号
// (介護保険法 第9条②, 施行令 第2条); 適用除外 says so (施行法 第11条); 区分 feeds the 新高額 check.
import { describe, expect, it } from 'vitest';
import { caseFacts, type CaseFactsInput } from '../../../shared/domain/index.ts';

const base: CaseFactsInput = { birthDate: '1968-02-10', specifiedDisease: '', medicalInsurance: '', excludedFacility: '', supportLevel: '' };
const today = '2026-03-15';

describe('caseFacts', () => {
  it('without a birth date asks for it and decides nothing', () => {
    const f = caseFacts({ ...base, birthDate: '' }, today);
    expect(f).toMatchObject({ age: null, age65: null, ltc: null });
    expect(f.notes[0]).toContain('生年月日');
  });

  it('58 with ALS in a medical insurance: 第2号 applies', () => {
    const f = caseFacts({ ...base, specifiedDisease: '筋萎縮性側索硬化症', medicalInsurance: 'yes' }, today);
    expect(f.age).toBe(58);
    expect(f.age65).toBe('2033-02-09');
    expect(f.ltc).toMatchObject({ applies: true, insuredAs: 'second' });
  });

  it('58 with ALS but no medical insurance (生活保護): not insured', () => {
    expect(caseFacts({ ...base, specifiedDisease: 'ALS', medicalInsurance: 'no' }, today).ltc).toMatchObject({ applies: false, insuredAs: null });
  });

  it('58 without a 特定疾病: 第2号 but not eligible, and asks about 医療保険 when unknown', () => {
    const f = caseFacts(base, today);
    expect(f.ltc).toMatchObject({ applies: false, insuredAs: 'second' });
    expect(f.notes.join()).toContain('医療保険に入っているかを確かめる');
  });

  it('names a diagnosis that is not one of the 16', () => {
    expect(caseFacts({ ...base, specifiedDisease: 'うつ病' }, today).notes.join()).toContain('「うつ病」は16の特定疾病の名前と一致しない');
  });

  it('65+ in an 適用除外 facility: not insured', () => {
    expect(caseFacts({ ...base, birthDate: '1950-01-01', excludedFacility: 'yes' }, today).ltc?.reason).toContain('適用除外');
  });

  it('feeds the 新高額 区分 check before 65', () => {
    expect(caseFacts({ ...base, supportLevel: '4' }, today).refundSupportLevel).toBe('meets');
    expect(caseFacts({ ...base, supportLevel: '1' }, today).refundSupportLevel).toBe('not-met');
    expect(caseFacts({ ...base, supportLevel: '' }, today).refundSupportLevel).toBe('unknown');
    expect(caseFacts({ ...base, supportLevel: '4' }, today).notes.join()).toContain('新高額障害福祉サービス等給付費');
  });

  it('treats a birth date in the future as unknown', () => {
    expect(caseFacts({ ...base, birthDate: '2030-01-01' }, today).age).toBeNull();
  });
});
