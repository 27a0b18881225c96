// ageOn: whole years, going up on the day before each birthday.
import { describe, expect, it } from 'vitest';
import { age65Date, ageOn } from '../../../shared/domain/index.ts';

describe('ageOn', () => {
  it('turns 65 on the 65歳到達日, not on the birthday', () => {
    expect(ageOn('1961-04-01', '2026-03-30')).toBe(64);
    expect(ageOn('1961-04-01', '2026-03-31')).toBe(65);
    expect(ageOn('1961-04-01', '2026-04-01')).toBe(65);
  });

  it('handles a 29 February birth in common and leap years', () => {
    expect(ageOn('1960-02-29', '2025-02-27')).toBe(64);
    expect(ageOn('1960-02-29', '2025-02-28')).toBe(65);
    expect(ageOn('1960-02-29', '2024-02-27')).toBe(63);
    expect(ageOn('1960-02-29', '2024-02-28')).toBe(64);
  });

  it('handles a 1 January birth, whose age goes up on 31 December', () => {
    expect(ageOn('1961-01-01', '2025-12-30')).toBe(64);
    expect(ageOn('1961-01-01', '2025-12-31')).toBe(65);
    expect(ageOn('1961-01-01', '2026-01-01')).toBe(65);
  });

  it('is 0 on the day of birth and until the day before the first birthday', () => {
    expect(ageOn('2020-05-05', '2020-05-05')).toBe(0);
    expect(ageOn('2020-05-05', '2021-05-03')).toBe(0);
    expect(ageOn('2020-05-05', '2021-05-04')).toBe(1);
  });

  it('agrees with age65Date for many birth dates', () => {
    for (let t = Date.UTC(1958, 0, 1); t <= Date.UTC(1961, 11, 31); t += 86_400_000 * 7) {
      const birth = new Date(t).toISOString().slice(0, 10);
      const reached = age65Date(birth);
      const dayBefore = new Date(Date.parse(`${reached}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      expect(ageOn(birth, reached)).toBe(65);
      expect(ageOn(birth, dayBefore)).toBe(64);
    }
  });

  it('throws for a date before birth and for malformed dates', () => {
    expect(() => ageOn('1961-04-01', '1961-03-31')).toThrow(RangeError);
    expect(() => ageOn('1961-04-31', '2026-01-01')).toThrow(/1961-04-31/);
    expect(() => ageOn('1961-04-01', '2026-02-30')).toThrow(/2026-02-30/);
  });
});
