import { describe, expect, it } from 'vitest';
import { DEFAULT_PHASES, groupLabel, phaseLabel } from '../../../shared/workshop/index.ts';

describe('a workshop’s default names in English', () => {
  it('every default phase has an English name; Japanese stays as stored', () => {
    for (const p of DEFAULT_PHASES) {
      expect(phaseLabel(p, 'en')).toMatch(/^[A-Z][a-z ]+$/);
      expect(phaseLabel(p, 'ja')).toBe(p);
    }
  });

  it('a facilitator’s own names are shown as written', () => {
    expect(phaseLabel('事例の読み込み', 'en')).toBe('事例の読み込み');
    expect(groupLabel('さくら班', 'en')).toBe('さくら班');
  });

  it('「グループN」 is Group N', () => {
    expect(groupLabel('グループ12', 'en')).toBe('Group 12');
    expect(groupLabel('グループ12', 'ja')).toBe('グループ12');
  });
});
