import { describe, expect, it } from 'vitest';
import { ageToX, currentAgeOf, endAgeFor, lifeBandLayout, todayIso } from '../../../client/shapes/lifeStage/layout.ts';
import { addStage, defaultStageBands, editStage, parseAge, removeStage, stageProblems } from '../../../client/shapes/lifeStage/stageEdits.ts';

const stages = defaultStageBands();
const base = { width: 900, stages, birthDate: '', today: '2026-04-01', specifiedDisease: false };

describe('the life band layout', () => {
  it('places ages linearly up to the end age, clamped', () => {
    expect(ageToX(0, 900, 90)).toBe(0);
    expect(ageToX(45, 900, 90)).toBe(450);
    expect(ageToX(120, 900, 90)).toBe(900);
    expect(ageToX(-3, 900, 90)).toBe(0);
  });

  it('ends at 90 unless the person or the stages need more room', () => {
    expect(endAgeFor(stages, null)).toBe(90);
    expect(endAgeFor(stages, 93)).toBe(98);
    expect(endAgeFor([{ id: 'a', label: 'a', minAge: 0, maxAge: 99 }, { id: 'b', label: 'b', minAge: 100, maxAge: null }], null)).toBe(110);
  });

  it('stages are contiguous and fill the band; thresholds sit at 18, 40 and 65', () => {
    const l = lifeBandLayout(base);
    expect(l.stages[0]).toMatchObject({ x: 0, w: 60, label: '乳幼児期' });
    for (let i = 1; i < l.stages.length; i++) expect(l.stages[i]!.x).toBeCloseTo(l.stages[i - 1]!.x + l.stages[i - 1]!.w);
    const last = l.stages[l.stages.length - 1]!;
    expect(last.x + last.w).toBe(900);
    expect(l.thresholds).toEqual([
      { age: 18, x: 180 },
      { age: 40, x: 400 },
      { age: 65, x: 650 },
    ]);
  });

  it('the age today comes from the birth date (reached the day before the birthday)', () => {
    expect(currentAgeOf('1961-04-02', '2026-04-01')).toBe(65);
    expect(currentAgeOf('1961-04-03', '2026-04-01')).toBe(64);
    expect(currentAgeOf('', '2026-04-01')).toBeNull();
    expect(currentAgeOf('2030-01-01', '2026-04-01')).toBeNull();
    const l = lifeBandLayout({ ...base, birthDate: '1961-04-02' });
    expect(l.currentAge).toEqual({ age: 65, x: 655 });
    expect(lifeBandLayout(base).currentAge).toBeNull();
  });

  it('without a 特定疾病 the care manager starts at 65 and 連携の領域 is 65+', () => {
    const l = lifeBandLayout(base);
    expect(l.soudan).toEqual([{ x: 0, w: 900, minAge: 0, maxAge: null, conditional: false, active: true }]);
    expect(l.caremanager.map((c) => [c.minAge, c.maxAge, c.conditional, c.active])).toEqual([
      [40, 64, true, false],
      [65, null, false, true],
    ]);
    expect(l.overlap).toEqual([{ x: 650, w: 250, minAge: 65, maxAge: null }]);
  });

  it('with a 特定疾病 the care manager also covers 40–64, and the overlap is one area from 40', () => {
    const l = lifeBandLayout({ ...base, specifiedDisease: true });
    expect(l.caremanager.every((c) => c.active)).toBe(true);
    expect(l.overlap).toEqual([{ x: 400, w: 500, minAge: 40, maxAge: null }]);
  });

  it('today is the local calendar date', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('editing the stages', () => {
  it('adds an open-ended stage after the last one and closes the old last', () => {
    const next = addStage(stages, '超高齢期', 'very-old');
    expect(next.slice(-2)).toEqual([
      { id: 'old-age', label: '高齢期', minAge: 65, maxAge: 74 },
      { id: 'very-old', label: '超高齢期', minAge: 75, maxAge: null },
    ]);
    expect(stageProblems(next)).toEqual([]);
  });

  it('removing a stage gives its years to the one before, so the band stays valid', () => {
    expect(stageProblems(removeStage(stages, 3))).toEqual([]);
    expect(stageProblems(removeStage(stages, 0))).toEqual([]);
    expect(stageProblems(removeStage(stages, stages.length - 1))).toEqual([]);
    expect(removeStage(stages.slice(0, 1), 0)).toHaveLength(1);
  });

  it('reports a gap in plain Japanese', () => {
    const broken = editStage(stages, 1, { maxAge: 15 });
    expect(stageProblems(broken)).toEqual(['16〜17歳がどのステージにも入らない']);
  });

  it('reads typed ages, full-width too', () => {
    expect(parseAge('６５', false)).toBe(65);
    expect(parseAge('', true)).toBeNull();
    expect(parseAge('', false)).toBeUndefined();
    expect(parseAge('-1', false)).toBeUndefined();
  });
});
