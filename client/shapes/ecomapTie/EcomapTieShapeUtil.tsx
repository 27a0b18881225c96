import {
  Edge2d,
  HTMLContainer,
  SVGContainer,
  ShapeUtil,
  Vec,
  type Geometry2d,
  type IndexKey,
  type TLHandle,
  type TLHandleDragInfo,
  type TLResizeInfo,
  type TLShapePartial,
} from 'tldraw';
import {
  ECOMAP_TIE_TYPE,
  ecomapTieDefaults,
  ecomapTieMigrations,
  ecomapTieProps,
  type EcomapTieProps,
  type EcomapTieShape,
} from '../../../shared/shapes/index.ts';
import { InlineText, useShapeEditing } from '../common/InlineText.tsx';
import { updateShapeProps } from '../common/shapeOps.ts';
import { useShapeTexts } from '../texts.ts';
import { dragTieHandle, pointsToPath, tieArrowHeads, tieMidpoint, tieStroke, zigzagPoints } from './tieGeometry.ts';

const TIE_COLOR = '#1f2328';
const ORIGIN = { x: 0, y: 0 };

/** エコマップの関係: a line from its origin to `end`, drawn by kind, with arrowheads for the direction of support. */
export class EcomapTieShapeUtil extends ShapeUtil<EcomapTieShape> {
  static override type = ECOMAP_TIE_TYPE;
  static override props = ecomapTieProps;
  static override migrations = ecomapTieMigrations;

  override getDefaultProps(): EcomapTieProps {
    return ecomapTieDefaults();
  }

  override getGeometry(shape: EcomapTieShape): Geometry2d {
    const { end } = shape.props;
    // A zero-length edge has no direction; nudge it so hit-testing stays finite.
    const to = Math.hypot(end.x, end.y) < 0.01 ? new Vec(0.1, 0.1) : new Vec(end.x, end.y);
    return new Edge2d({ start: new Vec(0, 0), end: to });
  }

  override getHandles(shape: EcomapTieShape): TLHandle[] {
    return [
      { id: 'start', type: 'vertex', index: 'a1' as IndexKey, x: 0, y: 0 },
      { id: 'end', type: 'vertex', index: 'a2' as IndexKey, x: shape.props.end.x, y: shape.props.end.y },
    ];
  }

  override onHandleDrag(shape: EcomapTieShape, { handle }: TLHandleDragInfo<EcomapTieShape>): TLShapePartial<EcomapTieShape> {
    const which = handle.id === 'start' ? 'start' : 'end';
    const next = dragTieHandle(which, { x: handle.x, y: handle.y }, shape.props.end);
    const shift = Vec.Rot(new Vec(next.origin.x, next.origin.y), shape.rotation);
    return { id: shape.id, type: shape.type, x: shape.x + shift.x, y: shape.y + shift.y, props: { end: next.end } };
  }

  override onResize(shape: EcomapTieShape, info: TLResizeInfo<EcomapTieShape>) {
    return { props: { end: { x: shape.props.end.x * info.scaleX, y: shape.props.end.y * info.scaleY } } };
  }

  override canEdit(): boolean {
    return true;
  }

  override hideResizeHandles(): boolean {
    return true;
  }

  override hideRotateHandle(): boolean {
    return true;
  }

  override hideSelectionBoundsFg(): boolean {
    return true;
  }

  override hideSelectionBoundsBg(): boolean {
    return true;
  }

  override getText(shape: EcomapTieShape): string {
    return shape.props.label;
  }

  override component(shape: EcomapTieShape) {
    return <EcomapTieView shape={shape} util={this} />;
  }

  /**
   * Exports draw the tie as plain SVG: the default export wraps the component in a
   * foreignObject the size of the bounds from the origin, which clipped every tie running up
   * or left, and left the HTML label floating apart from its line.
   */
  override toSvg(shape: EcomapTieShape) {
    const { end, kind, direction, label } = shape.props;
    const stroke = tieStroke(kind);
    const points = stroke.zigzag ? zigzagPoints(ORIGIN, end) : [ORIGIN, end];
    const heads = tieArrowHeads(direction, ORIGIN, end, 10 + stroke.width * 1.5);
    const mid = tieMidpoint(ORIGIN, end);
    const text = label.trim().slice(0, 40);
    // Full-width characters are about 1em wide at 13px, others about half of that.
    const width = [...text].reduce((w, ch) => w + (/[\u0000-\u00ff]/.test(ch) ? 7.5 : 13), 0) + 12;
    return (
      <g className="rb-tie" data-kind={kind}>
        <path d={pointsToPath(points)} fill="none" stroke={TIE_COLOR} strokeWidth={stroke.width} strokeDasharray={stroke.dash ?? undefined} strokeLinejoin="round" strokeLinecap="round" />
        {heads.map((h, i) => (
          <polygon key={i} points={h.map((p) => `${p.x},${p.y}`).join(' ')} fill={TIE_COLOR} />
        ))}
        {text && (
          <g className="rb-tie__label">
            <rect x={mid.x - width / 2} y={mid.y - 10.5} width={width} height={21} rx={4} fill="#fff" stroke="#8c959f" />
            <text x={mid.x} y={mid.y} textAnchor="middle" dominantBaseline="central" fontSize={13} fill={TIE_COLOR} fontFamily="system-ui, sans-serif">
              {text}
            </text>
          </g>
        )}
      </g>
    );
  }

  override getIndicatorPath(shape: EcomapTieShape): Path2D {
    const path = new Path2D();
    path.moveTo(0, 0);
    path.lineTo(shape.props.end.x, shape.props.end.y);
    return path;
  }
}

function EcomapTieView({ shape, util }: { shape: EcomapTieShape; util: EcomapTieShapeUtil }) {
  const { s } = useShapeTexts();
  const { editing } = useShapeEditing(shape.id);
  const { end, kind, direction, label } = shape.props;
  const stroke = tieStroke(kind);
  const points = stroke.zigzag ? zigzagPoints(ORIGIN, end) : [ORIGIN, end];
  const heads = tieArrowHeads(direction, ORIGIN, end, 10 + stroke.width * 1.5);
  const mid = tieMidpoint(ORIGIN, end);
  return (
    <>
      <SVGContainer className="rb-tie" data-testid="rb-tie" data-kind={kind} data-shape-id={shape.id}>
        <path
          d={pointsToPath(points)}
          fill="none"
          stroke={TIE_COLOR}
          strokeWidth={stroke.width}
          strokeDasharray={stroke.dash ?? undefined}
          strokeLinejoin="round"
          strokeLinecap="round"
        />
        {heads.map((h, i) => (
          <polygon key={i} points={h.map((p) => `${p.x},${p.y}`).join(' ')} fill={TIE_COLOR} />
        ))}
      </SVGContainer>
      {(label || editing) && (
        <HTMLContainer className="rb-tie__labelbox">
          <div className="rb-tie__label" style={{ left: mid.x, top: mid.y }}>
            <InlineText
              shape={shape}
              editing={editing}
              value={label}
              label={s.tieLabel}
              placeholder={s.tieLabel}
              className="rb-tie__text"
              onCommit={(v) => updateShapeProps(util.editor, shape, { label: v })}
            />
          </div>
        </HTMLContainer>
      )}
    </>
  );
}
