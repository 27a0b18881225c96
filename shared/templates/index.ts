import type { TLRecord } from '@tldraw/tlschema';
import { buildBlank } from './blank.ts';
import { buildExercise1 } from './exercise1.ts';
import { buildExercise2 } from './exercise2.ts';
import { buildMeeting } from './meeting.ts';

export { FIRST_PAGE_ID, baseRecords, indexKey, templateRoleOf, TEMPLATE_ROLE_KEY, type TemplateRole } from './records.ts';
export { FRAME_KEYS, FRAME_LAYOUT, FRAME_NAMES, type FrameKey } from './frames.ts';
export { EXERCISE_1_CASE, EXERCISE_1_CONTENT } from './exercise1.ts';
export { EXERCISE_2_CASE, EXERCISE_2_CONTENT } from './exercise2.ts';
export { MEETING_CONTENT } from './meeting.ts';
export { ecomapLegend } from './ecomap.ts';
export type { CaseBoardContent } from './content.ts';

/** A board template: metadata and a pure function from nothing to tldraw records. */
export interface BoardTemplate {
  id: string;
  title: string;
  description: string;
  /** The document-scoped records a new board starts with. */
  build(): TLRecord[];
}

const TEMPLATES: readonly BoardTemplate[] = [
  {
    id: 'blank',
    title: '白紙のボード',
    description: '何も置かれていないボードです。自由に使えます。',
    build: buildBlank,
  },
  {
    id: 'exercise-1',
    title: '事例演習1：障害福祉サービスの利用者が介護保険サービスを使い始める',
    description: '65歳を迎える障害福祉サービス利用者の移行を、相談支援専門員と介護支援専門員が一緒に考える演習です。架空の事例（山本 和夫さん、64歳）が入っています。',
    build: buildExercise1,
  },
  {
    id: 'exercise-2',
    title: '事例演習2：介護保険の第2号被保険者（40〜64歳）',
    description: '特定疾病（ALS）のため40〜64歳でも介護保険を使い、障害福祉・医療と組み合わせている方の支援と連携を考える演習です。架空の事例（中村 誠さん、58歳）が入っています。',
    build: buildExercise2,
  },
  {
    id: 'meeting',
    title: '移行支援会議',
    description: '本人・家族と一緒に開く実際の会議用のボードです。演習と同じ枠（事例概要・本人の思い・週間サービス計画・エコマップ・引継ぎ情報など）が空で用意されています。',
    build: buildMeeting,
  },
];

/** Every template, in display order. */
export function listTemplates(): readonly BoardTemplate[] {
  return TEMPLATES;
}

/** A template by id, or undefined. */
export function findTemplate(id: string): BoardTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
