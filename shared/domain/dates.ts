/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings, done on year/month/day integers so that no
 * time zone or daylight-saving rule can move a date (a `Date` parsed at local midnight
 * in Tokyo is the previous day in UTC).
 *
 * Ages follow 年齢計算ニ関スル法律 with 民法第143条: a person reaches age n at the end of
 * the day before the n-th birthday, and administration counts that day as the 到達日.
 * Born 1 April → reaches 65 on 31 March; born 29 February → on 28 February (the
 * anniversary is missing in a common year, so the period ends on the month's last day).
 */

export type IsoDate = string;

interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function tryParse(value: unknown): Ymd | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO.exec(value);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < MIN_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

function parse(value: unknown, what: string): Ymd {
  const ymd = tryParse(value);
  if (!ymd) throw new RangeError(`${what} must be a real calendar date as 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
  return ymd;
}

function format({ y, m, d }: Ymd): IsoDate {
  if (y < MIN_YEAR || y > MAX_YEAR) throw new RangeError(`date out of range (years ${MIN_YEAR}–${MAX_YEAR}): year ${y}`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function compare(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

function previousDay({ y, m, d }: Ymd): Ymd {
  if (d > 1) return { y, m, d: d - 1 };
  if (m > 1) return { y, m: m - 1, d: daysInMonth(y, m - 1) };
  return { y: y - 1, m: 12, d: 31 };
}

function reachedAt(birth: Ymd, years: number): Ymd {
  const y = birth.y + years;
  // Only 29 February has no anniversary in some years; the period then ends on 28 February.
  if (birth.d > daysInMonth(y, birth.m)) return { y, m: birth.m, d: daysInMonth(y, birth.m) };
  return previousDay({ y, m: birth.m, d: birth.d });
}

function checkWholeNumber(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${String(n)}`);
}

/** True when `value` is a real calendar date written 'YYYY-MM-DD' (a value check for forms). */
export function isIsoDate(value: unknown): value is IsoDate {
  return tryParse(value) !== undefined;
}

/** The day a person born on `birthDate` reaches age `years` (the day before that birthday). */
export function ageReachedDate(birthDate: IsoDate, years: number): IsoDate {
  checkWholeNumber(years, 'years');
  const birth = parse(birthDate, 'birthDate');
  // Age 0 is held from birth; the "day before the birthday" rule starts with the first year.
  return format(years === 0 ? birth : reachedAt(birth, years));
}

/** The 65歳到達日: the day the person reaches 65 and becomes a 第1号被保険者. */
export function age65Date(birthDate: IsoDate): IsoDate {
  return ageReachedDate(birthDate, 65);
}

/** Age in whole years on `onDate`; it goes up on the day before each birthday. */
export function ageOn(birthDate: IsoDate, onDate: IsoDate): number {
  const birth = parse(birthDate, 'birthDate');
  const on = parse(onDate, 'onDate');
  if (compare(on, birth) < 0) throw new RangeError(`onDate ${onDate} is before birthDate ${birthDate}`);
  // Born on 1 January, the next age is reached on 31 December of the same year, so start one above.
  let age = on.y - birth.y + 1;
  while (age > 0 && compare(reachedAt(birth, age), on) > 0) age -= 1;
  return age;
}

/** `date` moved by `months` (negative: earlier), the day clamped to the target month's end. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`months must be a whole number, got ${String(months)}`);
  const { y, m, d } = parse(date, 'date');
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return format({ y: ty, m: tm, d: Math.min(d, daysInMonth(ty, tm)) });
}

/** Default months before the 65歳到達日 from which an 要介護認定 application is accepted (confirm locally). */
export const DEFAULT_APPLICATION_MONTHS_BEFORE = 3;

export interface KeyDateOptions {
  /** Months before the 65歳到達日 that the municipality accepts the 要介護認定 application. */
  readonly applicationMonthsBefore?: number;
}

export interface KeyDate {
  readonly id: 'age18' | 'age40' | 'age65' | 'ltcApplicationFrom';
  readonly date: IsoDate;
  readonly label: string;
  readonly labelEn: string;
  readonly note: string;
}

export interface KeyDates {
  readonly birthDate: IsoDate;
  readonly age18: IsoDate;
  readonly age40: IsoDate;
  readonly age65: IsoDate;
  readonly ltcApplicationFrom: IsoDate;
  readonly applicationMonthsBefore: number;
  /** The same dates, in order, labelled for a timeline. */
  readonly items: readonly KeyDate[];
}

/** The dates a plan turns on: 18, 40 (第2号), 65 (第1号) and the 要介護認定 application window. */
export function keyDates(birthDate: IsoDate, options: KeyDateOptions = {}): KeyDates {
  const months = options.applicationMonthsBefore ?? DEFAULT_APPLICATION_MONTHS_BEFORE;
  checkWholeNumber(months, 'applicationMonthsBefore');
  const age18 = ageReachedDate(birthDate, 18);
  const age40 = ageReachedDate(birthDate, 40);
  const age65 = ageReachedDate(birthDate, 65);
  const ltcApplicationFrom = addMonths(age65, -months);
  return {
    birthDate,
    age18,
    age40,
    age65,
    ltcApplicationFrom,
    applicationMonthsBefore: months,
    items: [
      { id: 'age18', date: age18, label: '18歳到達日', labelEn: 'Reaches 18',
        note: '児童福祉法から障害者総合支援法へ（障害児支援利用計画からサービス等利用計画へ）' },
      { id: 'age40', date: age40, label: '40歳到達日', labelEn: 'Reaches 40',
        note: '第2号被保険者（介護保険は16の特定疾病による場合のみ）' },
      { id: 'ltcApplicationFrom', date: ltcApplicationFrom, label: '要介護認定の申請受付開始（目安）', labelEn: 'LTC assessment application window opens (approx.)',
        note: `65歳到達日の${months}か月前から（市町村に確認）` },
      { id: 'age65', date: age65, label: '65歳到達日', labelEn: 'Reaches 65', note: '第1号被保険者になる日' },
    ],
  };
}

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'] as const;
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * A date as people read it: 「2026年4月13日（月）」 in Japanese, “Mon 13 Apr 2026” in English.
 * Anything that is not an ISO date is returned as written (a card may say 「4月中」).
 */
export function displayDate(value: string, lang: 'ja' | 'en'): string {
  if (!isIsoDate(value)) return value;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return lang === 'ja' ? `${y}年${m}月${d}日（${WEEKDAYS_JA[weekday]}）` : `${WEEKDAYS_EN[weekday]} ${d} ${MONTHS_EN[m - 1]} ${y}`;
}
