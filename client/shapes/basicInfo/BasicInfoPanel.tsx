import type { Editor } from 'tldraw';
import { caseFacts } from '../../../shared/domain/index.ts';
import {
  BASIC_INFO_LABELS,
  CARE_LEVELS,
  CARE_LEVEL_LABELS,
  SUPPORT_LEVELS,
  SUPPORT_LEVEL_LABELS,
  YES_NO,
  YES_NO_LABELS,
  type BasicInfoShape,
  type CareLevel,
  type SupportLevel,
  type YesNo,
} from '../../../shared/shapes/index.ts';
import { DateField, SelectField, TextField } from '../common/fields.tsx';
import { updateShapeProps } from '../common/shapeOps.ts';
import { todayIso } from '../lifeStage/layout.ts';
import { useShapeTexts } from '../texts.ts';

const TEXTS_BEFORE = ['name', 'disability', 'physicalHandbook', 'ryoikuHandbook', 'mentalHandbook'] as const;
const TEXTS_AFTER = ['careLevelPeriod', 'specifiedDisease', 'monthlyCap', 'copayRate', 'doctor', 'guardianship'] as const;
const FLAGS = ['publicAssistance', 'medicalInsurance', 'excludedFacility'] as const;

/** The side-panel form of the 基本情報 card, with what the helper reads from it. */
export function BasicInfoPanel({ editor, shape, readonly }: { editor: Editor; shape: BasicInfoShape; readonly: boolean }) {
  const { s, locale } = useShapeTexts();
  const p = shape.props;
  const set = (props: Partial<BasicInfoShape['props']>) => updateShapeProps(editor, shape, props);
  const label = (k: keyof typeof BASIC_INFO_LABELS) => BASIC_INFO_LABELS[k][locale];
  const facts = caseFacts(p, todayIso());
  return (
    <div className="rb-shape-form" data-testid="basic-info-panel">
      {TEXTS_BEFORE.slice(0, 1).map((k) => (
        <TextField key={k} label={label(k)} value={p[k]} disabled={readonly} testId={`basic-${k}`} onCommit={(v) => set({ [k]: v })} />
      ))}
      <DateField label={label('birthDate')} value={p.birthDate} disabled={readonly} onChange={(birthDate) => set({ birthDate })} />
      {TEXTS_BEFORE.slice(1).map((k) => (
        <TextField key={k} label={label(k)} value={p[k]} disabled={readonly} testId={`basic-${k}`} onCommit={(v) => set({ [k]: v })} />
      ))}
      <SelectField<SupportLevel>
        label={label('supportLevel')}
        value={p.supportLevel}
        disabled={readonly}
        testId="basic-supportLevel"
        options={SUPPORT_LEVELS.map((v) => ({ value: v, label: SUPPORT_LEVEL_LABELS[v][locale] }))}
        onChange={(supportLevel) => set({ supportLevel })}
      />
      <TextField label={label('supportLevelPeriod')} value={p.supportLevelPeriod} disabled={readonly} onCommit={(supportLevelPeriod) => set({ supportLevelPeriod })} />
      <TextField label={label('benefitPeriod')} value={p.benefitPeriod} disabled={readonly} onCommit={(benefitPeriod) => set({ benefitPeriod })} />
      <SelectField<CareLevel>
        label={label('careLevel')}
        value={p.careLevel}
        disabled={readonly}
        testId="basic-careLevel"
        options={CARE_LEVELS.map((v) => ({ value: v, label: CARE_LEVEL_LABELS[v][locale] }))}
        onChange={(careLevel) => set({ careLevel })}
      />
      {TEXTS_AFTER.map((k) => (
        <TextField key={k} label={label(k)} value={p[k]} disabled={readonly} testId={`basic-${k}`} onCommit={(v) => set({ [k]: v })} />
      ))}
      {FLAGS.map((k) => (
        <SelectField<YesNo>
          key={k}
          label={label(k)}
          value={p[k]}
          disabled={readonly}
          testId={`basic-${k}`}
          options={YES_NO.map((v) => ({ value: v, label: YES_NO_LABELS[v][locale] }))}
          onChange={(v) => set({ [k]: v })}
        />
      ))}
      {locale === 'ja' && facts.notes.length > 0 && (
        <div className="rb-basic-info__notes" data-testid="basic-info-notes">
          <h3>{s.basicInfoHelper}</h3>
          <ul>
            {facts.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
