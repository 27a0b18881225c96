import type { Editor } from 'tldraw';
import { SYSTEM_IDS, systemInfo, type SystemId } from '../../../shared/domain/index.ts';
import { PERSON_KINDS, PERSON_KIND_LABELS, type EcomapPersonShape, type Gender, type PersonKind } from '../../../shared/shapes/index.ts';
import { CheckField, SelectField, TextField } from '../common/fields.tsx';
import { updateShapeProps } from '../common/shapeOps.ts';
import { useShapeTexts } from '../texts.ts';

/** The side-panel form of an ecomap person. */
export function EcomapPersonPanel({ editor, shape, readonly }: { editor: Editor; shape: EcomapPersonShape; readonly: boolean }) {
  const { s, locale } = useShapeTexts();
  const p = shape.props;
  const set = (props: Partial<EcomapPersonShape['props']>) => updateShapeProps(editor, shape, props);
  const genders: { value: Gender; label: string }[] = [
    { value: 'male', label: s.genderMale },
    { value: 'female', label: s.genderFemale },
    { value: 'other', label: s.genderOther },
    { value: 'unknown', label: s.genderUnknown },
  ];
  return (
    <div className="rb-shape-form" data-testid="person-panel">
      <TextField label={s.personName} value={p.name} disabled={readonly} testId="person-name" onCommit={(name) => set({ name })} />
      <SelectField<PersonKind>
        label={s.personKind}
        value={p.kind}
        disabled={readonly}
        options={PERSON_KINDS.map((k) => ({ value: k, label: PERSON_KIND_LABELS[k][locale] }))}
        onChange={(kind) => set({ kind })}
      />
      <SelectField<Gender> label={s.gender} value={p.gender} disabled={readonly} options={genders} onChange={(gender) => set({ gender })} />
      <CheckField label={s.deceased} checked={p.deceased} disabled={readonly} onChange={(deceased) => set({ deceased })} />
      <SelectField<SystemId | ''>
        label={s.personSystem}
        value={p.system ?? ''}
        disabled={readonly}
        options={[{ value: '', label: s.systemNone }, ...SYSTEM_IDS.map((id) => ({ value: id, label: locale === 'ja' ? systemInfo(id).label : systemInfo(id).labelEn }))]}
        onChange={(v) => set({ system: v === '' ? null : v })}
      />
      <TextField label={s.note} value={p.note} multiline disabled={readonly} onCommit={(note) => set({ note })} />
    </div>
  );
}
