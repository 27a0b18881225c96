// The contract table (CONTRACT.md "Domain module") against the facts in DOMAIN.md.
import { describe, expect, it } from 'vitest';
import { transitionFor } from '../../../shared/domain/index.ts';

describe('transitionFor: services that move to 介護保険', () => {
  it('居宅介護 → 訪問介護, 共生型, top-up possible', () => {
    expect(transitionFor('居宅介護')).toEqual({
      counterparts: ['訪問介護'],
      kyoseigata: true,
      continuesAfter65: false,
      topUpPossible: true,
      outcome: 'moves',
    });
  });

  it('重度訪問介護 → 訪問介護 with a top-up (the ALS case), 共生型', () => {
    expect(transitionFor('重度訪問介護')).toEqual({
      counterparts: ['訪問介護'],
      kyoseigata: true,
      continuesAfter65: false,
      topUpPossible: true,
      outcome: 'moves',
    });
  });

  it('生活介護 → 通所介護 and 地域密着型通所介護, 共生型, top-up possible', () => {
    const t = transitionFor('生活介護');
    expect(t?.counterparts).toEqual(expect.arrayContaining(['通所介護', '地域密着型通所介護']));
    expect(t).toMatchObject({ kyoseigata: true, continuesAfter65: false, topUpPossible: true });
  });

  it('短期入所 → 短期入所生活介護, 共生型, top-up possible', () => {
    const t = transitionFor('短期入所');
    expect(t?.counterparts).toContain('短期入所生活介護');
    expect(t).toMatchObject({ kyoseigata: true, continuesAfter65: false, topUpPossible: true });
  });

  it('重度障害者等包括支援 moves with a top-up but is not in the 共生型 table', () => {
    const t = transitionFor('重度障害者等包括支援');
    expect(t?.counterparts.length).toBeGreaterThan(0);
    expect(t).toMatchObject({ kyoseigata: false, continuesAfter65: false, topUpPossible: true });
  });

  it('top-up is possible for exactly the five services DOMAIN.md names', () => {
    const all = [
      '居宅介護', '重度訪問介護', '同行援護', '行動援護', '重度障害者等包括支援', '短期入所', '生活介護',
      '自立訓練（機能訓練）', '自立訓練（生活訓練）', '就労移行支援', '就労継続支援A型', '就労継続支援B型',
      '共同生活援助（グループホーム）', '児童発達支援', '放課後等デイサービス', '計画相談支援', '補装具',
      '日常生活用具', '移動支援', '医療型短期入所', '施設入所支援', '療養介護', '地域移行支援', '地域定着支援',
      '日中一時支援', '意思疎通支援', '訪問入浴サービス',
    ];
    const withTopUp = all.filter((n) => transitionFor(n)?.topUpPossible);
    // 医療型短期入所 is a kind of 短期入所 (DOMAIN.md: 医療型 → 短期入所療養介護).
    expect(withTopUp.sort()).toEqual(['居宅介護', '重度訪問介護', '生活介護', '短期入所', '医療型短期入所', '重度障害者等包括支援'].sort());
  });
});

describe('transitionFor: services that continue (no 介護保険 equivalent)', () => {
  it.each(['同行援護', '行動援護', '就労移行支援', '就労継続支援A型', '就労継続支援B型', '共同生活援助（グループホーム）'])(
    '%s continues with no counterpart and no top-up',
    (name) => {
      expect(transitionFor(name)).toMatchObject({ counterparts: [], continuesAfter65: true, topUpPossible: false });
    },
  );

  it('同行援護 and 行動援護 are not 共生型 services', () => {
    expect(transitionFor('同行援護')?.kyoseigata).toBe(false);
    expect(transitionFor('行動援護')?.kyoseigata).toBe(false);
  });

  it('自立訓練（生活訓練） continues and is 共生型', () => {
    expect(transitionFor('自立訓練（生活訓練）')).toEqual({
      counterparts: [],
      kyoseigata: true,
      continuesAfter65: true,
      topUpPossible: false,
      outcome: 'continues',
    });
  });

  it('自立訓練（機能訓練） differs from 生活訓練: it has 介護保険 counterparts, and is 共生型 too', () => {
    const kinou = transitionFor('自立訓練（機能訓練）');
    expect(kinou?.continuesAfter65).toBe(false);
    expect(kinou?.counterparts).toContain('通所リハビリテーション');
    expect(kinou?.kyoseigata).toBe(true);
  });

  it('移動支援 continues: 介護保険 has no outing support for pleasure', () => {
    expect(transitionFor('移動支援')).toMatchObject({ counterparts: [], continuesAfter65: true });
  });
});

describe('transitionFor: names it does not answer', () => {
  it.each(['', '   ', 'ケアプラン会議', '居宅', '訪問介護X'])('unknown %j → undefined', (name) => {
    expect(transitionFor(name)).toBeUndefined();
  });

  it.each(['訪問介護', '通所介護', '短期入所生活介護', '居宅介護支援', '小規模多機能型居宅介護'])(
    '介護保険 service %s → undefined (it answers for 障害福祉 services)',
    (name) => {
      expect(transitionFor(name)).toBeUndefined();
    },
  );

  it('medical and informal services → undefined', () => {
    expect(transitionFor('訪問診療')).toBeUndefined();
    expect(transitionFor('ボランティア')).toBeUndefined();
  });

  it('bare 自立訓練 answers `depends` (機能訓練 moves, 生活訓練 continues)', () => {
    expect(transitionFor('自立訓練')).toMatchObject({ outcome: 'depends', continuesAfter65: false });
  });
});

describe('transitionFor: spellings people type', () => {
  it.each([
    ['就労継続支援Ａ型', '就労継続支援A型'],
    ['就労継続支援ｂ型', '就労継続支援B型'],
    ['自立訓練(生活訓練)', '自立訓練（生活訓練）'],
    ['自立訓練 生活訓練', '自立訓練（生活訓練）'],
    ['自立訓練【機能訓練】', '自立訓練（機能訓練）'],
    ['グループホーム', '共同生活援助（グループホーム）'],
    ['共同生活援助', '共同生活援助（グループホーム）'],
    ['　居宅介護 ', '居宅介護'],
    ['ホームヘルプ', '居宅介護'],
    ['ショートステイ', '短期入所'],
    ['放デイ', '放課後等デイサービス'],
    ['共生型生活介護', '生活介護'],
  ])('%j answers as %s', (typed, canonical) => {
    expect(transitionFor(typed)).toEqual(transitionFor(canonical));
    expect(transitionFor(typed)).toBeDefined();
  });

  it('returns fresh arrays: a caller mutating one answer does not change the next', () => {
    const first = transitionFor('生活介護');
    first?.counterparts.push('改ざん');
    expect(transitionFor('生活介護')?.counterparts).not.toContain('改ざん');
  });

  it('answers with exactly the contract fields: the four and outcome', () => {
    expect(Object.keys(transitionFor('居宅介護') ?? {}).sort()).toEqual(
      ['continuesAfter65', 'counterparts', 'kyoseigata', 'outcome', 'topUpPossible'],
    );
  });
});
