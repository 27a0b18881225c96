import { BaseBoxShapeUtil, HTMLContainer, Rectangle2d, type Geometry2d } from 'tldraw';
import { ATTENDANCE_LABELS, MEETING_LABELS } from '../../../shared/protocol/index.ts';
import { MEETING_DETAILS_TYPE, meetingDetailsDefaults, meetingDetailsMigrations, meetingDetailsProps, type MeetingDetailsProps, type MeetingDetailsShape } from '../../../shared/shapes/index.ts';
import { shownDate } from '../../records/MeetingSummary.tsx';
import { roundedRectPath } from '../common/shapeOps.ts';
import { useShapeTexts } from '../texts.ts';

/** 会議の要点: the meeting's own facts on the board; edited in the side panel and the save dialog. */
export class MeetingDetailsShapeUtil extends BaseBoxShapeUtil<MeetingDetailsShape> {
  static override type = MEETING_DETAILS_TYPE;
  static override props = meetingDetailsProps;
  static override migrations = meetingDetailsMigrations;

  override getDefaultProps(): MeetingDetailsProps {
    return meetingDetailsDefaults();
  }

  override getGeometry(shape: MeetingDetailsShape): Geometry2d {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true });
  }

  override getText(shape: MeetingDetailsShape): string {
    const d = shape.props.details;
    return [d.topics, d.conclusion, d.remaining].filter(Boolean).join('\n');
  }

  override component(shape: MeetingDetailsShape) {
    return <MeetingDetailsView shape={shape} />;
  }

  override getIndicatorPath(shape: MeetingDetailsShape): Path2D {
    return roundedRectPath(shape.props.w, shape.props.h, 8);
  }
}

function MeetingDetailsView({ shape }: { shape: MeetingDetailsShape }) {
  const { s, locale } = useShapeTexts();
  const d = shape.props.details;
  const L = (k: keyof typeof MEETING_LABELS) => MEETING_LABELS[k][locale];
  const time = d.start || d.end ? `${d.start}${locale === 'ja' ? '〜' : '–'}${d.end}` : '';
  const place = d.online ? `${L('online')}${d.onlineTool ? `（${d.onlineTool}）` : ''}` : d.place;
  const rows: [string, string][] = [
    [L('date'), [d.date ? shownDate(d.date, locale) : '', time].filter(Boolean).join(' ')],
    [L('place'), place],
    [L('round'), d.round],
    [L('attendees'), d.attendees.map((a) => a.name).filter(Boolean).join('、')],
    [`${L('client')}・${L('family')}`, d.clientAttendance || d.familyAttendance ? `${L('client')}: ${ATTENDANCE_LABELS[d.clientAttendance][locale]}${locale === 'ja' ? '・' : ', '}${L('family')}: ${ATTENDANCE_LABELS[d.familyAttendance][locale]}` : ''],
    [L('conclusion'), d.conclusion],
    [L('remaining'), d.remaining],
    [L('nextMeeting'), d.nextMeeting],
  ];
  const shown = rows.filter(([, v]) => v.trim() !== '');
  return (
    <HTMLContainer className="rb-shape rb-meeting" style={{ width: shape.props.w, height: shape.props.h }} data-testid="rb-meeting" data-shape-id={shape.id}>
      <div className="rb-meeting__label">{s.shapeMeeting}</div>
      {shown.length === 0 ? (
        <p className="rb-placeholder">{s.meetingEmpty}</p>
      ) : (
        <dl className="rb-meeting__facts">
          {shown.map(([k, v]) => (
            <div key={k} className="rb-meeting__row">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </HTMLContainer>
  );
}
