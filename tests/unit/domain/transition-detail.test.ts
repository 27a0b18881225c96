// The explanations behind each answer: what the board shows next to a transition.
import { describe, expect, it } from 'vitest';
import { allTransitions, transitionDetailFor, transitionFor } from '../../../shared/domain/index.ts';

describe('transitionDetailFor', () => {
  it('agrees with transitionFor on the four contract fields for every 障害福祉 service', () => {
    for (const d of allTransitions()) {
      expect(transitionFor(d.serviceName)).toEqual({
        counterparts: d.counterparts,
        kyoseigata: d.kyoseigata,
        continuesAfter65: d.continuesAfter65,
        topUpPossible: d.topUpPossible,
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

  it('makes the loss of outings for pleasure visible for 居宅介護', () => {
    expect(transitionDetailFor('居宅介護')?.losses.join()).toContain('外出');
  });

  it('marks exactly 居宅介護・重度訪問介護・生活介護・短期入所 as counting towards the 新高額 refund', () => {
    const flagged = allTransitions().filter((d) => d.highCostRefundPrior).map((d) => d.serviceName);
    expect(flagged.sort()).toEqual(['居宅介護', '重度訪問介護', '生活介護', '短期入所'].sort());
    expect(transitionDetailFor('生活介護')?.notes.join()).toContain('新高額障害福祉サービス等給付費');
  });

  it('words municipal decisions as something to confirm, never as a computed result', () => {
    for (const d of allTransitions().filter((x) => x.outcome === 'moves' || x.topUpPossible)) {
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
