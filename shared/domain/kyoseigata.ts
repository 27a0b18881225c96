/**
 * 共生型サービス (April 2018): which 介護保険 and 障害福祉 services one provider can offer
 * under a dual designation, so that a person keeps the same provider across the move.
 * Source: MHLW 共生型サービス page, as cited by the seed slides and DOMAIN.md.
 */

import { findService, type KaigoServiceName, type ShogaiServiceName } from './services.ts';

export interface KyoseigataRow {
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
  readonly kaigo: readonly KaigoServiceName[];
  readonly shogai: readonly ShogaiServiceName[];
  /**
   * `both`: either side's provider can be designated for the other. `kaigo-to-shogai`: only
   * the 介護保険 provider offers the 障害福祉 service (the 小規模多機能 row: 通い, 泊まり).
   */
  readonly direction: 'both' | 'kaigo-to-shogai';
  readonly note?: string;
}

const DAY_SHOGAI = [
  '生活介護',
  '自立訓練（機能訓練）',
  '自立訓練（生活訓練）',
  '児童発達支援',
  '放課後等デイサービス',
] as const satisfies readonly ShogaiServiceName[];
const SMALL_MULTI = [
  '小規模多機能型居宅介護',
  '介護予防小規模多機能型居宅介護',
  '看護小規模多機能型居宅介護',
] as const satisfies readonly KaigoServiceName[];
const SEVERE_EXCLUDED = '生活介護・児童発達支援・放課後等デイサービスは、主として重症心身障害者（児）を通わせる事業所を除く';

export const KYOSEIGATA_TABLE = [
  {
    id: 'home-help',
    label: 'ホームヘルプサービス',
    labelEn: 'Home help',
    kaigo: ['訪問介護'],
    shogai: ['居宅介護', '重度訪問介護'],
    direction: 'both',
  },
  {
    id: 'day-service',
    label: 'デイサービス',
    labelEn: 'Day service',
    kaigo: ['通所介護', '地域密着型通所介護'],
    shogai: DAY_SHOGAI,
    direction: 'both',
    note: SEVERE_EXCLUDED,
  },
  {
    id: 'short-stay',
    label: 'ショートステイ',
    labelEn: 'Short stay',
    kaigo: ['短期入所生活介護', '介護予防短期入所生活介護'],
    shogai: ['短期入所'],
    direction: 'both',
  },
  {
    id: 'combined-day',
    label: '通い・訪問・泊まりの組合せ（通い）',
    labelEn: 'Combined services (day part)',
    kaigo: SMALL_MULTI,
    shogai: DAY_SHOGAI,
    direction: 'kaigo-to-shogai',
    note: SEVERE_EXCLUDED,
  },
  {
    id: 'combined-stay',
    label: '通い・訪問・泊まりの組合せ（泊まり）',
    labelEn: 'Combined services (overnight part)',
    kaigo: SMALL_MULTI,
    shogai: ['短期入所'],
    direction: 'kaigo-to-shogai',
  },
] as const satisfies readonly KyoseigataRow[];

// Callers pass what people typed; compare on catalogue names.
function canonical(name: string, system: 'shogai' | 'kaigo'): string {
  return findService(name, { system })?.name ?? name;
}

/** True when a 障害福祉 service appears in the 共生型 table, i.e. a dual-designated provider can keep it. */
export function isKyoseigataService(shogaiName: string): boolean {
  const name = canonical(shogaiName, 'shogai');
  return KYOSEIGATA_TABLE.some((row) => (row.shogai as readonly string[]).includes(name));
}

/** The 介護保険 services whose 共生型 designation covers `shogaiName` (catalogue names, deduplicated). */
export function kyoseigataPartners(shogaiName: string): string[] {
  const name = canonical(shogaiName, 'shogai');
  const out = new Set<string>();
  for (const row of KYOSEIGATA_TABLE) {
    if ((row.shogai as readonly string[]).includes(name)) for (const k of row.kaigo) out.add(k);
  }
  return [...out];
}

/** True when `kaigoName` and `shogaiName` form a 共生型 pair in some row of the table. */
export function isKyoseigataPair(kaigoName: string, shogaiName: string): boolean {
  const k = canonical(kaigoName, 'kaigo');
  const s = canonical(shogaiName, 'shogai');
  return KYOSEIGATA_TABLE.some(
    (row) => (row.kaigo as readonly string[]).includes(k) && (row.shogai as readonly string[]).includes(s),
  );
}
