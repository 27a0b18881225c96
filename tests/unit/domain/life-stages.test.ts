// Life stages: defaults, lookup by age, and validation of user-edited lists.
import { describe, expect, it } from 'vitest';
import { AGE_THRESHOLDS, DEFAULT_STAGES, stageForAge, stageLabel, validateStages, type LifeStage } from '../../../shared/domain/index.ts';

describe('default stages', () => {
  it('pass their own validator', () => {
    expect(validateStages(DEFAULT_STAGES)).toEqual({ ok: true });
  });

  it.each([
    [0, '乳幼児期'], [5, '乳幼児期'],
    [6, '学齢期'], [17, '学齢期'],
    [18, '青年期'], [29, '青年期'],
    [30, '成人期'], [39, '成人期'],
    [40, '壮年期'], [64, '壮年期'],
    [65, '高齢期'], [120, '高齢期'],
  ])('age %i is in %s', (age, label) => {
    expect(stageForAge(age)?.label).toBe(label);
  });

  it('start a new stage at each legal threshold (18, 40, 65)', () => {
    const starts = DEFAULT_STAGES.map((s) => s.minAge);
    for (const t of AGE_THRESHOLDS) expect(starts).toContain(t.age);
    expect(AGE_THRESHOLDS.map((t) => t.age)).toEqual([18, 40, 65]);
  });

  it('rejects ages that are not whole numbers ≥ 0', () => {
    expect(() => stageForAge(-1)).toThrow(RangeError);
    expect(() => stageForAge(3.5)).toThrow(RangeError);
    expect(() => stageForAge(Number.NaN)).toThrow(RangeError);
  });
});

describe('edited stages', () => {
  const two: LifeStage[] = [
    { id: 'a', label: '子ども', labelEn: 'Child', minAge: 0, maxAge: 19 },
    { id: 'b', label: '大人', labelEn: 'Adult', minAge: 20, maxAge: null },
  ];

  it('are used by stageForAge', () => {
    expect(stageForAge(19, two)?.id).toBe('a');
    expect(stageForAge(20, two)?.id).toBe('b');
  });

  it('leave an uncovered age undefined', () => {
    expect(stageForAge(5, [{ id: 'x', label: 'x', labelEn: 'x', minAge: 10, maxAge: null }])).toBeUndefined();
  });

  const problems = (stages: LifeStage[]): string[] => {
    const v = validateStages(stages);
    return v.ok ? [] : v.errors.map((e) => e.problem);
  };

  it('accepts a valid custom list', () => {
    expect(problems(two)).toEqual([]);
  });

  it('reports a gap between stages', () => {
    expect(problems([two[0]!, { ...two[1]!, minAge: 22 }])).toEqual(['gap']);
  });

  it('reports an overlap between stages', () => {
    expect(problems([two[0]!, { ...two[1]!, minAge: 15 }])).toEqual(['overlap']);
  });

  it('reports a list not starting at 0', () => {
    expect(problems([{ ...two[0]!, minAge: 1 }, two[1]!])).toEqual(['not-from-zero']);
  });

  it('reports a closed last stage and an open stage before the last', () => {
    expect(problems([two[0]!, { ...two[1]!, maxAge: 99 }])).toEqual(['last-closed']);
    expect(problems([{ ...two[0]!, maxAge: null }, two[1]!])).toContain('open-before-last');
  });

  it('reports inverted ranges, bad ages, duplicate ids, empty labels and an empty list', () => {
    expect(problems([{ ...two[0]!, minAge: 0, maxAge: -1 }, two[1]!])).toContain('bad-age');
    expect(problems([{ id: 'a', label: 'x', labelEn: 'x', minAge: 0, maxAge: 10 }, { id: 'b', label: 'y', labelEn: 'y', minAge: 11, maxAge: 5 }, { id: 'c', label: 'z', labelEn: 'z', minAge: 12, maxAge: null }])).toContain('inverted');
    expect(problems([two[0]!, { ...two[1]!, id: 'a' }])).toEqual(['duplicate-id']);
    expect(problems([two[0]!, { ...two[1]!, label: ' ' }])).toEqual(['empty-label']);
    expect(problems([])).toEqual(['empty']);
  });

  it('says where the problem is, in Japanese', () => {
    const v = validateStages([two[0]!, { ...two[1]!, minAge: 22 }]);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.errors[0]?.index).toBe(1);
      expect(v.errors[0]?.message).toContain('20〜21歳');
    }
  });
});

describe('a stage’s name in the UI language', () => {
  it('an unchanged default stage shows its English name; a name people wrote stays', () => {
    expect(stageLabel({ id: 'youth', label: '青年期' }, 'en')).toBe('Youth');
    expect(stageLabel({ id: 'youth', label: '青年期' }, 'ja')).toBe('青年期');
    expect(stageLabel({ id: 'youth', label: '学生のころ' }, 'en')).toBe('学生のころ');
    expect(stageLabel({ id: 'mine', label: 'Work years' }, 'en')).toBe('Work years');
  });
});
