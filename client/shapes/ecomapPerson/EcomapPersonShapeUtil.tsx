import { BaseBoxShapeUtil, Ellipse2d, HTMLContainer, Rectangle2d, type Geometry2d } from 'tldraw';
import { systemInfo } from '../../../shared/domain/index.ts';
import {
  ECOMAP_PERSON_TYPE,
  PERSON_KIND_LABELS,
  ecomapPersonDefaults,
  ecomapPersonMigrations,
  ecomapPersonProps,
  type EcomapPersonProps,
  type EcomapPersonShape,
} from '../../../shared/shapes/index.ts';
import { InlineText, useShapeEditing } from '../common/InlineText.tsx';
import { updateShapeProps } from '../common/shapeOps.ts';
import { useShapeTexts } from '../texts.ts';

/** The outline a person gets: □ male, ○ female, a rounded box otherwise (DOMAIN.md, genogram). */
export function personOutline(gender: EcomapPersonProps['gender']): 'square' | 'ellipse' | 'rounded' {
  return gender === 'male' ? 'square' : gender === 'female' ? 'ellipse' : 'rounded';
}

const NEUTRAL = { color: '#57606a', tint: '#ffffff', text: '#1f2328' };

/** エコマップの人物: someone around the person, or 本人 (doubled outline, drawn as the centre). */
export class EcomapPersonShapeUtil extends BaseBoxShapeUtil<EcomapPersonShape> {
  static override type = ECOMAP_PERSON_TYPE;
  static override props = ecomapPersonProps;
  static override migrations = ecomapPersonMigrations;

  override getDefaultProps(): EcomapPersonProps {
    return ecomapPersonDefaults();
  }

  override getGeometry(shape: EcomapPersonShape): Geometry2d {
    const { w, h, gender } = shape.props;
    return personOutline(gender) === 'ellipse'
      ? new Ellipse2d({ width: w, height: h, isFilled: true })
      : new Rectangle2d({ width: w, height: h, isFilled: true });
  }

  override canEdit(): boolean {
    return true;
  }

  override getText(shape: EcomapPersonShape): string {
    return [shape.props.name, shape.props.note].filter(Boolean).join('\n');
  }

  override component(shape: EcomapPersonShape) {
    return <EcomapPersonView shape={shape} util={this} />;
  }

  override getIndicatorPath(shape: EcomapPersonShape): Path2D {
    const { w, h, gender } = shape.props;
    const path = new Path2D();
    const outline = personOutline(gender);
    if (outline === 'ellipse') path.ellipse(w / 2, h / 2, w / 2, h / 2, 0, 0, Math.PI * 2);
    else path.roundRect(0, 0, w, h, outline === 'square' ? 0 : 16);
    return path;
  }
}

function EcomapPersonView({ shape, util }: { shape: EcomapPersonShape; util: EcomapPersonShapeUtil }) {
  const { s, locale } = useShapeTexts();
  const { editing } = useShapeEditing(shape.id);
  const p = shape.props;
  const colours = p.system ? systemInfo(p.system) : NEUTRAL;
  const style = {
    width: p.w,
    height: p.h,
    '--rb-sys-color': colours.color,
    '--rb-sys-tint': colours.tint,
    '--rb-sys-text': colours.text,
  } as React.CSSProperties;
  const classes = ['rb-shape', 'rb-person', `rb-person--${personOutline(p.gender)}`, `rb-person--${p.kind}`, p.deceased ? 'is-deceased' : ''];
  return (
    <HTMLContainer className={classes.join(' ')} style={style} data-testid="rb-person" data-shape-id={shape.id}>
      <div className="rb-person__inner">
        <span className="rb-person__kind">{PERSON_KIND_LABELS[p.kind][locale]}</span>
        <InlineText
          shape={shape}
          editing={editing}
          value={p.name}
          label={s.personName}
          placeholder={s.personName}
          className="rb-person__name"
          onCommit={(name) => updateShapeProps(util.editor, shape, { name })}
        >
          {p.name || <span className="rb-placeholder">{s.personName}</span>}
        </InlineText>
        {p.note && <span className="rb-person__note">{p.note}</span>}
      </div>
      {p.deceased && (
        <svg className="rb-person__cross" viewBox={`0 0 ${p.w} ${p.h}`} aria-label={s.legendDeceased} role="img">
          <line x1={0} y1={0} x2={p.w} y2={p.h} />
          <line x1={p.w} y1={0} x2={0} y2={p.h} />
        </svg>
      )}
    </HTMLContainer>
  );
}
