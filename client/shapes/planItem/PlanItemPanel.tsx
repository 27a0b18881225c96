import type { Editor } from 'tldraw';
import { ROLE_IDS, roleInfo, type RoleId } from '../../../shared/domain/index.ts';
import { PLAN_STATES, PLAN_STATE_LABELS, type PlanItemShape, type PlanState } from '../../../shared/shapes/index.ts';
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
    </div>
  );
}
