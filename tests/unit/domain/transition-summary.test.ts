// The board summary: what moves, what continues, what has no home yet.
import { describe, expect, it } from 'vitest';
import { summarizeTransition } from '../../../shared/domain/index.ts';

const names = (items: readonly { name: string | null; input: string }[]): string[] => items.map((i) => i.name ?? i.input);

describe('summarizeTransition', () => {
  it('sorts a typical plan into moves, continues and noHome', () => {
    const s = summarizeTransition(['居宅介護', '生活介護', '同行援護', '就労継続支援B型', 'お寺の会']);
    expect(names(s.moves)).toEqual(['居宅介護', '生活介護']);
    expect(names(s.continues)).toEqual(['同行援護', '就労継続支援B型']);
    expect(s.noHome.filter((i) => i.kind === 'unknown').map((i) => i.input)).toEqual(['お寺の会']);
    expect(s.other).toEqual([]);
  });

  it('carries counterparts and flags on what moves', () => {
    const [move] = summarizeTransition(['重度訪問介護']).moves;
    expect(move).toMatchObject({ name: '重度訪問介護', counterparts: ['訪問介護'], kyoseigata: true, topUpPossible: true });
  });

  it('shows what the move loses as gaps with no home', () => {
    const gaps = summarizeTransition(['居宅介護']).noHome.filter((i) => i.kind === 'gap');
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.every((g) => g.name === '居宅介護')).toBe(true);
    expect(gaps.map((g) => g.note).join()).toContain('院内介助');
  });

  it('asks which one when a name fits services that answer differently', () => {
    const s = summarizeTransition(['自立訓練']);
    expect(s.noHome).toHaveLength(1);
    expect(s.noHome[0]).toMatchObject({ kind: 'ambiguous', input: '自立訓練' });
    expect(s.noHome[0]?.note).toContain('自立訓練（機能訓練）');
  });

  it('places an unclear name when every reading continues (就労継続支援 A/B)', () => {
    const s = summarizeTransition(['就労継続支援']);
    expect(s.continues.map((i) => i.input)).toEqual(['就労継続支援']);
    expect(s.noHome).toEqual([]);
  });

  it('puts 介護保険, 医療, インフォーマル and children’s services under other', () => {
    const s = summarizeTransition(['訪問看護', '訪問診療', '近隣の見守り', '放課後等デイサービス']);
    expect(s.other.map((i) => i.system)).toEqual(['kaigo', 'iryo', 'informal', 'shogai']);
    expect(s.moves).toEqual([]);
    expect(s.continues).toEqual([]);
  });

  it('lists a service once however it is spelled, and skips blanks', () => {
    const s = summarizeTransition(['就労継続支援A型', '就労継続支援Ａ型', ' ', '', 'A型']);
    expect(s.continues).toHaveLength(1);
    expect(s.continues[0]?.input).toBe('就労継続支援A型');
  });

  it('reads a name shared by both systems as the 障害福祉 one (ショートステイ → 短期入所)', () => {
    expect(names(summarizeTransition(['ショートステイ']).moves)).toEqual(['短期入所']);
  });

  it('returns empty buckets for an empty list', () => {
    expect(summarizeTransition([])).toEqual({ moves: [], continues: [], noHome: [], other: [] });
  });
});
