import { BaseBoxShapeUtil, HTMLContainer, Rectangle2d, type Geometry2d } from 'tldraw';
import { systemInfo } from '../../../shared/domain/index.ts';
import {
  SERVICE_CARD_TYPE,
  SERVICE_STATUS_LABELS,
  serviceCardDefaults,
  serviceCardMigrations,
  serviceCardProps,
  type ServiceCardProps,
  type ServiceCardShape,
} from '../../../shared/shapes/index.ts';
import { InlineText, useShapeEditing } from '../common/InlineText.tsx';
import { roundedRectPath, updateShapeProps } from '../common/shapeOps.ts';
import { useShapeTexts } from '../texts.ts';
import { serviceUpdate } from './catalogue.ts';

/** サービスカード: a service with its system's colour band, provider, amount and status. */
export class ServiceCardShapeUtil extends BaseBoxShapeUtil<ServiceCardShape> {
  static override type = SERVICE_CARD_TYPE;
  static override props = serviceCardProps;
  static override migrations = serviceCardMigrations;

  override getDefaultProps(): ServiceCardProps {
    return serviceCardDefaults();
  }

  override getGeometry(shape: ServiceCardShape): Geometry2d {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true });
  }

  override canEdit(): boolean {
    return true;
  }

  override getText(shape: ServiceCardShape): string {
    return [shape.props.service, shape.props.provider, shape.props.amount, shape.props.note].filter(Boolean).join('\n');
  }

  override component(shape: ServiceCardShape) {
    return <ServiceCardView shape={shape} util={this} />;
  }

  override getIndicatorPath(shape: ServiceCardShape): Path2D {
    return roundedRectPath(shape.props.w, shape.props.h, 8);
  }
}

function ServiceCardView({ shape, util }: { shape: ServiceCardShape; util: ServiceCardShapeUtil }) {
  const { s, locale } = useShapeTexts();
  const { editing } = useShapeEditing(shape.id);
  const p = shape.props;
  const sys = systemInfo(p.system);
  const style = {
    width: p.w,
    height: p.h,
    '--rb-sys-color': sys.color,
    '--rb-sys-tint': sys.tint,
    '--rb-sys-text': sys.text,
  } as React.CSSProperties;
  return (
    <HTMLContainer className={`rb-shape rb-service rb-service--${p.status}`} style={style} data-testid="rb-service" data-shape-id={shape.id}>
      <div className="rb-service__band">
        <span className="rb-service__system">{locale === 'ja' ? sys.shortLabel : sys.labelEn}</span>
        <span className="rb-badge rb-service__status">{SERVICE_STATUS_LABELS[p.status][locale]}</span>
      </div>
      <div className="rb-service__body">
        <InlineText
          shape={shape}
          editing={editing}
          value={p.service}
          label={s.service}
          placeholder={s.servicePlaceholder}
          className="rb-service__name"
          onCommit={(v) => updateShapeProps(util.editor, shape, serviceUpdate(v, p.system))}
        >
          {p.service || <span className="rb-placeholder">{s.servicePlaceholder}</span>}
        </InlineText>
        {p.provider && <div className="rb-service__provider">{p.provider}</div>}
        {p.amount && <div className="rb-service__amount">{p.amount}</div>}
        {p.note && <div className="rb-service__note">{p.note}</div>}
      </div>
    </HTMLContainer>
  );
}
