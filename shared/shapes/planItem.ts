import { createShapePropsMigrationIds, createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema';
import { T } from '@tldraw/validate';
import type { RoleId } from '../domain/roles.ts';
import { dateOrEmptyValidator, roleOrEmptyValidator, sizeValidator, textValidator } from './common.ts';

/** 支援計画項目: a need, its goal and the support, who does it, by when, and its state. */
export const PLAN_ITEM_TYPE = 'rb-plan' as const;

export const PLAN_STATES = ['proposed', 'agreed', 'on-hold'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

/** Labels of the states: 提案 / 合意 / 保留. */
export const PLAN_STATE_LABELS: Record<PlanState, { ja: string; en: string }> = {
  proposed: { ja: '提案', en: 'Proposed' },
  agreed: { ja: '合意', en: 'Agreed' },
  'on-hold': { ja: '保留', en: 'On hold' },
};

export interface PlanItemProps {
  w: number;
  h: number;
  /** ニーズ・課題 */
  need: string;
  /** 優先順位 (1 = first), as サービス等利用計画 orders needs; null until decided. */
  priority: number | null;
  /** 目標 */
  goal: string;
  /** 支援内容 */
  support: string;
  /** 担当: a participant role id, or '' when not yet decided. */
  owner: RoleId | '';
  /** 期限: 'YYYY-MM-DD' or ''. */
  due: string;
  state: PlanState;
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [PLAN_ITEM_TYPE]: PlanItemProps;
  }
}

export type PlanItemShape = TLShape<typeof PLAN_ITEM_TYPE>;

export const planItemProps: RecordProps<PlanItemShape> = {
  w: sizeValidator,
  h: sizeValidator,
  need: textValidator,
  priority: T.positiveInteger.nullable(),
  goal: textValidator,
  support: textValidator,
  owner: roleOrEmptyValidator,
  due: dateOrEmptyValidator,
  state: T.literalEnum(...PLAN_STATES),
};

export const planItemVersions = createShapePropsMigrationIds(PLAN_ITEM_TYPE, {
  AddPriority: 1,
});

/** Append-only: a shipped migration is never edited. */
export const planItemMigrations = createShapePropsMigrationSequence({
  sequence: [
    {
      id: planItemVersions.AddPriority,
      up: (props: Record<string, unknown>) => {
        props.priority = null;
      },
      down: (props: Record<string, unknown>) => {
        delete props.priority;
      },
    },
  ],
});

/** Props of a new plan item. */
export function planItemDefaults(): PlanItemProps {
  return { w: 300, h: 200, need: '', priority: null, goal: '', support: '', owner: '', due: '', state: 'proposed' };
}
