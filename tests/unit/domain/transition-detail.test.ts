// The explanations behind each answer: what the board shows next to a transition.
import { describe, expect, it } from 'vitest';
import { allTransitions, transitionDetailFor, transitionFor } from '../../../shared/domain/index.ts';

describe('transitionDetailFor', () => {
  it('agrees with transitionFor on the contract fields for every 障害福祉 service', () => {
    for (const d of allTransitions()) {
      expect(transitionFor(d.serviceName)).toEqual({
        counterparts: d.counterparts,
        kyoseigata: d.kyoseigata,
        continuesAfter65: d.continuesAfter65,
        topUpPossible: d.topUpPossible,
        outcome: d.outcome === 'not-applicable' ? 'depends' : d.outcome,
      });
    }
  });

  it('gives every service a Japanese reason', () => {
    for (const d of allTransitions()) expect(d.reason).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('names the 手順書 vs 本人の指示 difference for home help', () => {
    for (const name of ['居宅介護', '重度訪問介護']) {
      const notes = transitionDetailFor(name)?.notes.join('\n') ?? '';
      expect(notes).toContain('手順書');
      expect(notes).toContain('本人の指示');
    }
  });

  // DOMAIN.md (corrected): 居宅介護 never covered outings for pleasure; its users lose 院内介助
  // and 生活援助 with a family member at home (訪問介護's restriction) — 事例演習1.
  it('lists 院内介助 and 同居家族がいる場合の生活援助 as what 居宅介護 users lose, not outings', () => {
    const losses = transitionDetailFor('居宅介護')?.losses.join() ?? '';
    expect(losses).toContain('院内介助');
    expect(losses).toContain('同居家族');
    expect(losses).not.toContain('外出');
    expect(transitionDetailFor('居宅介護')?.notes.join()).toMatch(/居宅介護はもともと楽しみのための外出を支えない/);
  });

  it('marks exactly 居宅介護・重度訪問介護・生活介護・短期入所 (both kinds) as counting towards the 新高額 refund', () => {
    const flagged = allTransitions().filter((d) => d.highCostRefundPrior).map((d) => d.serviceName);
    expect(flagged.sort()).toEqual(['居宅介護', '重度訪問介護', '生活介護', '短期入所', '医療型短期入所'].sort());
    expect(transitionDetailFor('生活介護')?.notes.join()).toContain('新高額障害福祉サービス等給付費');
  });

  it('words municipal decisions as something to confirm, never as a computed result', () => {
    for (const d of allTransitions().filter((x) => x.outcome === 'moves' || x.outcome === 'depends' || x.topUpPossible)) {
      expect(d.notes.join()).toMatch(/市町村.*確認/);
    }
  });

  it('lists the 共生型 partners of 生活介護, including the 小規模多機能 row', () => {
    const partners = transitionDetailFor('生活介護')?.kyoseigataWith ?? [];
    expect(partners).toEqual(expect.arrayContaining(['通所介護', '地域密着型通所介護', '小規模多機能型居宅介護']));
    expect(partners).not.toContain('訪問介護');
  });

  it('treats children’s services as outside the move at 65', () => {
    for (const name of ['児童発達支援', '放課後等デイサービス']) {
      const d = transitionDetailFor(name);
      expect(d?.outcome).toBe('not-applicable');
      expect(d?.continuesAfter65).toBe(false);
      expect(d?.counterparts).toEqual([]);
      expect(d?.kyoseigata).toBe(true);
      expect(d?.reason).toContain('児童福祉法');
    }
  });

  it('keeps outcome and the contract flags consistent', () => {
    for (const d of allTransitions()) {
      expect(d.continuesAfter65).toBe(d.outcome === 'continues');
      if (d.outcome === 'moves') expect(d.counterparts.length).toBeGreaterThan(0);
      if (d.kyoseigata) expect(d.kyoseigataWith.length).toBeGreaterThan(0);
      else expect(d.kyoseigataWith).toEqual([]);
    }
  });
});
