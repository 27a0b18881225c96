import type { Editor } from 'tldraw';
import { VOICE_SOURCES, VOICE_SOURCE_LABELS, type ClientVoiceShape, type VoiceSource } from '../../../shared/shapes/index.ts';
import { SelectField, TextField } from '../common/fields.tsx';
import { updateShapeProps } from '../common/shapeOps.ts';
import { useShapeTexts } from '../texts.ts';

/** The side-panel form of a 本人の言葉 bubble. */
export function ClientVoicePanel({ editor, shape, readonly }: { editor: Editor; shape: ClientVoiceShape; readonly: boolean }) {
  const { s, locale } = useShapeTexts();
  const p = shape.props;
  const set = (props: Partial<ClientVoiceShape['props']>) => updateShapeProps(editor, shape, props);
  return (
    <div className="rb-shape-form" data-testid="voice-panel">
      <TextField label={s.voiceText} value={p.text} multiline disabled={readonly} placeholder={s.voicePlaceholder} testId="voice-text" onCommit={(text) => set({ text })} />
      <SelectField<VoiceSource>
        label={s.voiceSource}
        value={p.source}
        disabled={readonly}
        options={VOICE_SOURCES.map((v) => ({ value: v, label: VOICE_SOURCE_LABELS[v][locale] }))}
        onChange={(source) => set({ source })}
      />
      <TextField label={s.recordedBy} value={p.recordedBy} disabled={readonly} onCommit={(recordedBy) => set({ recordedBy })} />
    </div>
  );
}
