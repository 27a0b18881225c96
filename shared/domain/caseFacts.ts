/**
 * What the transition helper reads off a case's 基本情報: age and the 65歳到達日 from the
 * birth date, whether 介護保険 applies (with 医療保険 and 適用除外), and the 新高額 check on
 * the 障害支援区分. Pure; unknown facts stay unknown and are said to be so.
 */

import { age65Date, ageOn, isIsoDate, type IsoDate } from './dates.ts';
import { ltcEligibility, matchSpecifiedDisease, type LtcEligibility } from './diseases.ts';

/** The facts the helper needs, as a 基本情報 card holds them ('' = not yet known). */
export interface CaseFactsInput {
  readonly birthDate: string;
  readonly specifiedDisease: string;
  readonly medicalInsurance: '' | 'yes' | 'no';
  readonly excludedFacility: '' | 'yes' | 'no';
  /** 障害支援区分: 'none' (非該当), '1'–'6', or ''. */
  readonly supportLevel: string;
}

export interface CaseFacts {
  readonly age: number | null;
  readonly age65: IsoDate | null;
  /** `null` while the birth date is unknown. */
  readonly ltc: LtcEligibility | null;
  /** 新高額's 「65歳になる前日に障害支援区分2以上」, from the card: still a fact to confirm on that day. */
  readonly refundSupportLevel: 'meets' | 'not-met' | 'unknown';
  /** Japanese lines for the board: what follows from the facts, and what is still missing. */
  readonly notes: string[];
}

/** The helper's reading of a 基本情報 card on a given day. */
export function caseFacts(info: CaseFactsInput, today: IsoDate): CaseFacts {
  const notes: string[] = [];
  const known = isIsoDate(info.birthDate) && info.birthDate <= today;
  const age = known ? ageOn(info.birthDate, today) : null;
  const age65 = known ? age65Date(info.birthDate) : null;
  if (!known) notes.push('生年月日を入れると、年齢と65歳到達日、介護保険の対象かがわかる。');

  let ltc: LtcEligibility | null = null;
  if (age !== null) {
    const disease = info.specifiedDisease.trim();
    ltc = ltcEligibility({
      age,
      specifiedDisease: disease === '' ? false : disease,
      medicalInsurance: info.medicalInsurance !== 'no',
      excludedFacility: info.excludedFacility === 'yes',
    });
    notes.push(ltc.reason);
    if (age >= 40 && age < 65) {
      if (info.medicalInsurance === '') notes.push('医療保険に入っているかを確かめる（入っていなければ第2号被保険者ではない）。');
      if (disease !== '' && !matchSpecifiedDisease(disease)) notes.push(`「${disease}」は16の特定疾病の名前と一致しない。主治医に確かめる。`);
    }
  }

  const level = info.supportLevel;
  const refundSupportLevel = /^[2-6]$/.test(level) ? 'meets' : level === '1' || level === 'none' ? 'not-met' : 'unknown';
  if (age !== null && age < 65 && refundSupportLevel !== 'unknown') {
    notes.push(refundSupportLevel === 'meets'
      ? '新高額障害福祉サービス等給付費：障害支援区分は2以上（65歳になる前日の区分を確かめる）。'
      : '新高額障害福祉サービス等給付費：今の区分では要件（区分2以上）に届かない。65歳になる前日の区分を確かめる。');
  }
  return { age, age65, ltc, refundSupportLevel, notes };
}
