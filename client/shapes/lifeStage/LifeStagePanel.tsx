import type { Editor } from 'tldraw';
import type { LifeStageBand, LifeStageShape } from '../../../shared/shapes/index.ts';
import { CheckField, DateField, TextField } from '../common/fields.tsx';
import { updateShapeProps } from '../common/shapeOps.ts';
import { useShapeTexts } from '../texts.ts';
import { addStage, defaultStageBands, editStage, parseAge, removeStage, stageProblems } from './stageEdits.ts';

/** The side-panel form of a ライフステージ帯: date of birth, 特定疾病 and the editable stages. */
export function LifeStagePanel({ editor, shape, readonly }: { editor: Editor; shape: LifeStageShape; readonly: boolean }) {
  const { s } = useShapeTexts();
  const p = shape.props;
  const setStages = (stages: LifeStageBand[]) => updateShapeProps(editor, shape, { stages });
  const problems = stageProblems(p.stages);
  return (
    <div className="rb-shape-form" data-testid="lifeline-panel">
      <DateField label={s.birthDate} value={p.birthDate} disabled={readonly} testId="lifeline-birth" onChange={(birthDate) => updateShapeProps(editor, shape, { birthDate })} />
      <CheckField
        label={s.specifiedDisease}
        checked={p.specifiedDisease}
        disabled={readonly}
        testId="lifeline-disease"
        onChange={(specifiedDisease) => updateShapeProps(editor, shape, { specifiedDisease })}
      />
      <fieldset className="rb-stages">
        <legend>{s.stages}</legend>
        {p.stages.map((st, i) => (
          <div key={st.id} className="rb-stage-row">
            <TextField label={s.stageLabel} value={st.label} disabled={readonly} onCommit={(label) => setStages(editStage(p.stages, i, { label }))} />
            <div className="rb-row">
              <AgeInput label={s.stageMin} value={st.minAge} allowEmpty={false} disabled={readonly} onChange={(minAge) => minAge !== null && setStages(editStage(p.stages, i, { minAge }))} />
              <AgeInput label={s.stageMax} value={st.maxAge} allowEmpty disabled={readonly} onChange={(maxAge) => setStages(editStage(p.stages, i, { maxAge }))} />
            </div>
            <button type="button" className="rb-link-button" disabled={readonly || p.stages.length <= 1} onClick={() => setStages(removeStage(p.stages, i))}>
              {s.stageRemove}（{st.label}）
            </button>
          </div>
        ))}
        {problems.length > 0 && (
          <ul className="rb-error" role="alert">
            {problems.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        <div className="rb-row rb-wrap">
          <button type="button" disabled={readonly} onClick={() => setStages(addStage(p.stages, s.stageLabel, `stage-${Date.now().toString(36)}`))}>
            {s.stageAdd}
          </button>
          <button type="button" disabled={readonly} onClick={() => setStages(defaultStageBands())}>
            {s.stagesReset}
          </button>
        </div>
      </fieldset>
    </div>
  );
}

function AgeInput(props: { label: string; value: number | null; allowEmpty: boolean; disabled: boolean; onChange(value: number | null): void }) {
  return (
    <label className="rb-age">
      <span>{props.label}</span>
      <input
        type="number"
        min={0}
        max={150}
        inputMode="numeric"
        disabled={props.disabled}
        value={props.value ?? ''}
        onChange={(e) => {
          const v = parseAge(e.currentTarget.value, props.allowEmpty);
          if (v !== undefined) props.onChange(v);
        }}
      />
    </label>
  );
}
