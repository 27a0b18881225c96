// The handover checklist and the 新高額 refund checks: listed, never computed.
import { describe, expect, it } from 'vitest';
import { CHECK_STATUSES, HANDOVER_ITEMS, HIGH_COST_REFUND, initialCheckState } from '../../../shared/domain/index.ts';

describe('handover checklist', () => {
  it('covers every point of DOMAIN.md “The handover”', () => {
    const text = HANDOVER_ITEMS.map((i) => i.label).join('\n');
    for (const topic of ['生活歴', '本人の言葉', '指示', '支給量', '事業所', '失われる', '続く', '費用', '利用者負担', '家族', 'インフォーマル', '保健師', '行政', '決まっていない']) {
      expect(text, topic).toContain(topic);
    }
  });

  it('has unique ids and English labels', () => {
    const ids = HANDOVER_ITEMS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of HANDOVER_ITEMS) expect(i.labelEn).toMatch(/[A-Za-z]/);
  });
});

describe('新高額障害福祉サービス等給付費 checks', () => {
  it('list each condition of DOMAIN.md as something to confirm', () => {
    const text = HIGH_COST_REFUND.conditions.map((c) => c.label).join('\n');
    for (const topic of ['5年間', '非課税', '生活保護', '障害支援区分2以上', '介護保険のサービスを利用していない', '申請']) {
      expect(text, topic).toContain(topic);
    }
    expect(HIGH_COST_REFUND.note).toContain('判定せず');
  });

  it('start every item as “to confirm”', () => {
    const state = initialCheckState(HIGH_COST_REFUND.conditions);
    expect(Object.keys(state)).toEqual(HIGH_COST_REFUND.conditions.map((c) => c.id));
    expect(new Set(Object.values(state))).toEqual(new Set(['to-confirm']));
    expect(CHECK_STATUSES[state['income']].label).toBe('要確認');
  });
});

// DOMAIN.md (新高額障害福祉サービス等給付費, 2018): the wording that matters.
describe('新高額 wording (障害者総合支援法 第76条の2, DOMAIN.md)', () => {
  it('says 「引き続き5年間」, tests income twice, and counts only the five LTC services', () => {
    const text = HIGH_COST_REFUND.conditions.map((c) => `${c.label} ${c.hint}`).join('\n');
    expect(text).toContain('引き続き5年間');
    expect(text).toContain('65歳になる前日の属する年度と申請の時の両方');
    expect(text).toContain('この五つの利用者負担だけ');
  });
});
