import { createShapePropsMigrationIds, createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema';
import { T } from '@tldraw/validate';
import type { RoleId } from '../domain/roles.ts';
import { dateOrEmptyValidator, roleOrEmptyValidator, shortTextValidator, sizeValidator, textValidator } from './common.ts';

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
  /** 長期目標 (the need's goal over the plan's whole period); `goal` is then the 短期目標. */
  longGoal: string;
  /** 長期目標の期間, as written (「2026-04-01〜2027-03-31」, 「R8.4〜R9.3」). */
  longGoalPeriod: string;
  /** 短期目標の期間, as written. */
  goalPeriod: string;
  /** サービス種別 (訪問介護, 生活介護…). */
  serviceKind: string;
  /** 事業所: the provider's name (its 事業所番号 the board does not keep). */
  provider: string;
  /** 頻度 (週3回…). */
  frequency: string;
  /** サービスの期間 (実施期間), as written. */
  servicePeriod: string;
  /** 保険給付の対象か (ケアプラン 第2表 ※1): 'yes', 'no', or '' when not yet known. */
  insured: PlanInsured;
  /** 本人の役割 (サービス等利用計画). */
  clientRole: string;
  /** 評価時期 (「3か月後」, a date…), as written. */
  reviewTiming: string;
}

export const PLAN_INSURED = ['', 'yes', 'no'] as const;
export type PlanInsured = (typeof PLAN_INSURED)[number];

/** The plan-sheet fields added in version 2, in the order the plans list them. */
export const PLAN_SHEET_FIELDS = [
  'longGoal', 'longGoalPeriod', 'goalPeriod', 'serviceKind', 'provider', 'frequency', 'servicePeriod', 'insured', 'clientRole', 'reviewTiming',
] as const satisfies readonly (keyof PlanItemProps)[];

/** Labels of every plan item field, both languages (panel, exports, minutes). */
export const PLAN_FIELD_LABELS: Record<Exclude<keyof PlanItemProps, 'w' | 'h'>, { ja: string; en: string }> = {
  need: { ja: 'ニーズ・課題', en: 'Need' },
  priority: { ja: '優先順位', en: 'Priority' },
  goal: { ja: '短期目標（支援目標）', en: 'Short-term goal' },
  support: { ja: 'サービス内容・支援内容', en: 'Service or support' },
  owner: { ja: '担当', en: 'Owner' },
  due: { ja: '期限', en: 'Due' },
  state: { ja: '状態', en: 'State' },
  longGoal: { ja: '長期目標', en: 'Long-term goal' },
  longGoalPeriod: { ja: '長期目標の期間', en: 'Long-term goal period' },
  goalPeriod: { ja: '短期目標の期間', en: 'Short-term goal period' },
  serviceKind: { ja: 'サービス種別', en: 'Service type' },
  provider: { ja: '事業所', en: 'Provider' },
  frequency: { ja: '頻度', en: 'Frequency' },
  servicePeriod: { ja: 'サービスの期間', en: 'Service period' },
  insured: { ja: '保険給付の対象', en: 'Covered by insurance' },
  clientRole: { ja: '本人の役割', en: "The person's own part" },
  reviewTiming: { ja: '評価時期', en: 'Review timing' },
};

/** Labels of the 保険給付 values. */
export const PLAN_INSURED_LABELS: Record<PlanInsured, { ja: string; en: string }> = {
  '': { ja: '未定', en: 'Not decided' },
  yes: { ja: '対象', en: 'Covered' },
  no: { ja: '対象外', en: 'Not covered' },
};

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
  longGoal: textValidator,
  longGoalPeriod: shortTextValidator,
  goalPeriod: shortTextValidator,
  serviceKind: shortTextValidator,
  provider: shortTextValidator,
  frequency: shortTextValidator,
  servicePeriod: shortTextValidator,
  insured: T.literalEnum(...PLAN_INSURED),
  clientRole: textValidator,
  reviewTiming: shortTextValidator,
};

export const planItemVersions = createShapePropsMigrationIds(PLAN_ITEM_TYPE, {
  AddPriority: 1,
  AddPlanSheetFields: 2,
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
    {
      // The fields both plan sheets need (ケアプラン 第2表, サービス等利用計画): empty until written.
      id: planItemVersions.AddPlanSheetFields,
      up: (props: Record<string, unknown>) => {
        for (const key of PLAN_SHEET_FIELDS) props[key] = '';
      },
      down: (props: Record<string, unknown>) => {
        for (const key of PLAN_SHEET_FIELDS) delete props[key];
      },
    },
  ],
});

/** Props of a new plan item. */
export function planItemDefaults(): PlanItemProps {
  return {
    w: 300, h: 200, need: '', priority: null, goal: '', support: '', owner: '', due: '', state: 'proposed',
    longGoal: '', longGoalPeriod: '', goalPeriod: '', serviceKind: '', provider: '', frequency: '', servicePeriod: '',
    insured: '', clientRole: '', reviewTiming: '',
  };
}
