import { BaseBoxShapeUtil, HTMLContainer, Rectangle2d, type Geometry2d } from 'tldraw';
import { displayDate, roleInfo } from '../../../shared/domain/index.ts';
import {
  PLAN_ITEM_TYPE,
  PLAN_STATE_LABELS,
  planItemDefaults,
  planItemMigrations,
  planItemProps,
  type PlanItemProps,
  type PlanItemShape,
} from '../../../shared/shapes/index.ts';
import { InlineText, useShapeEditing } from '../common/InlineText.tsx';
import { roundedRectPath, updateShapeProps } from '../common/shapeOps.ts';
import { useShapeTexts } from '../texts.ts';

/** 支援計画項目: a need, its goal and support, who does it by when, and whether it is agreed. */
export class PlanItemShapeUtil extends BaseBoxShapeUtil<PlanItemShape> {
  static override type = PLAN_ITEM_TYPE;
  static override props = planItemProps;
  static override migrations = planItemMigrations;

  override getDefaultProps(): PlanItemProps {
    return planItemDefaults();
  }

  override getGeometry(shape: PlanItemShape): Geometry2d {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true });
  }

  override canEdit(): boolean {
    return true;
  }

  override getText(shape: PlanItemShape): string {
    return [shape.props.need, shape.props.goal, shape.props.support].filter(Boolean).join('\n');
  }

  override component(shape: PlanItemShape) {
    return <PlanItemView shape={shape} util={this} />;
  }

  override getIndicatorPath(shape: PlanItemShape): Path2D {
    return roundedRectPath(shape.props.w, shape.props.h, 6);
  }
}

function PlanItemView({ shape, util }: { shape: PlanItemShape; util: PlanItemShapeUtil }) {
  const { s, locale } = useShapeTexts();
  const { editing } = useShapeEditing(shape.id);
  const p = shape.props;
  const owner = p.owner ? roleInfo(p.owner) : undefined;
  return (
    <HTMLContainer className={`rb-shape rb-plan rb-plan--${p.state}`} style={{ width: p.w, height: p.h }} data-testid="rb-plan" data-shape-id={shape.id}>
      <div className="rb-plan__head">
        <span className="rb-plan__priority">
          {s.priorityShort} {p.priority ?? '—'}
        </span>
        <span className="rb-badge rb-plan__state">{PLAN_STATE_LABELS[p.state][locale]}</span>
      </div>
      <InlineText
        shape={shape}
        editing={editing}
        multiline
        value={p.need}
        label={s.need}
        placeholder={s.need}
        className="rb-plan__need"
        onCommit={(need) => updateShapeProps(util.editor, shape, { need })}
      >
        {p.need || <span className="rb-placeholder">{s.need}</span>}
      </InlineText>
      {p.goal && (
        <div className="rb-plan__row">
          <span className="rb-plan__key">{s.goal}</span>
          {p.goal}
        </div>
      )}
      {p.support && (
        <div className="rb-plan__row">
          <span className="rb-plan__key">{s.support}</span>
          {p.support}
        </div>
      )}
      <div className="rb-plan__foot">
        <span className="rb-plan__owner" style={owner ? { borderColor: owner.color, color: owner.color } : undefined}>
          {s.owner}
          {locale === 'ja' ? '：' : ': '}
          {owner ? (locale === 'ja' ? owner.label : owner.labelEn) : s.ownerNone}
        </span>
        {p.due && (
          <span className="rb-plan__due">
            {locale === 'ja' ? `${s.due}：${displayDate(p.due, 'ja')}` : `${s.due}: ${displayDate(p.due, 'en')}`}
          </span>
        )}
      </div>
    </HTMLContainer>
  );
}
