// keyDates: 18, 40, 65 and the 要介護認定 application window before 65.
import { describe, expect, it } from 'vitest';
import { addMonths, keyDates } from '../../../shared/domain/index.ts';

describe('keyDates', () => {
  it('gives 18歳, 40歳 and 65歳到達日 by the day-before rule', () => {
    const k = keyDates('1961-04-01');
    expect(k.age18).toBe('1979-03-31');
    expect(k.age40).toBe('2001-03-31');
    expect(k.age65).toBe('2026-03-31');
  });

  it('opens the application window 3 months before the 65歳到達日 by default', () => {
    const k = keyDates('1961-04-01');
    expect(k.applicationMonthsBefore).toBe(3);
    expect(k.ltcApplicationFrom).toBe('2025-12-31');
  });

  it('clamps to the month end: 65歳到達日 2026-05-31 minus 3 months is 2026-02-28', () => {
    const k = keyDates('1961-06-01');
    expect(k.age65).toBe('2026-05-31');
    expect(k.ltcApplicationFrom).toBe('2026-02-28');
  });

  it('takes a local number of months', () => {
    expect(keyDates('1961-06-01', { applicationMonthsBefore: 1 }).ltcApplicationFrom).toBe('2026-04-30');
    expect(keyDates('1961-06-01', { applicationMonthsBefore: 0 }).ltcApplicationFrom).toBe('2026-05-31');
    expect(() => keyDates('1961-06-01', { applicationMonthsBefore: -1 })).toThrow(RangeError);
    expect(() => keyDates('1961-06-01', { applicationMonthsBefore: 2.5 })).toThrow(RangeError);
  });

  it('lists the dates in time order with labels, and says to confirm the window locally', () => {
    const k = keyDates('1960-02-29');
    const dates = k.items.map((i) => i.date);
    expect([...dates].sort()).toEqual(dates);
    expect(k.items.map((i) => i.label)).toEqual(expect.arrayContaining(['18歳到達日', '40歳到達日', '65歳到達日']));
    expect(k.items.find((i) => i.id === 'age65')?.date).toBe('2025-02-28');
    expect(k.items.find((i) => i.id === 'ltcApplicationFrom')?.note).toContain('市町村に確認');
  });

  it('throws on a malformed birth date', () => {
    expect(() => keyDates('2023-02-29')).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it('clamps to the end of the target month, forwards and backwards, across years', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2026-03-31', -3)).toBe('2025-12-31');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
  });
});
