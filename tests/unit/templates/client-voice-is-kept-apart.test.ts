// 意思決定支援ガイドライン: 本人の言葉 is never mixed with professionals' or family's notes.
// Only rb-voice cards carry the person's words, each says who recorded it and how, and they
// sit in 本人の思い, not among the services.
import { describe, expect, it } from 'vitest';
import { VOICE_SOURCES } from '../../../shared/shapes/index.ts';
import { FRAME_NAMES } from '../../../shared/templates/index.ts';
import { CASE_TEMPLATE_IDS, frameOf, propsOf, recordsOf, shapesOf, textOf } from './helpers.ts';

describe.each(['exercise-1', 'exercise-2'])('%s', (id) => {
  const records = recordsOf(id);
  const shapes = shapesOf(records);
  const voices = shapes.filter((s) => s.type === 'rb-voice');

  it('has several 本人の言葉 cards, each with who recorded it and how', () => {
    expect(voices.length).toBeGreaterThanOrEqual(4);
    for (const v of voices) {
      expect(String(propsOf(v).recordedBy).length).toBeGreaterThan(3);
      expect(VOICE_SOURCES).toContain(propsOf(v).source);
    }
    expect(new Set(voices.map((v) => propsOf(v).source)).size).toBeGreaterThanOrEqual(2);
  });

  it('quotes spoken words as words, and never puts a family member’s words on a voice card', () => {
    for (const v of voices) {
      const text = String(propsOf(v).text);
      if (propsOf(v).source === 'spoken') expect(text).toMatch(/^「.+」$/);
      expect(text).not.toMatch(/^(母|父|妻|夫|妹|姉|弟|兄|長女|長男|家族)/);
    }
  });

  it('keeps the person’s words off every other shape', () => {
    const quotes = voices.flatMap((v) => String(propsOf(v).text).match(/「[^」]+」/g) ?? []);
    expect(quotes.length).toBeGreaterThan(0);
    for (const s of shapes.filter((x) => x.type !== 'rb-voice')) {
      for (const q of quotes) expect(textOf(s), `${s.id} repeats ${q}`).not.toContain(q);
    }
  });

  it('puts the voice cards in 本人の思い, and the family’s words there as plain notes', () => {
    for (const v of voices) expect(propsOf(frameOf(v, records)!).name).toBe(FRAME_NAMES.voices);
    const family = shapes.filter((s) => s.type === 'note' && propsOf(frameOf(s, records)!).name === FRAME_NAMES.voices);
    expect(family.length).toBeGreaterThan(0);
  });
});

describe.each(CASE_TEMPLATE_IDS)('%s', (id) => {
  it('has no voice card among the services', () => {
    const records = recordsOf(id);
    for (const v of shapesOf(records).filter((s) => s.type === 'rb-voice')) {
      expect(propsOf(frameOf(v, records)!).name).not.toBe(FRAME_NAMES.services);
    }
  });
});
