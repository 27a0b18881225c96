// Who plans for whom, and the area of 連携 where both specialists work.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES, SPECIALIST_SCOPES, collaborationArea, scopeOverlap, stageCoverage } from '../../../shared/domain/index.ts';

describe('collaborationArea', () => {
  it('is 40–64 under the 特定疾病 condition, and 65 onwards without one', () => {
    expect(collaborationArea()).toEqual([
      { minAge: 40, maxAge: 64, condition: '特定疾病' },
      { minAge: 65, maxAge: null, condition: null },
    ]);
  });
});

describe('scopeOverlap', () => {
  it('intersects ranges and drops disjoint ones', () => {
    const a = [{ minAge: 0, maxAge: 17, condition: null }, { minAge: 30, maxAge: 50, condition: 'x' }];
    const b = [{ minAge: 10, maxAge: 40, condition: 'y' }];
    expect(scopeOverlap(a, b)).toEqual([
      { minAge: 10, maxAge: 17, condition: 'y' },
      { minAge: 30, maxAge: 40, condition: 'x・y' },
    ]);
    expect(scopeOverlap([{ minAge: 0, maxAge: 5, condition: null }], [{ minAge: 6, maxAge: null, condition: null }])).toEqual([]);
  });
});

describe('stageCoverage', () => {
  const coverage = (scope: keyof typeof SPECIALIST_SCOPES) =>
    Object.fromEntries(DEFAULT_STAGES.map((s) => [s.label, stageCoverage(s, SPECIALIST_SCOPES[scope])]));

  it('相談支援専門員 covers every stage', () => {
    expect(Object.values(coverage('soudan')).every((c) => c === 'full')).toBe(true);
  });

  it('介護支援専門員 covers 高齢期, 壮年期 only with a 特定疾病, and nothing before 40', () => {
    expect(coverage('caremanager')).toEqual({
      乳幼児期: 'none',
      学齢期: 'none',
      青年期: 'none',
      成人期: 'none',
      壮年期: 'conditional',
      高齢期: 'full',
    });
  });

  it('reports partial cover when a scope ends inside a stage', () => {
    expect(stageCoverage({ id: 'x', label: 'x', labelEn: 'x', minAge: 30, maxAge: 49 }, SPECIALIST_SCOPES.caremanager)).toBe('partial');
  });
});
