import { createShapePropsMigrationIds, createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema';
import { T } from '@tldraw/validate';
import { sizeValidator, textValidator } from './common.ts';

/**
 * 本人の言葉: the person's own words, with who wrote them down. Drawn unlike any
 * professional note, and never mixed with them (意思決定支援ガイドライン).
 */
export const CLIENT_VOICE_TYPE = 'rb-voice' as const;

/**
 * How the words were obtained (意思決定支援ガイドライン): said by the person, expressed by
 * signs or gestures, or inferred by others from evidence (then `recordedBy` says who).
 */
export const VOICE_SOURCES = ['spoken', 'sign', 'aac', 'inferred'] as const;
export type VoiceSource = (typeof VOICE_SOURCES)[number];

export const VOICE_SOURCE_LABELS: Record<VoiceSource, { ja: string; en: string }> = {
  spoken: { ja: '本人が話した言葉', en: 'Said by the person' },
  sign: { ja: 'しぐさ・表情・サインから', en: 'From signs or gestures' },
  aac: { ja: '文字盤・意思伝達装置で', en: 'With a letter board or communication device' },
  inferred: { ja: '周りの人の推定（根拠つき）', en: 'Inferred by others, with evidence' },
};

export interface ClientVoiceProps {
  w: number;
  h: number;
  /** The words as the person said (or signed) them. */
  text: string;
  /** Who wrote them down. */
  recordedBy: string;
  source: VoiceSource;
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [CLIENT_VOICE_TYPE]: ClientVoiceProps;
  }
}

export type ClientVoiceShape = TLShape<typeof CLIENT_VOICE_TYPE>;

export const clientVoiceProps: RecordProps<ClientVoiceShape> = {
  w: sizeValidator,
  h: sizeValidator,
  text: textValidator,
  recordedBy: textValidator,
  source: T.literalEnum(...VOICE_SOURCES),
};

export const clientVoiceVersions = createShapePropsMigrationIds(CLIENT_VOICE_TYPE, {
  AddSource: 1,
  AddAacSource: 2,
});

/** Append-only: a shipped migration is never edited. */
export const clientVoiceMigrations = createShapePropsMigrationSequence({
  sequence: [
    {
      id: clientVoiceVersions.AddSource,
      // Before the distinction existed the card meant the person's own words.
      up: (props: Record<string, unknown>) => {
        props.source = 'spoken';
      },
      down: (props: Record<string, unknown>) => {
        delete props.source;
      },
    },
    {
      id: clientVoiceVersions.AddAacSource,
      // A letter board or device (ALS and others) is its own way of saying, not a gesture.
      up: () => {},
      down: (props: Record<string, unknown>) => {
        if (props.source === 'aac') props.source = 'sign';
      },
    },
  ],
});

/** Props of a new 本人の言葉 card. */
export function clientVoiceDefaults(): ClientVoiceProps {
  return { w: 260, h: 140, text: '', recordedBy: '', source: 'spoken' };
}
