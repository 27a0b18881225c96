// Template texts as data in both languages (issue 13's English UI), and what the person reads in
// やさしい日本語: the review's hard words (凡例, 推定, 相当, 支給限度基準額) only with a plain gloss.
import { expect, it } from 'vitest';
import { FRAME_KEYS, FRAME_GUIDES, PLAIN_GLOSSES, VOICE_PROMPTS, listTemplates, templateDescription, templateTitle } from '../../../shared/templates/index.ts';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

it('gives every listed template a Japanese and an English title and description', () => {
  for (const t of listTemplates()) {
    expect(templateTitle(t.id, 'ja')).toBe(t.title);
    expect(templateDescription(t.id, 'ja')).toBe(t.description);
    expect(templateTitle(t.id, 'en'), t.id).toMatch(/^[^\u3040-\u30ff]+$/);
    expect(templateDescription(t.id, 'en'), t.id).not.toMatch(JAPANESE);
  }
  expect(templateTitle('no-such-template', 'en')).toBeUndefined();
  expect(templateTitle('toString', 'en')).toBeUndefined();
});

it('has both languages for every frame guide and voice prompt, English without Japanese', () => {
  for (const key of FRAME_KEYS) {
    expect(FRAME_GUIDES[key].ja).toMatch(JAPANESE);
    expect(FRAME_GUIDES[key].en, key).not.toMatch(JAPANESE);
  }
  for (const p of VOICE_PROMPTS) expect(p.en).not.toMatch(JAPANESE);
});

it('uses a hard word in what the person reads only with its plain gloss right after it', () => {
  const texts = [...FRAME_KEYS.map((k) => FRAME_GUIDES[k].ja), ...VOICE_PROMPTS.map((p) => p.ja)];
  for (const { term, ja } of PLAIN_GLOSSES) {
    for (const text of texts) {
      const bare = text.split(term).length - 1;
      const glossed = text.split(`${term}（`).length - 1;
      expect(glossed, `${term} in ${text}`).toBe(bare);
    }
    expect(ja).not.toContain(term);
  }
  // The ecomap guide names the legend, with its gloss.
  expect(FRAME_GUIDES.ecomap.ja).toContain('凡例（');
});
