import { useEffect, useRef } from 'react';
import { BaseBoxShapeUtil, HTMLContainer, Rectangle2d, stopEventPropagation, useEditor, type Geometry2d } from 'tldraw';
import {
  LIFE_STAGE_TYPE,
  lifeStageDefaults,
  lifeStageMigrations,
  lifeStageProps,
  type LifeStageProps,
  type LifeStageShape,
} from '../../../shared/shapes/index.ts';
import { stageLabel } from '../../../shared/domain/index.ts';
import { useShapeEditing } from '../common/InlineText.tsx';
import { roundedRectPath, updateShapeProps } from '../common/shapeOps.ts';
import { useShapeTexts, type ShapeTextKey } from '../texts.ts';
import { lifeBandLayout, todayIso, type ScopeSpan } from './layout.ts';

const THRESHOLD_TEXT: Record<18 | 40 | 65, ShapeTextKey> = { 18: 'threshold18', 40: 'threshold40', 65: 'threshold65' };

/**
 * ライフステージ帯: the stages of a life, the thresholds at 18, 40 and 65, the person's age
 * today, and beneath them each specialist's scope with their overlap (連携の領域).
 */
export class LifeStageShapeUtil extends BaseBoxShapeUtil<LifeStageShape> {
  static override type = LIFE_STAGE_TYPE;
  static override props = lifeStageProps;
  static override migrations = lifeStageMigrations;

  override getDefaultProps(): LifeStageProps {
    return lifeStageDefaults();
  }

  override getGeometry(shape: LifeStageShape): Geometry2d {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true });
  }

  // Double-click edits the date of birth in place; stages are edited in the side panel.
  override canEdit(): boolean {
    return true;
  }

  override getText(shape: LifeStageShape): string {
    return shape.props.stages.map((s) => s.label).join(' / ');
  }

  override component(shape: LifeStageShape) {
    return <LifeStageView shape={shape} util={this} />;
  }

  override getIndicatorPath(shape: LifeStageShape): Path2D {
    return roundedRectPath(shape.props.w, shape.props.h, 4);
  }
}

function LifeStageView({ shape, util }: { shape: LifeStageShape; util: LifeStageShapeUtil }) {
  const { s, locale } = useShapeTexts();
  const { editing } = useShapeEditing(shape.id);
  const p = shape.props;
  const layout = lifeBandLayout({ width: p.w, stages: p.stages, birthDate: p.birthDate, today: todayIso(), specifiedDisease: p.specifiedDisease });
  const scopeRow = (label: string, spans: ScopeSpan[], kind: 'soudan' | 'caremanager') => (
    <div className={`rb-lifeline__scope rb-lifeline__scope--${kind}`}>
      {spans.map((sp) => (
        <div
          key={sp.minAge}
          className={`rb-lifeline__scopebar${sp.active ? '' : ' is-inactive'}`}
          style={{ left: sp.x, width: sp.w }}
          data-testid={`scope-${kind}-${sp.minAge}`}
        >
          {label}
          {sp.conditional && `（${s.scopeConditional}）`}
        </div>
      ))}
    </div>
  );
  return (
    <HTMLContainer className="rb-shape rb-lifeline" style={{ width: p.w, height: p.h }} data-testid="rb-lifeline" data-shape-id={shape.id}>
      <div className="rb-lifeline__stages">
        {layout.stages.map((st) => (
          <div key={st.id} className="rb-lifeline__stage" style={{ left: st.x, width: st.w }}>
            <span className="rb-lifeline__stagelabel">{stageLabel(st, locale)}</span>
            <span className="rb-lifeline__stageages">
              {st.minAge}
              {locale === 'ja' ? '〜' : '–'}
              {st.maxAge ?? ''}
              {s.ageUnit}
            </span>
          </div>
        ))}
      </div>
      <div className="rb-lifeline__marks">
        {layout.thresholds.map((t) => (
          <div key={t.age} className="rb-lifeline__threshold" style={{ left: t.x }}>
            <span>{s[THRESHOLD_TEXT[t.age]]}</span>
          </div>
        ))}
        {layout.currentAge ? (
          <div className="rb-lifeline__now" style={{ left: layout.currentAge.x }} data-testid="lifeline-now">
            <span>
              {s.currentAge} {layout.currentAge.age}
              {s.ageUnit}
            </span>
          </div>
        ) : (
          !editing && <div className="rb-lifeline__unknown">{s.ageUnknown}</div>
        )}
        {editing && <BirthDateInput shape={shape} util={util} label={s.birthDate} />}
      </div>
      <div className="rb-lifeline__scopes">
        {layout.overlap.map((o) => (
          <div key={o.minAge} className="rb-lifeline__overlap" style={{ left: o.x, width: o.w }} data-testid="lifeline-overlap">
            <span>{s.overlap}</span>
          </div>
        ))}
        {scopeRow(s.scopeSoudan, layout.soudan, 'soudan')}
        {scopeRow(s.scopeCaremanager, layout.caremanager, 'caremanager')}
      </div>
    </HTMLContainer>
  );
}

function BirthDateInput({ shape, util, label }: { shape: LifeStageShape; util: LifeStageShapeUtil; label: string }) {
  const editor = useEditor();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <label className="rb-lifeline__date" onPointerDown={stopEventPropagation}>
      {label}
      <input
        ref={ref}
        type="date"
        className="rb-inline-input"
        value={shape.props.birthDate}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v)) updateShapeProps(util.editor, shape, { birthDate: v });
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape' || e.key === 'Enter') {
            e.preventDefault();
            editor.setEditingShape(null);
          }
        }}
      />
    </label>
  );
}
