import { createShapePropsMigrationIds, createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema';
import { T } from '@tldraw/validate';
import { dateOrEmptyValidator, shortTextValidator, sizeValidator } from './common.ts';

/**
 * 基本情報: the case's structured facts, one card per board. Every value is one to confirm
 * (手帳, 区分, 認定, 負担上限 are decided by others and change); the board never computes them.
 * The transition helper reads them (age, 第2号, 適用除外, 新高額's 区分 check).
 */
export const BASIC_INFO_TYPE = 'rb-basic-info' as const;

/** 障害支援区分: 非該当 or 1–6, '' when unknown. */
export const SUPPORT_LEVELS = ['', 'none', '1', '2', '3', '4', '5', '6'] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];

/** 要介護度 or 要支援, or where the 認定 stands. */
export const CARE_LEVELS = ['', 'support-1', 'support-2', 'care-1', 'care-2', 'care-3', 'care-4', 'care-5', 'applying', 'expected', 'not-eligible'] as const;
export type CareLevel = (typeof CARE_LEVELS)[number];

/** A yes/no fact still to learn. */
export const YES_NO = ['', 'yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];

export const SUPPORT_LEVEL_LABELS: Record<SupportLevel, { ja: string; en: string }> = {
  '': { ja: '未記入', en: 'Not entered' },
  none: { ja: '非該当', en: 'Not eligible' },
  '1': { ja: '区分1', en: 'Level 1' },
  '2': { ja: '区分2', en: 'Level 2' },
  '3': { ja: '区分3', en: 'Level 3' },
  '4': { ja: '区分4', en: 'Level 4' },
  '5': { ja: '区分5', en: 'Level 5' },
  '6': { ja: '区分6', en: 'Level 6' },
};

export const CARE_LEVEL_LABELS: Record<CareLevel, { ja: string; en: string }> = {
  '': { ja: '未記入', en: 'Not entered' },
  'support-1': { ja: '要支援1', en: 'Support level 1' },
  'support-2': { ja: '要支援2', en: 'Support level 2' },
  'care-1': { ja: '要介護1', en: 'Care level 1' },
  'care-2': { ja: '要介護2', en: 'Care level 2' },
  'care-3': { ja: '要介護3', en: 'Care level 3' },
  'care-4': { ja: '要介護4', en: 'Care level 4' },
  'care-5': { ja: '要介護5', en: 'Care level 5' },
  applying: { ja: '申請中', en: 'Applied, waiting' },
  expected: { ja: '申請前（見込み）', en: 'Not yet applied (expected)' },
  'not-eligible': { ja: '非該当', en: 'Not eligible' },
};

export const YES_NO_LABELS: Record<YesNo, { ja: string; en: string }> = {
  '': { ja: '未確認', en: 'Not confirmed' },
  yes: { ja: 'あり', en: 'Yes' },
  no: { ja: 'なし', en: 'No' },
};

export interface BasicInfoProps {
  w: number;
  h: number;
  /** 利用者名（仮名可） */
  name: string;
  /** 生年月日 'YYYY-MM-DD' or '': drives the key dates and the life-stage band. */
  birthDate: string;
  /** 障害種別・病名 */
  disability: string;
  /** 身体障害者手帳の級, 療育手帳の判定, 精神障害者保健福祉手帳の等級 (as written on the 手帳). */
  physicalHandbook: string;
  ryoikuHandbook: string;
  mentalHandbook: string;
  supportLevel: SupportLevel;
  /** 障害支援区分の有効期間 */
  supportLevelPeriod: string;
  /** 支給決定期間 */
  benefitPeriod: string;
  careLevel: CareLevel;
  /** 認定有効期間 */
  careLevelPeriod: string;
  /** 特定疾病 (or the diagnosis to check against the 16) for a 40–64-year-old. */
  specifiedDisease: string;
  /** 負担上限月額 and 利用者負担割合: values to confirm, as written. */
  monthlyCap: string;
  copayRate: string;
  /** 主治医 */
  doctor: string;
  /** 成年後見 / 日常生活自立支援事業 */
  guardianship: string;
  /** 生活保護 */
  publicAssistance: YesNo;
  /** 医療保険の有無 (第2号 needs one: 介護保険法 第9条②) */
  medicalInsurance: YesNo;
  /** Lives where 介護保険 does not apply (介護保険法施行法 第11条) */
  excludedFacility: YesNo;
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [BASIC_INFO_TYPE]: BasicInfoProps;
  }
}

