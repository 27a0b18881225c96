// 事例演習2 is a 第2号被保険者: 40–64 and using 介護保険 because of a 特定疾病 (ALS).
import { describe, expect, it } from 'vitest';
import { isSpecifiedDisease, ltcEligibility, ageOn, transitionFor } from '../../../shared/domain/index.ts';
import { EXERCISE_2_CASE, FRAME_NAMES } from '../../../shared/templates/index.ts';
import { frameNamed, frameOf, propsOf, recordsOf, shapesOf, textOf } from './helpers.ts';

const records = recordsOf('exercise-2');
const shapes = shapesOf(records);
const summary = frameNamed(records, FRAME_NAMES.summary);
const summaryText = shapes.filter((s) => frameOf(s, records) === summary).map(textOf).join('\n');
const current = shapes.filter((s) => s.type === 'rb-service' && frameOf(s, records) === frameNamed(records, FRAME_NAMES.services));

describe('事例演習2', () => {
  it('names a 特定疾病 in its summary, and the life band says so', () => {
    expect(isSpecifiedDisease(EXERCISE_2_CASE.disease)).toBe(true);
    expect(summaryText).toContain(EXERCISE_2_CASE.disease);
    expect(summaryText).toContain('第2号被保険者');
    const band = shapes.find((s) => s.type === 'rb-lifeline');
    expect(propsOf(band!).specifiedDisease).toBe(true);
  });

  it('is a 第2号被保険者 who can use 介護保険 on the meeting day', () => {
    const age = ageOn(EXERCISE_2_CASE.birthDate, EXERCISE_2_CASE.meetingDate);
    expect(ltcEligibility({ age, specifiedDisease: EXERCISE_2_CASE.disease })).toMatchObject({ applies: true, insuredAs: 'second' });
  });

  it('uses 介護保険 now, with 重度訪問介護 as a top-up', () => {
    expect(current.some((c) => propsOf(c).system === 'kaigo' && propsOf(c).status === 'in-use')).toBe(true);
    const judo = current.filter((c) => propsOf(c).service === '重度訪問介護');
    expect(judo.length).toBeGreaterThan(0);
    expect(transitionFor('重度訪問介護')?.topUpPossible).toBe(true);
  });

  it('puts 訪問看護 under 医療保険, as for the 厚生労働大臣が定める疾病等', () => {
    const nursing = current.filter((c) => String(propsOf(c).service).startsWith('訪問看護'));
    expect(nursing.length).toBeGreaterThan(0);
    for (const n of nursing) expect(propsOf(n)).toMatchObject({ system: 'iryo', serviceId: 'iryo-houmon-kango' });
  });

  it('involves the 保健師 and a 補装具 for communication', () => {
    expect(current.some((c) => textOf(c).includes('保健師'))).toBe(true);
    expect(current.some((c) => propsOf(c).service === '補装具' && textOf(c).includes('意思伝達装置'))).toBe(true);
  });
});
