import { describe, expect, it } from 'vitest';
import { displayDate } from '../../../shared/domain/index.ts';

describe('a date as people read it', () => {
  it('Japanese with the weekday, English day-month-year', () => {
    expect(displayDate('2026-04-13', 'ja')).toBe('2026年4月13日（月）');
    expect(displayDate('2026-04-13', 'en')).toBe('Mon 13 Apr 2026');
    expect(displayDate('2024-02-29', 'en')).toBe('Thu 29 Feb 2024');
  });

  it('what is not an ISO date stays as written', () => {
    expect(displayDate('4月中', 'en')).toBe('4月中');
    expect(displayDate('2026-02-30', 'ja')).toBe('2026-02-30');
  });
});
