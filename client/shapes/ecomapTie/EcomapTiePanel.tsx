import type { Editor } from 'tldraw';
import { TIE_DIRECTIONS, TIE_KINDS, TIE_KIND_LABELS, type EcomapTieShape, type TieDirection, type TieKind } from '../../../shared/shapes/index.ts';
import { SelectField, TextField } from '../common/fields.tsx';
import { updateShapeProps } from '../common/shapeOps.ts';
import { useShapeTexts, type ShapeTextKey } from '../texts.ts';

const DIRECTION_TEXT: Record<TieDirection, ShapeTextKey> = { none: 'dirNone', forward: 'dirForward', backward: 'dirBackward', both: 'dirBoth' };

/** The side-panel form of an ecomap tie. */
export function EcomapTiePanel({ editor, shape, readonly }: { editor: Editor; shape: EcomapTieShape; readonly: boolean }) {
  const { s, locale } = useShapeTexts();
  const p = shape.props;
  const set = (props: Partial<EcomapTieShape['props']>) => updateShapeProps(editor, shape, props);
  return (
    <div className="rb-shape-form" data-testid="tie-panel">
      <SelectField<TieKind>
        label={s.tieKind}
        value={p.kind}
        disabled={readonly}
        testId="tie-kind"
        options={TIE_KINDS.map((k) => ({ value: k, label: TIE_KIND_LABELS[k][locale] }))}
        onChange={(kind) => set({ kind })}
      />
      <SelectField<TieDirection>
        label={s.tieDirection}
        value={p.direction}
        disabled={readonly}
        options={TIE_DIRECTIONS.map((d) => ({ value: d, label: s[DIRECTION_TEXT[d]] }))}
        onChange={(direction) => set({ direction })}
      />
      <TextField label={s.tieLabel} value={p.label} disabled={readonly} onCommit={(label) => set({ label })} />
    </div>
  );
}
