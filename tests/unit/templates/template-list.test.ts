// GET /api/templates serves listTemplates(): the contract names blank, exercise-1, exercise-2;
// the curriculum's first exercise (情報連携（引継ぎ）) comes before the two case exercises.
import { describe, expect, it } from 'vitest';
import { findTemplate, listTemplates } from '../../../shared/templates/index.ts';

describe('listTemplates', () => {
  it('offers blank, the three exercises in the course\'s order and the meeting', () => {
    expect(listTemplates().map((t) => t.id)).toEqual(['blank', 'handover', 'exercise-1', 'exercise-2', 'meeting']);
  });

  it('titles and describes each in Japanese', () => {
    for (const t of listTemplates()) {
      expect(t.title, t.id).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      expect(t.description, t.id).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      expect(t.description.length, t.id).toBeLessThan(200);
    }
  });

  it('finds a template by id, and nothing for an unknown id', () => {
    expect(findTemplate('meeting')?.title).toBe(listTemplates()[4]?.title);
    expect(findTemplate('handover')?.title).toBe('情報連携（引継ぎ）の演習');
    expect(findTemplate('nope')).toBeUndefined();
  });

  it('keeps the blank board to the document and one page', () => {
    expect(findTemplate('blank')?.build().map((r) => r.typeName)).toEqual(['document', 'page']);
  });
});
