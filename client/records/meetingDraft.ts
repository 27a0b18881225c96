import type { Editor, TLShape } from 'tldraw';
import { ROLES, roleIdFrom } from '../../shared/domain/roles.ts';
import { emptyMeetingDetails, type AttendeeInfo, type MeetingDetails } from '../../shared/protocol/index.ts';
import { BASIC_INFO_TYPE, MEETING_DETAILS_TYPE, type BasicInfoShape, type MeetingDetailsShape } from '../../shared/shapes/index.ts';
import { addPlacedShape } from '../placement/placeNewShape.ts';

/** Today and the time now in the browser's time zone: YYYY-MM-DD and HH:MM. */
export function nowParts(now = new Date()): { date: string; time: string } {
  const p = (n: number) => String(n).padStart(2, '0');
  return { date: `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`, time: `${p(now.getHours())}:${p(now.getMinutes())}` };
}

function firstOfType<S extends TLShape>(editor: Editor, type: string): S | undefined {
  const onPage = editor.getCurrentPageShapesSorted().find((s) => s.type === type);
  if (onPage) return onPage as S;
  return editor.store.allRecords().find((r): r is S => r.typeName === 'shape' && (r as TLShape).type === type);
}

/** The board's 会議の要点 card (the current page's first, else any), if there is one. */
export function meetingCardOf(editor: Editor | null): MeetingDetailsShape | undefined {
  return editor ? firstOfType<MeetingDetailsShape>(editor, MEETING_DETAILS_TYPE) : undefined;
}

/** An attendee of the board as 第4表 lists them: 所属（職種） from their role, and their name. */
export function asMeetingAttendee(a: AttendeeInfo, locale: 'ja' | 'en'): { affiliation: string; name: string } {
  const id = roleIdFrom(a.role);
  return { affiliation: id ? (locale === 'ja' ? ROLES[id].label : ROLES[id].labelEn) : a.role, name: a.name };
}

/**
 * The 会議の要点 the save dialog starts from: the board's card, with what it leaves blank filled
 * from what is known (today, the 基本情報's name, the saver's name, who is on the board).
 */
export function initialMeeting(editor: Editor | null, opts: { author: string; present: readonly AttendeeInfo[]; locale: 'ja' | 'en'; now?: Date }): MeetingDetails {
  const card = meetingCardOf(editor);
  const d: MeetingDetails = card ? structuredClone(card.props.details) : emptyMeetingDetails();
  const { date, time } = nowParts(opts.now);
  const info = editor ? firstOfType<BasicInfoShape>(editor, BASIC_INFO_TYPE) : undefined;
  return {
    ...d,
    date: d.date || date,
    end: d.end || (d.start ? time : ''),
    clientName: d.clientName || info?.props.name || '',
    author: d.author || opts.author,
    attendees: d.attendees.length ? d.attendees : opts.present.map((a) => asMeetingAttendee(a, opts.locale)),
    clientAttendance: d.clientAttendance || (opts.present.some((a) => roleIdFrom(a.role) === 'client') ? 'present' : ''),
    familyAttendance: d.familyAttendance || (opts.present.some((a) => roleIdFrom(a.role) === 'family') ? 'present' : ''),
  };
}

/**
 * Writes the confirmed 会議の要点 to the board (its card, or a new card placed with the case's
 * summary), so that the board and the record say the same; nothing on a read-only board.
 */
export function writeMeetingToBoard(editor: Editor | null, details: MeetingDetails): void {
  if (!editor || editor.getIsReadonly()) return;
  const card = meetingCardOf(editor);
  if (card) {
    if (JSON.stringify(card.props.details) !== JSON.stringify(details)) editor.updateShape({ id: card.id, type: MEETING_DETAILS_TYPE, props: { details } });
    return;
  }
  const selected = editor.getSelectedShapeIds();
  addPlacedShape(editor, MEETING_DETAILS_TYPE, { details });
  // Saving a record is not choosing a card: the selection stays as it was.
  editor.setSelectedShapes(selected);
}
