// The person's age on the meeting day, computed from the birth date on the life band:
// 事例演習1 is about to reach 65, 事例演習2 is of working age (40–64).
import { describe, expect, it } from 'vitest';
import { addMonths, age65Date, ageOn } from '../../../shared/domain/index.ts';
import { EXERCISE_1_CASE, EXERCISE_2_CASE, FRAME_NAMES } from '../../../shared/templates/index.ts';
import { frameNamed, frameOf, propsOf, recordsOf, shapesOf, textOf } from './helpers.ts';

function birthDateOnBand(id: string): string {
  const bands = shapesOf(recordsOf(id)).filter((s) => s.type === 'rb-lifeline');
  expect(bands).toHaveLength(1);
  return String(propsOf(bands[0]!).birthDate);
}

function summaryText(id: string): string {
  const records = recordsOf(id);
  const frame = frameNamed(records, FRAME_NAMES.summary);
  return shapesOf(records).filter((s) => frameOf(s, records) === frame).map(textOf).join('\n');
}

/** 'YYYY-MM-DD' → 「YYYY年M月D日」 as people read it. */
const ja = (iso: string) => iso.replace(/^(\d{4})-0?(\d{1,2})-0?(\d{1,2})$/, '$1年$2月$3日');

describe('事例演習1', () => {
  const birth = birthDateOnBand('exercise-1');
  const reach65 = age65Date(birth);

  it('is 64 on the meeting day and reaches 65 within the 要介護認定 application window', () => {
    expect(birth).toBe(EXERCISE_1_CASE.birthDate);
    expect(ageOn(birth, EXERCISE_1_CASE.meetingDate)).toBe(64);
    expect(reach65 > EXERCISE_1_CASE.meetingDate).toBe(true);
    expect(addMonths(reach65, -3) <= EXERCISE_1_CASE.meetingDate).toBe(true);
  });

  it('states the 65歳到達日 and that the application window is to be confirmed locally', () => {
    const text = summaryText('exercise-1');
    expect(text).toContain(`65歳到達日：${ja(reach65)}`);
    expect(text).toMatch(/市町村に確認/);
  });
});

describe('事例演習2', () => {
  it('is of working age (40–64) on the meeting day', () => {
    const birth = birthDateOnBand('exercise-2');
    expect(birth).toBe(EXERCISE_2_CASE.birthDate);
    const age = ageOn(birth, EXERCISE_2_CASE.meetingDate);
    expect(age).toBeGreaterThanOrEqual(40);
    expect(age).toBeLessThanOrEqual(64);
    expect(summaryText('exercise-2')).toContain(`${age}歳`);
  });
});

describe('the meeting template', () => {
  it('leaves the birth date empty for the meeting to fill in', () => {
    expect(birthDateOnBand('meeting')).toBe('');
  });
});
