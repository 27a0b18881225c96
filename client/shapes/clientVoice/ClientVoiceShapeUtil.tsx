import { BaseBoxShapeUtil, HTMLContainer, Rectangle2d, type Geometry2d } from 'tldraw';
import {
  CLIENT_VOICE_TYPE,
  VOICE_SOURCE_LABELS,
  clientVoiceDefaults,
  clientVoiceMigrations,
  clientVoiceProps,
  type ClientVoiceProps,
  type ClientVoiceShape,
} from '../../../shared/shapes/index.ts';
import { InlineText, useShapeEditing } from '../common/InlineText.tsx';
import { roundedRectPath, updateShapeProps } from '../common/shapeOps.ts';
import { useShapeTexts } from '../texts.ts';

/**
 * 本人の言葉: the person's own words as a warm speech bubble with large quotation marks,
 * never styled like a professional's note (意思決定支援ガイドライン).
 */
export class ClientVoiceShapeUtil extends BaseBoxShapeUtil<ClientVoiceShape> {
  static override type = CLIENT_VOICE_TYPE;
  static override props = clientVoiceProps;
  static override migrations = clientVoiceMigrations;

  override getDefaultProps(): ClientVoiceProps {
    return clientVoiceDefaults();
  }

  override getGeometry(shape: ClientVoiceShape): Geometry2d {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true });
  }

  override canEdit(): boolean {
    return true;
  }

  override getText(shape: ClientVoiceShape): string {
    return shape.props.text;
  }

  override component(shape: ClientVoiceShape) {
    return <ClientVoiceView shape={shape} util={this} />;
  }

  override getIndicatorPath(shape: ClientVoiceShape): Path2D {
    return roundedRectPath(shape.props.w, shape.props.h, 18);
  }
}

function ClientVoiceView({ shape, util }: { shape: ClientVoiceShape; util: ClientVoiceShapeUtil }) {
  const { s, locale } = useShapeTexts();
  const { editing } = useShapeEditing(shape.id);
  const p = shape.props;
  return (
    <HTMLContainer className={`rb-shape rb-voice rb-voice--${p.source}`} style={{ width: p.w, height: p.h }} data-testid="rb-voice" data-shape-id={shape.id}>
      <div className="rb-voice__bubble">
        <div className="rb-voice__label">
          {s.voiceLabel}
        </div>
        <span className="rb-voice__quote rb-voice__quote--open" aria-hidden="true">
          「
        </span>
        <InlineText
          shape={shape}
          editing={editing}
          multiline
          value={p.text}
          label={s.voiceText}
          placeholder={s.voicePlaceholder}
          className="rb-voice__text"
          onCommit={(text) => updateShapeProps(util.editor, shape, { text })}
        >
          {p.text || <span className="rb-placeholder">{s.voicePlaceholder}</span>}
        </InlineText>
        <span className="rb-voice__quote rb-voice__quote--close" aria-hidden="true">
          」
        </span>
        <div className="rb-voice__meta">
          <span className="rb-voice__source">{VOICE_SOURCE_LABELS[p.source][locale]}</span>
          {p.recordedBy && (
            <span className="rb-voice__by">
              {s.recordedByShort}：{p.recordedBy}
            </span>
          )}
        </div>
      </div>
      <div className="rb-voice__tail" aria-hidden="true" />
    </HTMLContainer>
  );
}
