import type { TLRecord } from '@tldraw/tlschema';
import { buildBlank } from './blank.ts';
import { buildExercise1 } from './exercise1.ts';
import { buildExercise2 } from './exercise2.ts';
import { buildHandover } from './handover.ts';
import { buildMeeting } from './meeting.ts';
import { TEMPLATE_TEXTS } from './texts.ts';

export { FIRST_PAGE_ID, baseRecords, indexKey, templateRoleOf, TEMPLATE_ROLE_KEY, type TemplateRole } from './records.ts';
export { FRAME_KEYS, FRAME_LAYOUT, FRAME_NAMES, type FrameKey } from './frames.ts';
export { EXERCISE_1_CASE, EXERCISE_1_CONTENT } from './exercise1.ts';
export { EXERCISE_2_CASE, EXERCISE_2_CONTENT } from './exercise2.ts';
export { HANDOVER_CASE, HANDOVER_CONTENT, HANDOVER_ROLE_CARDS } from './handover.ts';
export { MEETING_CONTENT } from './meeting.ts';
export { ecomapLegend } from './ecomap.ts';
export type { CaseBoardContent } from './content.ts';
export {
  FRAME_GUIDES,
  PLAIN_GLOSSES,
  TEMPLATE_TEXTS,
  VOICE_PROMPTS,
  templateDescription,
  templateTitle,
  type TemplateLang,
  type TemplateTextId,
} from './texts.ts';

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
    title: TEMPLATE_TEXTS['blank'].title.ja,
    description: TEMPLATE_TEXTS['blank'].description.ja,
    build: buildBlank,
  },
  {
    id: 'handover',
    title: TEMPLATE_TEXTS['handover'].title.ja,
    description: TEMPLATE_TEXTS['handover'].description.ja,
    build: buildHandover,
  },
  {
    id: 'exercise-1',
    title: TEMPLATE_TEXTS['exercise-1'].title.ja,
    description: TEMPLATE_TEXTS['exercise-1'].description.ja,
    build: buildExercise1,
  },
  {
    id: 'exercise-2',
    title: TEMPLATE_TEXTS['exercise-2'].title.ja,
    description: TEMPLATE_TEXTS['exercise-2'].description.ja,
    build: buildExercise2,
  },
  {
    id: 'meeting',
    title: TEMPLATE_TEXTS['meeting'].title.ja,
    description: TEMPLATE_TEXTS['meeting'].description.ja,
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
export { isScaffolding, scaffoldingIds } from './scaffolding.ts';
