import { BaseBoxShapeUtil, HTMLContainer, Rectangle2d, type Geometry2d } from 'tldraw';
import { caseFacts } from '../../../shared/domain/index.ts';
import {
  BASIC_INFO_LABELS,
  BASIC_INFO_TYPE,
  CARE_LEVEL_LABELS,
  SUPPORT_LEVEL_LABELS,
  basicInfoDefaults,
  basicInfoMigrations,
  basicInfoProps,
  type BasicInfoProps,
  type BasicInfoShape,
} from '../../../shared/shapes/index.ts';
import { InlineText, useShapeEditing } from '../common/InlineText.tsx';
import { roundedRectPath, updateShapeProps } from '../common/shapeOps.ts';
import { todayIso } from '../lifeStage/layout.ts';
import { useShapeTexts } from '../texts.ts';

/** 基本情報: the case's structured facts, with what the transition helper reads from them. */
export class BasicInfoShapeUtil extends BaseBoxShapeUtil<BasicInfoShape> {
  static override type = BASIC_INFO_TYPE;
  static override props = basicInfoProps;
  static override migrations = basicInfoMigrations;

  override getDefaultProps(): BasicInfoProps {
    return basicInfoDefaults();
  }

  override getGeometry(shape: BasicInfoShape): Geometry2d {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true });
  }

  override canEdit(): boolean {
    return true;
  }

  override getText(shape: BasicInfoShape): string {
    return shape.props.name;
  }

  override component(shape: BasicInfoShape) {
    return <BasicInfoView shape={shape} util={this} />;
  }

  override getIndicatorPath(shape: BasicInfoShape): Path2D {
    return roundedRectPath(shape.props.w, shape.props.h, 8);
  }
}

const SHOWN = ['disability', 'benefitPeriod', 'careLevelPeriod', 'doctor', 'guardianship'] as const;

function BasicInfoView({ shape, util }: { shape: BasicInfoShape; util: BasicInfoShapeUtil }) {
  const { s, locale } = useShapeTexts();
  const { editing } = useShapeEditing(shape.id);
  const p = shape.props;
  const facts = caseFacts(p, todayIso());
  const handbooks = (
    [
      [s.handbookPhysical, p.physicalHandbook],
      [s.handbookRyoiku, p.ryoikuHandbook],
      [s.handbookMental, p.mentalHandbook],
    ] as const
  )
    .filter(([, v]) => v.trim() !== '')
    .map(([kind, v]) => `${kind} ${v}`)
    .join('・');
  return (
    <HTMLContainer className="rb-shape rb-basic-info" style={{ width: p.w, height: p.h }} data-testid="rb-basic-info" data-shape-id={shape.id}>
      <div className="rb-basic-info__label">{s.shapeBasicInfo}</div>
      <InlineText
        shape={shape}
        editing={editing}
        value={p.name}
        label={BASIC_INFO_LABELS.name[locale]}
        placeholder={BASIC_INFO_LABELS.name[locale]}
        className="rb-basic-info__name"
        onCommit={(name) => updateShapeProps(util.editor, shape, { name })}
      >
        {p.name || <span className="rb-placeholder">{BASIC_INFO_LABELS.name[locale]}</span>}
      </InlineText>
      <dl className="rb-basic-info__facts">
        {facts.age !== null && (
          <>
            <dt>{s.basicInfoAge}</dt>
            <dd>{locale === 'ja' ? `${facts.age}歳（65歳到達日 ${facts.age65}）` : `${facts.age} (reaches 65 on ${facts.age65})`}</dd>
          </>
        )}
        {handbooks && (
          <>
            <dt>{s.basicInfoHandbooks}</dt>
            <dd>{handbooks}</dd>
          </>
        )}
        {p.supportLevel !== '' && (
          <>
            <dt>{BASIC_INFO_LABELS.supportLevel[locale]}</dt>
            <dd>{SUPPORT_LEVEL_LABELS[p.supportLevel][locale]}</dd>
          </>
        )}
        {p.careLevel !== '' && (
          <>
            <dt>{BASIC_INFO_LABELS.careLevel[locale]}</dt>
            <dd>{CARE_LEVEL_LABELS[p.careLevel][locale]}</dd>
          </>
        )}
        {SHOWN.filter((k) => p[k].trim() !== '').map((k) => (
          <div key={k} className="rb-basic-info__row">
            <dt>{BASIC_INFO_LABELS[k][locale]}</dt>
            <dd>{p[k]}</dd>
          </div>
        ))}
      </dl>
      {facts.ltc && locale === 'ja' && <p className="rb-basic-info__ltc" data-testid="basic-info-ltc">{facts.ltc.reason}</p>}
    </HTMLContainer>
  );
}
