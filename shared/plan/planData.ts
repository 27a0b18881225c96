/**
 * The plan as data: plan items read from a board's records, in plan order (優先順位, then
 * reading order), with every plan-sheet field present even when the board was written before
 * the fields existed. Feeds plan.json (サービス等利用計画 side, docs/plan-schema.json) and the
 * ケアプラン 第2表 CSV draft (careplan2.ts). Pure: no I/O.
 */

import { z } from 'zod';
import { ROLE_IDS, roleInfo } from '../domain/roles.ts';
import type { StoredRecord } from '../doc/index.ts';
import { extractCase } from '../records/extract.ts';
import { PLAN_INSURED, PLAN_STATES, planItemDefaults, VOICE_SOURCES, type PlanItemProps } from '../shapes/index.ts';

export const PLAN_JSON_FORMAT = 'renkei-board/plan' as const;
export const PLAN_JSON_VERSION = 1 as const;

const text = z.string();
/** One plan item as exported (docs/plan-schema.json `$defs.item`). */
export const PlanJsonItemSchema = z.object({
  id: text,
  priority: z.number().int().positive().nullable(),
  need: text,
  longGoal: text,
  longGoalPeriod: text,
  goal: text,
  goalPeriod: text,
  support: text,
  serviceKind: text,
  provider: text,
  frequency: text,
  servicePeriod: text,
  insured: z.boolean().nullable(),
  clientRole: text,
  reviewTiming: text,
  owner: z.enum(['', ...ROLE_IDS]),
  ownerLabel: text,
  due: text,
  state: z.enum(PLAN_STATES),
});
export type PlanJsonItem = z.infer<typeof PlanJsonItemSchema>;

/** The whole plan.json answer. */
export const PlanJsonSchema = z.object({
  format: z.literal(PLAN_JSON_FORMAT),
  version: z.literal(PLAN_JSON_VERSION),
  board: z.object({ id: text, title: text }),
  exportedAt: text,
  /** 利用者及び家族の意向: the person's own words (本人の言葉), never mixed with professionals' notes. */
  clientWords: z.array(z.object({ text, recordedBy: text, source: z.enum(VOICE_SOURCES) })),
  items: z.array(PlanJsonItemSchema),
});
export type PlanJson = z.infer<typeof PlanJsonSchema>;

/** Plan items with every field, in plan order: 優先順位 first (unset last), then reading order. */
export function planItemsOf(records: Iterable<StoredRecord>): { id: string; props: PlanItemProps }[] {
  const content = extractCase(records);
  const items = content.plans.map((p, order) => ({ id: p.id, order, props: completeProps(p.props) }));
  items.sort((a, b) => (a.props.priority ?? Infinity) - (b.props.priority ?? Infinity) || a.order - b.order);
  return items.map(({ id, props }) => ({ id, props }));
}

// A board written before AddPlanSheetFields may hold items without the new fields; read them
// as empty rather than as missing (the same values the migration gives).
function completeProps(props: Partial<PlanItemProps>): PlanItemProps {
  const out = { ...planItemDefaults(), ...props };
  if (!(PLAN_INSURED as readonly string[]).includes(out.insured)) out.insured = '';
  return out;
}

/** The plan.json document of a board (pure: the caller passes the time). */
export function buildPlanJson(input: { boardId: string; title: string; records: Iterable<StoredRecord>; exportedAt: Date }): PlanJson {
  const records = [...input.records];
  const content = extractCase(records);
  return {
    format: PLAN_JSON_FORMAT,
    version: PLAN_JSON_VERSION,
    board: { id: input.boardId, title: input.title },
    exportedAt: input.exportedAt.toISOString(),
    clientWords: content.voices.map((v) => ({ text: v.props.text, recordedBy: v.props.recordedBy, source: v.props.source })),
    items: planItemsOf(records).map(({ id, props: p }) => ({
      id,
      priority: p.priority,
      need: p.need,
      longGoal: p.longGoal,
      longGoalPeriod: p.longGoalPeriod,
      goal: p.goal,
      goalPeriod: p.goalPeriod,
      support: p.support,
      serviceKind: p.serviceKind,
      provider: p.provider,
      frequency: p.frequency,
      servicePeriod: p.servicePeriod,
      insured: p.insured === '' ? null : p.insured === 'yes',
      clientRole: p.clientRole,
      reviewTiming: p.reviewTiming,
      owner: p.owner,
      ownerLabel: p.owner === '' ? '' : roleInfo(p.owner).label,
      due: p.due,
      state: p.state,
    })),
  };
}
