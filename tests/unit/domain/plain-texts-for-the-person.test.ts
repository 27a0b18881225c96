import { describe, expect, it } from 'vitest';
import { SERVICES, plainDate, plainTransition, summarizeTransition } from '../../../shared/domain/index.ts';

// Issue 16: what the product writes for the person about the move at 65 is plain Japanese —
// short sentences, none of the words the review found too hard without a gloss — and complete
// in English. It lives in the domain module, so every view of the person uses the same words.
const HARD_WORDS = ['凡例', '相当', '支給限度基準額', '適用除外', '原則'];
const summary = (lang: 'ja' | 'en') => summarizeTransition(SERVICES.filter((s) => s.system === 'shogai').map((s) => s.name), lang);
const kinds = ['moves', 'continues', 'noHome'] as const;

describe('plain texts for the person', () => {
  const ja = summary('ja');

  it('say something for every disability service at the move, in short sentences without hard words', () => {
    let count = 0;
    for (const k of kinds) {
      for (const item of ja[k]) {
        const text = plainTransition('ja', k, item);
        count++;
        expect(text.length).toBeGreaterThan(0);
        for (const word of HARD_WORDS) expect(text, `${item.input}: ${text}`).not.toContain(word);
        for (const sentence of text.split('。').filter(Boolean)) expect(sentence.length, sentence).toBeLessThanOrEqual(60);
      }
    }
    // Every kind is present in the catalogue's summary, so each branch above was exercised.
    for (const k of kinds) expect(ja[k].length, k).toBeGreaterThan(0);
    expect(count).toBeGreaterThan(10);
  });

  it('gloss 上乗せ where a top-up is possible and name the insurance services it becomes', () => {
    const home = ja.moves.find((m) => m.input === '居宅介護');
    expect(home).toBeDefined();
    const text = plainTransition('ja', 'moves', home!);
    expect(text).toContain('訪問介護');
    if (home!.topUpPossible) expect(text).toMatch(/足すこと（上乗せ）/);
  });

  it('are complete in English, with no Japanese left', () => {
    const en = summary('en');
    for (const k of kinds) for (const item of en[k]) expect(plainTransition('en', k, item), item.input).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('write dates as people read them', () => {
    expect(plainDate('ja', '2026-05-19')).toBe('2026年5月19日');
    expect(plainDate('en', '2026-05-19')).toBe('19 May 2026');
    expect(plainDate('ja', '5月ごろ')).toBe('5月ごろ');
  });
});
