// findService / resolveService: the names people type on stickies.
import { describe, expect, it } from 'vitest';
import { findService, findServices, nameKey, resolveService } from '../../../shared/domain/index.ts';

describe('findService', () => {
  it('finds a service by its exact name', () => {
    expect(findService('重度訪問介護')?.id).toBe('judo-homon-kaigo');
  });

  it('ignores width, spaces and bracket style', () => {
    const canonical = findService('自立訓練（機能訓練）');
    expect(canonical).toBeDefined();
    for (const typed of ['自立訓練(機能訓練)', ' 自立訓練 （機能訓練） ', '自立訓練［機能訓練］', '自立訓練　機能訓練', '自立訓練機能訓練']) {
      expect(findService(typed)).toBe(canonical);
    }
    expect(findService('就労継続支援Ａ型')).toBe(findService('就労継続支援A型'));
    expect(findService('就労継続支援a型')).toBe(findService('就労継続支援A型'));
  });

  it('ignores the middle dot in compound names', () => {
    expect(findService('定期巡回随時対応型訪問介護看護')?.name).toBe('定期巡回・随時対応型訪問介護看護');
    expect(findService('定期巡回･随時対応型訪問介護看護')?.name).toBe('定期巡回・随時対応型訪問介護看護');
  });

  it('matches aliases', () => {
    expect(findService('グループホーム')?.name).toBe('共同生活援助（グループホーム）');
    expect(findService('放デイ')?.name).toBe('放課後等デイサービス');
    expect(findService('看多機')?.name).toBe('看護小規模多機能型居宅介護');
    expect(findService('デイサービス')?.name).toBe('通所介護');
  });

  it('does not guess when an alias belongs to both systems', () => {
    expect(findService('ショートステイ')).toBeUndefined();
    expect(findServices('ショートステイ').map((s) => s.name).sort()).toEqual(['短期入所', '短期入所生活介護'].sort());
    expect(findService('ショートステイ', { system: 'kaigo' })?.name).toBe('短期入所生活介護');
    expect(findService('ショートステイ', { system: 'shogai' })?.name).toBe('短期入所');
    expect(findService('ホームヘルプ', { system: 'kaigo' })?.name).toBe('訪問介護');
    expect(findService('ホームヘルプ', { system: 'shogai' })?.name).toBe('居宅介護');
  });

  it('returns undefined for unknown names and for names only partly matching', () => {
    expect(findService('')).toBeUndefined();
    expect(findService('訪問')).toBeUndefined();
    expect(findService('生活介護サービス')).toBeUndefined();
  });
});

describe('resolveService', () => {
  it('reads a 共生型 prefix and reports it', () => {
    expect(resolveService('共生型生活介護')).toMatchObject({ service: { name: '生活介護' }, kyoseigata: true });
    expect(resolveService('共生型 通所介護')).toMatchObject({ service: { name: '通所介護' }, kyoseigata: true });
    expect(resolveService('生活介護')).toMatchObject({ service: { name: '生活介護' }, kyoseigata: false });
  });

  it('does not treat 共生型 alone as a service', () => {
    expect(resolveService('共生型')).toBeUndefined();
    expect(resolveService('共生型サービス')).toBeUndefined();
  });
});

describe('nameKey', () => {
  it('folds full-width forms and brackets onto one key', () => {
    expect(nameKey('就労継続支援Ａ型（テスト）')).toBe(nameKey('就労継続支援A型 (テスト)'));
    expect(nameKey('ＡＢＣ')).toBe('abc');
  });
});
