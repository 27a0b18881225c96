/**
 * Which templates make 研修用 (training) boards: the exercise cases (事例演習). A board made
 * from one of them, and every workshop group board, is 研修用 from the start, so its records
 * need no consent (運営基準 第23条③ concerns real users' personal information). A blank or
 * 移行支援会議 board is a real meeting unless its owner marks it 研修用.
 */
export const TRAINING_TEMPLATE_IDS: readonly string[] = ['exercise-1', 'exercise-2'];

/** Whether boards made from template `id` are 研修用 from the start. */
export function isTrainingTemplate(id: string): boolean {
  return TRAINING_TEMPLATE_IDS.includes(id);
}
