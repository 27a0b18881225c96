// CONTRACT.md "Domain module" and DOMAIN.md "The move at 65": every 障害福祉 service a person can be
// receiving at 65, and the spoken names people use, get an answer with an honest outcome.
import { describe, expect, it } from 'vitest';
import { summarizeTransition, transitionDetailFor, transitionFor } from '../../../shared/domain/index.ts';

describe('services the catalogue lacked', () => {
  // 介護保険法施行法 第11条, 介護保険法施行規則 第170条: 障害者支援施設 (施設入所支援) and 療養介護 users are 適用除外.
  it.each(['施設入所支援', '療養介護'])('%s continues and says its users are 介護保険の適用除外 (施行法第11条・施行規則第170条)', (name) => {
    expect(transitionFor(name)).toMatchObject({ outcome: 'continues', continuesAfter65: true, counterparts: [] });
    const d = transitionDetailFor(name);
    expect(d?.ltcExcluded).toBe(true);
    expect(d?.reason).toContain('適用除外');
    expect(d?.reason).toContain('介護保険法施行法第11条');
    expect(d?.reason).toContain('施行規則第170条');
  });

  // DOMAIN.md: 地域移行支援, 地域定着支援 (地域相談支援) and 意思疎通支援 have no 介護保険 equivalent.
  it.each(['地域移行支援', '地域定着支援', '意思疎通支援', '手話通訳'])('%s continues with no counterpart', (name) => {
    expect(transitionFor(name)).toMatchObject({ outcome: 'continues', counterparts: [], topUpPossible: false });
    expect(transitionDetailFor(name)?.ltcExcluded).toBe(false);
  });

  // 地域生活支援事業: the municipality sets the rules (DOMAIN.md).
  it('日中一時支援 depends on the municipality', () => {
    expect(transitionFor('日中一時支援')?.outcome).toBe('depends');
    expect(transitionDetailFor('日中一時支援')?.notes.join()).toMatch(/市町村の要綱を確認/);
  });

  it('訪問入浴サービス (地域生活支援事業) moves to 訪問入浴介護', () => {
    expect(transitionFor('訪問入浴サービス')).toMatchObject({ outcome: 'moves', counterparts: ['訪問入浴介護'] });
  });
});

describe('spoken names', () => {
  // DOMAIN.md: 居宅介護 (incl. 通院等介助).
  it('通院等介助 is part of 居宅介護', () => {
    expect(transitionFor('通院等介助')).toEqual(transitionFor('居宅介護'));
  });

  it('就労継続支援 without A/B continues either way', () => {
    expect(transitionFor('就労継続支援')).toMatchObject({ outcome: 'continues', continuesAfter65: true, counterparts: [] });
    expect(transitionDetailFor('就労継続支援')?.serviceName).toBe('就労継続支援A型・就労継続支援B型');
  });

  // DOMAIN.md: 短期入所 (福祉型 → 短期入所生活介護; 医療型 → 短期入所療養介護).
  it('医療型短期入所 moves to 短期入所療養介護, which the LTC side now has', () => {
    expect(transitionFor('医療型短期入所')).toMatchObject({ outcome: 'moves', counterparts: ['短期入所療養介護'], topUpPossible: true });
    expect(transitionFor('福祉型短期入所')?.counterparts).toContain('短期入所生活介護');
  });
});

describe('"it depends"', () => {
  // DOMAIN.md: 計画相談支援 continues while any 障害福祉-only service remains.
  it('計画相談支援 depends on whether a 障害福祉-only service remains', () => {
    expect(transitionFor('計画相談支援')).toMatchObject({ outcome: 'depends', counterparts: ['居宅介護支援'], continuesAfter65: false });
    expect(transitionDetailFor('計画相談支援')?.reason).toMatch(/障害福祉だけのサービスが一つでも残る間は計画相談支援も続き/);
  });

  // DOMAIN.md: 補装具 is replaced item by item (福祉用具貸与 first).
  it('補装具 depends on the item, 福祉用具貸与 first', () => {
    expect(transitionFor('補装具')).toMatchObject({ outcome: 'depends', counterparts: ['福祉用具貸与'] });
    expect(transitionDetailFor('補装具')?.notes.join()).toContain('品目ごと');
  });

  it('a summary keeps a `depends` answer open, with its reason', () => {
    const s = summarizeTransition(['計画相談支援', '同行援護']);
    expect(s.noHome).toEqual([expect.objectContaining({ kind: 'depends', name: '計画相談支援' })]);
    expect(s.continues.map((i) => i.name)).toEqual(['同行援護']);
  });
});

describe('the 手順書 contrast is one of practice, not of law (DOMAIN.md)', () => {
  it('names 訪問介護計画 and 手順書 as two documents and says it is practice', () => {
    const notes = transitionDetailFor('居宅介護')?.notes.join() ?? '';
    expect(notes).toContain('訪問介護計画と、それに基づく手順書（二つの別の書類）');
    expect(notes).toContain('法律の違いではなく、実践での違い');
  });
});
