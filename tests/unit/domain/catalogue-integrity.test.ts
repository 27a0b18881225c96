// The catalogue, the transition rules, the 共生型 table and the refund lists must agree.
import { describe, expect, it } from 'vitest';
import {
  HIGH_COST_REFUND_LTC_SERVICES,
  HIGH_COST_REFUND_PRIOR_SERVICES,
  KYOSEIGATA_TABLE,
  SERVICES,
  allTransitions,
  findService,
  isKyoseigataPair,
  nameKey,
  servicesOf,
  type ServiceInfo,
} from '../../../shared/domain/index.ts';

const catalogue: readonly ServiceInfo[] = SERVICES;

// Spelled as DOMAIN.md and the brief spell them.
const SHOGAI_NAMES = [
  '居宅介護', '重度訪問介護', '生活介護', '短期入所', '重度障害者等包括支援', '同行援護', '行動援護',
  '自立訓練（機能訓練）', '自立訓練（生活訓練）', '就労移行支援', '就労継続支援A型', '就労継続支援B型',
  '共同生活援助（グループホーム）', '児童発達支援', '放課後等デイサービス', '計画相談支援', '補装具', '日常生活用具', '移動支援',
];
const KAIGO_NAMES = [
  '訪問介護', '通所介護', '地域密着型通所介護', '短期入所生活介護', '介護予防短期入所生活介護', '小規模多機能型居宅介護',
  '介護予防小規模多機能型居宅介護', '看護小規模多機能型居宅介護', '訪問看護', '訪問入浴介護', '訪問リハビリテーション',
  '通所リハビリテーション', '福祉用具貸与', '特定福祉用具販売', '住宅改修', '居宅療養管理指導',
  '定期巡回・随時対応型訪問介護看護', '居宅介護支援',
];

// DOMAIN.md's 共生型 table, one [介護保険, 障害福祉] pair per cell combination.
const KYOSEIGATA_PAIRS: [string, string][] = [
  ...['居宅介護', '重度訪問介護'].map((s): [string, string] => ['訪問介護', s]),
  ...['通所介護', '地域密着型通所介護'].flatMap((k) =>
    ['生活介護', '自立訓練（機能訓練）', '自立訓練（生活訓練）', '児童発達支援', '放課後等デイサービス'].map((s): [string, string] => [k, s]),
  ),
  ['短期入所生活介護', '短期入所'],
  ['介護予防短期入所生活介護', '短期入所'],
  ...['小規模多機能型居宅介護', '介護予防小規模多機能型居宅介護', '看護小規模多機能型居宅介護'].flatMap((k) =>
    ['生活介護', '自立訓練（機能訓練）', '自立訓練（生活訓練）', '児童発達支援', '放課後等デイサービス', '短期入所'].map(
      (s): [string, string] => [k, s],
    ),
  ),
];

describe('service catalogue', () => {
  it('has unique ASCII-slug ids', () => {
    const ids = catalogue.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has unique names, also after normalization', () => {
    const keys = catalogue.map((s) => nameKey(s.name));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('holds every 障害福祉 service DOMAIN.md names, under 障害福祉', () => {
    for (const name of SHOGAI_NAMES) expect(findService(name)?.system, name).toBe('shogai');
  });

  it('holds every 介護保険 service DOMAIN.md names, under 介護保険', () => {
    for (const name of KAIGO_NAMES) expect(findService(name)?.system, name).toBe('kaigo');
  });

  it('has medical and informal entries too', () => {
    expect(servicesOf('iryo').map((s) => s.name)).toEqual(expect.arrayContaining(['訪問診療', '難病医療費助成']));
    expect(servicesOf('informal').length).toBeGreaterThan(0);
  });

  it('never lets an alias shadow another service’s own name', () => {
    const ownKeys = new Map(catalogue.map((s) => [nameKey(s.name), s.id]));
    for (const s of catalogue) {
      for (const alias of s.aliases) {
        const owner = ownKeys.get(nameKey(alias));
        if (owner !== undefined) expect(owner, `${alias} of ${s.name}`).toBe(s.id);
      }
    }
  });
});

describe('transition rules against the catalogue', () => {
  it('covers every 障害福祉 service in the catalogue', () => {
    expect(allTransitions().map((t) => t.serviceId).sort()).toEqual(servicesOf('shogai').map((s) => s.id).sort());
  });

  it('names only 介護保険 catalogue services as counterparts', () => {
    for (const t of allTransitions()) {
      for (const c of t.counterparts) {
        const found = findService(c);
        expect(found?.name, `${t.serviceName} → ${c}`).toBe(c);
        expect(found?.system).toBe('kaigo');
      }
    }
  });
});

describe('共生型 table', () => {
  it('contains every pair of DOMAIN.md’s table', () => {
    for (const [kaigo, shogai] of KYOSEIGATA_PAIRS) expect(isKyoseigataPair(kaigo, shogai), `${kaigo} ⇔ ${shogai}`).toBe(true);
  });

  it('contains no pair DOMAIN.md’s table lacks', () => {
    const expected = new Set(KYOSEIGATA_PAIRS.map(([k, s]) => `${k}|${s}`));
    for (const row of KYOSEIGATA_TABLE) {
      for (const k of row.kaigo) for (const s of row.shogai) expect(expected.has(`${k}|${s}`), `${k}|${s}`).toBe(true);
    }
  });

  it('rejects pairs from different kinds', () => {
    expect(isKyoseigataPair('訪問介護', '生活介護')).toBe(false);
    expect(isKyoseigataPair('通所介護', '短期入所')).toBe(false);
    expect(isKyoseigataPair('訪問介護', '同行援護')).toBe(false);
  });

  it('names only catalogue services of the right system', () => {
    for (const row of KYOSEIGATA_TABLE) {
      for (const k of row.kaigo) expect(findService(k)?.system).toBe('kaigo');
      for (const s of row.shogai) expect(findService(s)?.system).toBe('shogai');
    }
  });
});

describe('新高額障害福祉サービス等給付費 lists', () => {
  it('name catalogue services of the right system', () => {
    for (const k of HIGH_COST_REFUND_LTC_SERVICES) expect(findService(k)?.system).toBe('kaigo');
    for (const s of HIGH_COST_REFUND_PRIOR_SERVICES) expect(findService(s)?.system).toBe('shogai');
    expect(HIGH_COST_REFUND_LTC_SERVICES).toHaveLength(5);
  });
});
