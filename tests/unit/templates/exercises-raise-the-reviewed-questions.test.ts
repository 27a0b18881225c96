// The review's missing exercise content (issue 14): 事例演習1 asks about 要支援/要介護1, 院内介助,
// 生活援助 with the mother at home, one agency for mother and son, money management; 事例演習2
// about the money picture, レスパイト and 保健所 vs 市の保健師.
import { expect, it } from 'vitest';
import { EXERCISE_1_CONTENT, EXERCISE_2_CONTENT } from '../../../shared/templates/index.ts';

it('事例演習1 raises what the review found missing', () => {
  const q = EXERCISE_1_CONTENT.questions.join('\n');
  for (const topic of ['要支援', '要介護1', '地域包括支援センター', '院内介助', '生活援助', '同居', '同じ事業所', '成年後見', '日常生活自立支援事業']) expect(q).toContain(topic);
});

it('事例演習2 raises the money picture, respite and the two public health nurses', () => {
  const q = EXERCISE_2_CONTENT.questions.join('\n');
  for (const topic of ['1割', '負担上限月額', '難病の医療費の上限', '障害年金', '傷病手当金', '高額介護', '合算', '医療型短期入所', 'レスパイト入院', '保健所の保健師', '市の保健師']) expect(q).toContain(topic);
});
