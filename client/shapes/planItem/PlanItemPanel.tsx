import type { Editor } from 'tldraw';
import { ROLE_IDS, roleInfo, type RoleId } from '../../../shared/domain/index.ts';
import {
  PLAN_FIELD_LABELS,
  PLAN_INSURED,
  PLAN_INSURED_LABELS,
  PLAN_STATES,
  PLAN_STATE_LABELS,
  type PlanInsured,
  type PlanItemShape,
  type PlanState,
} from '../../../shared/shapes/index.ts';
import { DateField, SelectField, TextField } from '../common/fields.tsx';
import { updateShapeProps } from '../common/shapeOps.ts';
import { useShapeTexts } from '../texts.ts';

const PRIORITIES = ['', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;

/** The side-panel form of a 支援計画項目. */
export function PlanItemPanel({ editor, shape, readonly }: { editor: Editor; shape: PlanItemShape; readonly: boolean }) {
  const { s, locale } = useShapeTexts();
  const p = shape.props;
  const set = (props: Partial<PlanItemShape['props']>) => updateShapeProps(editor, shape, props);
  const priorityValue = p.priority === null ? '' : String(p.priority);
  const priorities = PRIORITIES.includes(priorityValue as (typeof PRIORITIES)[number]) ? PRIORITIES : [...PRIORITIES, priorityValue];
  return (
    <div className="rb-shape-form" data-testid="plan-panel">
      <TextField label={s.need} value={p.need} multiline disabled={readonly} testId="plan-need" onCommit={(need) => set({ need })} />
      <SelectField<string>
        label={s.priority}
        value={priorityValue}
        disabled={readonly}
        options={priorities.map((v) => ({ value: v, label: v === '' ? s.priorityNone : v }))}
        onChange={(v) => set({ priority: v === '' ? null : Number(v) })}
      />
      <TextField label={s.goal} value={p.goal} multiline disabled={readonly} onCommit={(goal) => set({ goal })} />
      <TextField label={s.support} value={p.support} multiline disabled={readonly} onCommit={(support) => set({ support })} />
      <SelectField<RoleId | ''>
        label={s.owner}
        value={p.owner}
        disabled={readonly}
        options={[{ value: '', label: s.ownerNone }, ...ROLE_IDS.map((id) => ({ value: id, label: locale === 'ja' ? roleInfo(id).label : roleInfo(id).labelEn }))]}
        onChange={(owner) => set({ owner })}
      />
      <DateField label={s.due} value={p.due} disabled={readonly} onChange={(due) => set({ due })} />
      <SelectField<PlanState>
        label={s.state}
        value={p.state}
        disabled={readonly}
        options={PLAN_STATES.map((v) => ({ value: v, label: PLAN_STATE_LABELS[v][locale] }))}
        onChange={(state) => set({ state })}
      />
      <PlanSheetFields shape={shape} readonly={readonly} set={set} />
    </div>
  );
}

const SHEET_TEXT_FIELDS = ['longGoal', 'longGoalPeriod', 'goalPeriod', 'serviceKind', 'provider', 'frequency', 'servicePeriod', 'clientRole', 'reviewTiming'] as const;
const MULTILINE: ReadonlySet<string> = new Set(['longGoal', 'clientRole']);

// The columns the two plan sheets need (ケアプラン 第2表, サービス等利用計画), folded away so the
// card stays quick to fill in a meeting; the plan export reads them.
function PlanSheetFields({ shape, readonly, set }: { shape: PlanItemShape; readonly: boolean; set(props: Partial<PlanItemShape['props']>): void }) {
  const { s, locale } = useShapeTexts();
  const p = shape.props;
  return (
    <details className="rb-plan-sheet" data-testid="plan-sheet">
      <summary>{s.planSheet}</summary>
      {SHEET_TEXT_FIELDS.map((key) => (
        <TextField
          key={key}
          label={PLAN_FIELD_LABELS[key][locale]}
          value={p[key]}
          multiline={MULTILINE.has(key)}
          disabled={readonly}
          testId={`plan-${key}`}
          onCommit={(value) => set({ [key]: value })}
        />
      ))}
      <SelectField<PlanInsured>
        label={PLAN_FIELD_LABELS.insured[locale]}
        value={p.insured}
        disabled={readonly}
        testId="plan-insured"
        options={PLAN_INSURED.map((v) => ({ value: v, label: PLAN_INSURED_LABELS[v][locale] }))}
        onChange={(insured) => set({ insured })}
      />
    </details>
  );
}
