// Templates fill the 基本情報 card for their fictional person (issue 14), and the helper reads it
// as DOMAIN.md says: exercise 1 becomes 第1号 at 65; exercise 2 is 第2号 through ALS.
import { expect, it } from 'vitest';
import { caseFacts } from '../../../shared/domain/index.ts';
import { BASIC_INFO_TYPE, type BasicInfoProps } from '../../../shared/shapes/index.ts';
import { EXERCISE_1_CASE, EXERCISE_2_CASE, findTemplate } from '../../../shared/templates/index.ts';

const cardOf = (id: string) => {
  const cards = findTemplate(id)!.build().filter((r) => r.typeName === 'shape' && r.type === BASIC_INFO_TYPE);
  expect(cards).toHaveLength(1);
  return (cards[0] as unknown as { props: BasicInfoProps }).props;
};

it('exercise 1: 64 on the meeting day, 区分4 (新高額 区分 met), 第1号 from the 65歳到達日', () => {
  const p = cardOf('exercise-1');
  expect(p.birthDate).toBe(EXERCISE_1_CASE.birthDate);
  const f = caseFacts(p, EXERCISE_1_CASE.meetingDate);
  expect(f.age).toBe(64);
  expect(f.refundSupportLevel).toBe('meets');
  expect(caseFacts(p, '2026-05-19').ltc).toMatchObject({ applies: true, insuredAs: 'first' });
});

it('exercise 2: 58, 第2号 through ALS in a medical insurance', () => {
  const f = caseFacts(cardOf('exercise-2'), EXERCISE_2_CASE.meetingDate);
  expect(f.age).toBe(58);
  expect(f.ltc).toMatchObject({ applies: true, insuredAs: 'second' });
});

it('a real meeting board starts with an empty card; a blank board has none', () => {
  expect(cardOf('meeting')).toMatchObject({ name: '', birthDate: '', supportLevel: '', careLevel: '' });
  expect(findTemplate('blank')!.build().some((r) => r.typeName === 'shape' && r.type === BASIC_INFO_TYPE)).toBe(false);
});
