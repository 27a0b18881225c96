import { createShapePropsMigrationIds, createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema';
import { sizeValidator, textValidator } from './common.ts';

/**
 * 本人の言葉: the person's own words, with who wrote them down. Drawn unlike any
 * professional note, and never mixed with them (意思決定支援ガイドライン).
 */
export const CLIENT_VOICE_TYPE = 'rb-voice' as const;

export interface ClientVoiceProps {
  w: number;
  h: number;
  /** The words as the person said (or signed) them. */
  text: string;
  /** Who wrote them down. */
  recordedBy: string;
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
};

export const clientVoiceVersions = createShapePropsMigrationIds(CLIENT_VOICE_TYPE, {});

/** Append-only: a shipped migration is never edited. */
export const clientVoiceMigrations = createShapePropsMigrationSequence({ sequence: [] });

/** Props of a new 本人の言葉 card. */
export function clientVoiceDefaults(): ClientVoiceProps {
  return { w: 260, h: 140, text: '', recordedBy: '' };
}
