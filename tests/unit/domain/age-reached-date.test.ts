// 年齢計算ニ関スル法律: an age is reached on the day before the birthday.
import { describe, expect, it } from 'vitest';
import { age65Date, ageReachedDate, isIsoDate } from '../../../shared/domain/index.ts';

// An independent oracle: the birthday in year+n, via Date.UTC, minus one day. Date.UTC
// rolls 29 February of a common year over to 1 March, so "minus one day" lands on
// 28 February, which is exactly the legal rule.
function oracle(birth: string, years: number): string {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y + years, m - 1, d) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

describe('age65Date', () => {
  it.each([
    ['1961-04-01', '2026-03-31'], // born 1 April: the school-year edge
    ['1961-04-02', '2026-04-01'],
    ['1960-02-29', '2025-02-28'], // 29 February, 65th birthday in a common year
    ['1959-02-28', '2024-02-27'],
    ['1961-03-01', '2026-02-28'], // 1st of a month: the previous month's last day
    ['1963-03-01', '2028-02-29'], // ... which is 29 February in a leap year
    ['1961-01-01', '2025-12-31'], // 1 January: the previous year
    ['1961-05-01', '2026-04-30'],
    ['1961-06-01', '2026-05-31'],
    ['1961-12-31', '2026-12-30'],
  ])('born %s → %s', (birth, expected) => {
    expect(age65Date(birth)).toBe(expected);
  });

  it('agrees with an independent oracle for every day of 1959–1964', () => {
    for (let t = Date.UTC(1959, 0, 1); t <= Date.UTC(1964, 11, 31); t += 86_400_000) {
      const birth = new Date(t).toISOString().slice(0, 10);
      expect(age65Date(birth)).toBe(oracle(birth, 65));
    }
  });

  it('does not depend on the process time zone', () => {
    const before = process.env.TZ;
    try {
      for (const tz of ['Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(age65Date('1961-04-01')).toBe('2026-03-31');
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it.each([
    '2023-02-29', // not a leap year
    '1900-02-29', // century, not a leap year
    '1961-04-31',
    '1961-13-01',
    '1961-00-10',
    '1961-01-00',
    '1961-1-1',
    '61-01-01',
    '1961/04/01',
    '1961-04-01T00:00:00Z',
    ' 1961-04-01',
    '',
    '０１９６１-04-01',
  ])('throws a RangeError naming the bad input %j', (bad) => {
    expect(() => age65Date(bad)).toThrow(RangeError);
    expect(() => age65Date(bad)).toThrow(JSON.stringify(bad));
  });

  it('accepts 29 February of a leap century year', () => {
    expect(age65Date('2000-02-29')).toBe('2065-02-28');
  });

  it('throws on non-string input from untyped callers', () => {
    expect(() => age65Date(19610401 as unknown as string)).toThrow(RangeError);
  });
});

describe('ageReachedDate', () => {
  it('works for any age with the same rule', () => {
    expect(ageReachedDate('2019-04-01', 6)).toBe('2025-03-31');
    expect(ageReachedDate('1980-02-29', 40)).toBe('2020-02-28'); // leap target year: still the day before 29 Feb
    expect(ageReachedDate('1980-02-29', 1)).toBe('1981-02-28');
  });

  it('holds age 0 from the day of birth', () => {
    expect(ageReachedDate('2020-05-05', 0)).toBe('2020-05-05');
  });

  it.each([-1, 1.5, Number.NaN])('rejects years = %s', (years) => {
    expect(() => ageReachedDate('1961-04-01', years)).toThrow(RangeError);
  });

  it('rejects a result beyond year 9999', () => {
    expect(() => ageReachedDate('9990-06-01', 65)).toThrow(RangeError);
  });
});

describe('isIsoDate', () => {
  it('is a non-throwing check for forms', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});
