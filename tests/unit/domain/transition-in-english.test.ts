import { describe, expect, it } from 'vitest';
import { allTransitions, summarizeTransition, transitionDetailFor } from '../../../shared/domain/index.ts';
import { RULE_TEXTS_EN } from '../../../shared/domain/transitionEn.ts';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

describe('the transition rules in English', () => {
  it('every service has the same reasons, notes and losses in both languages, one for one', () => {
    for (const ja of allTransitions()) {
      const en = transitionDetailFor(ja.serviceName, 'en')!;
      expect(en.serviceId).toBe(ja.serviceId);
      expect(en.notes, ja.serviceName).toHaveLength(ja.notes.length);
      expect(en.losses, ja.serviceName).toHaveLength(ja.losses.length);
      // The answer itself does not change with the language.
      expect({ ...en, reason: '', notes: [], losses: [] }).toEqual({ ...ja, reason: '', notes: [], losses: [] });
    }
    expect(Object.keys(RULE_TEXTS_EN).sort()).toEqual(allTransitions().map((d) => d.serviceId).sort());
  });

  it('the English words have no Japanese in them', () => {
    for (const ja of allTransitions()) {
      const en = transitionDetailFor(ja.serviceName, 'en')!;
      for (const text of [en.reason, ...en.notes, ...en.losses]) expect(text, `${ja.serviceName}: ${text}`).not.toMatch(JAPANESE);
    }
  });

  it('the summary’s notes follow the language; Japanese stays the default', () => {
    const names = ['居宅介護', '行動援護', '訪問看護', 'よくわからない'];
    const en = summarizeTransition(names, 'en');
    const ja = summarizeTransition(names);
    expect(en.moves.map((m) => m.serviceId)).toEqual(ja.moves.map((m) => m.serviceId));
    for (const item of [...en.moves, ...en.continues, ...en.noHome, ...en.other]) expect(item.note).not.toMatch(JAPANESE);
    expect(ja.moves[0]!.note).toMatch(JAPANESE);
  });
});
