import { createShapePropsMigrationIds, createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema';
import { T } from '@tldraw/validate';
import { emptyMeetingDetails, MeetingDetailsSchema, type MeetingDetails } from '../protocol/meeting.ts';
import { sizeValidator } from './common.ts';

/**
 * 会議の要点: the meeting's own facts (第4表 and the モニタリング報告), one card per board, part of
 * the document like every card: the board schema validates it, so the relay refuses a malformed
 * one. The save dialog confirms it and the record keeps what was confirmed.
 */
export const MEETING_DETAILS_TYPE = 'rb-meeting' as const;

export interface MeetingDetailsProps {
  w: number;
  h: number;
  details: MeetingDetails;
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [MEETING_DETAILS_TYPE]: MeetingDetailsProps;
  }
}

export type MeetingDetailsShape = TLShape<typeof MEETING_DETAILS_TYPE>;

/** The details checked by the one wire schema (shared/protocol/meeting.ts); the value is returned as given. */
const detailsValidator = new T.Validator<MeetingDetails>((value) => {
  const parsed = MeetingDetailsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`meeting details: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  return value as MeetingDetails;
});

export const meetingDetailsProps: RecordProps<MeetingDetailsShape> = {
  w: sizeValidator,
  h: sizeValidator,
  details: detailsValidator,
};

export const meetingDetailsVersions = createShapePropsMigrationIds(MEETING_DETAILS_TYPE, {});

/** Append-only: a shipped migration is never edited. */
export const meetingDetailsMigrations = createShapePropsMigrationSequence({ sequence: [] });

/** Props of a new 会議の要点 card. */
export function meetingDetailsDefaults(): MeetingDetailsProps {
  return { w: 420, h: 300, details: emptyMeetingDetails() };
}
