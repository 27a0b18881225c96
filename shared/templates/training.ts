/**
 * Which templates make 研修用 (training) boards: the exercises (情報連携（引継ぎ）, 事例演習1・2). A board made
 * from one of them, and every workshop group board, is 研修用 from the start, so its records
 * need no consent (運営基準 第23条③ concerns real users' personal information). A blank or
 * 移行支援会議 board is a real meeting unless its owner marks it 研修用.
 */
export const TRAINING_TEMPLATE_IDS: readonly string[] = ['handover', 'exercise-1', 'exercise-2'];

/** Whether boards made from template `id` are 研修用 from the start. */
export function isTrainingTemplate(id: string): boolean {
  return TRAINING_TEMPLATE_IDS.includes(id);
}