export type BasicInfoShape = TLShape<typeof BASIC_INFO_TYPE>;

export const basicInfoProps: RecordProps<BasicInfoShape> = {
  w: sizeValidator,
  h: sizeValidator,
  name: shortTextValidator,
  birthDate: dateOrEmptyValidator,
  disability: shortTextValidator,
  physicalHandbook: shortTextValidator,
  ryoikuHandbook: shortTextValidator,
  mentalHandbook: shortTextValidator,
  supportLevel: T.literalEnum(...SUPPORT_LEVELS),
  supportLevelPeriod: shortTextValidator,
  benefitPeriod: shortTextValidator,
  careLevel: T.literalEnum(...CARE_LEVELS),
  careLevelPeriod: shortTextValidator,
  specifiedDisease: shortTextValidator,
  monthlyCap: shortTextValidator,
  copayRate: shortTextValidator,
  doctor: shortTextValidator,
  guardianship: shortTextValidator,
  publicAssistance: T.literalEnum(...YES_NO),
  medicalInsurance: T.literalEnum(...YES_NO),
  excludedFacility: T.literalEnum(...YES_NO),
};

export const basicInfoVersions = createShapePropsMigrationIds(BASIC_INFO_TYPE, {});

/** Append-only: a shipped migration is never edited. */
export const basicInfoMigrations = createShapePropsMigrationSequence({ sequence: [] });

/** Props of a new 基本情報 card. */
export function basicInfoDefaults(): BasicInfoProps {
  return {
    w: 420, h: 360, name: '', birthDate: '', disability: '', physicalHandbook: '', ryoikuHandbook: '', mentalHandbook: '',
    supportLevel: '', supportLevelPeriod: '', benefitPeriod: '', careLevel: '', careLevelPeriod: '', specifiedDisease: '',
    monthlyCap: '', copayRate: '', doctor: '', guardianship: '', publicAssistance: '', medicalInsurance: '', excludedFacility: '',
  };
}

/** Labels of the fields, both languages (panel, card, minutes). */
export const BASIC_INFO_LABELS: Record<Exclude<keyof BasicInfoProps, 'w' | 'h'>, { ja: string; en: string }> = {
  name: { ja: '利用者名（仮名可）', en: 'Name (a pseudonym is fine)' },
  birthDate: { ja: '生年月日', en: 'Date of birth' },
  disability: { ja: '障害種別・病名', en: 'Disability or diagnosis' },
  physicalHandbook: { ja: '身体障害者手帳（級）', en: 'Physical disability handbook (grade)' },
  ryoikuHandbook: { ja: '療育手帳（判定）', en: 'Intellectual disability handbook (rating)' },
  mentalHandbook: { ja: '精神障害者保健福祉手帳（等級）', en: 'Mental health handbook (grade)' },
  supportLevel: { ja: '障害支援区分', en: 'Disability support level' },
  supportLevelPeriod: { ja: '区分の有効期間', en: 'Support level valid' },
  benefitPeriod: { ja: '支給決定期間', en: 'Benefit decision period' },
  careLevel: { ja: '要介護度・要支援', en: 'LTC care level' },
  careLevelPeriod: { ja: '認定有効期間', en: 'Care level valid' },
  specifiedDisease: { ja: '特定疾病（40〜64歳）', en: 'Specified disease (aged 40–64)' },
  monthlyCap: { ja: '負担上限月額（確認する値）', en: 'Monthly co-payment cap (to confirm)' },
  copayRate: { ja: '利用者負担割合（確認する値）', en: 'Co-payment rate (to confirm)' },
  doctor: { ja: '主治医', en: 'Attending doctor' },
  guardianship: { ja: '成年後見・日常生活自立支援事業', en: 'Guardianship or daily-life self-reliance support' },
  publicAssistance: { ja: '生活保護', en: 'Public assistance' },
  medicalInsurance: { ja: '医療保険', en: 'Public medical insurance' },
  excludedFacility: { ja: '介護保険の適用除外の施設に入所', en: 'Lives in a facility excluded from LTC insurance' },
};
