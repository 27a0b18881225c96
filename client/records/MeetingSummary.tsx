import { ATTENDANCE_LABELS, MEETING_LABELS, PLAN_CHANGE_LABELS, type MeetingDetails } from '../../shared/protocol/index.ts';
import { useI18n } from '../i18n/index.ts';
import { R } from '../ruby/index.ts';
import { useRecordTexts } from './texts.ts';

/** 2026-04-13 as 2026年4月13日（月） or Mon, 13 April 2026. */
export function shownDate(ymd: string, locale: 'ja' | 'en'): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!y || !m || !d || Number.isNaN(date.getTime())) return ymd;
  if (locale === 'ja') return `${y}年${m}月${d}日（${'日月火水木金土'[date.getUTCDay()]}）`;
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A saved record's 会議の要点, read-only (the record's page). */
export function MeetingSummary({ details }: { details: MeetingDetails | null }) {
  const { locale } = useI18n();
  const t = useRecordTexts();
  const L = (k: keyof typeof MEETING_LABELS) => MEETING_LABELS[k][locale];
  if (!details) {
    return (
      <section className="rb-panel" aria-labelledby="rb-meeting-summary-h" data-testid="record-meeting-summary">
        <h2 id="rb-meeting-summary-h"><R>{t('meetingShown')}</R></h2>
        <p className="rb-hint"><R>{t('meetingNone')}</R></p>
      </section>
    );
  }
  const d = details;
  const place = d.online ? `${L('online')}${d.onlineTool ? `（${d.onlineTool}）` : ''}${d.place ? ` ${d.place}` : ''}` : d.place;
  // Rows of people's names only are marked: they stay plain under ふりがな (a name's reading is the person's own).
  const rows: [label: string, value: string, names?: 'names'][] = [
    [L('date'), d.date ? shownDate(d.date, locale) : ''],
    [L('time'), d.start || d.end ? `${d.start}${locale === 'ja' ? '〜' : '–'}${d.end}` : ''],
    [L('place'), place],
    [L('round'), d.round],
    [L('clientName'), d.clientName, 'names'],
    [L('author'), d.author, 'names'],
    [L('attendees'), d.attendees.map((a) => (a.affiliation ? `${a.name}（${a.affiliation}）` : a.name)).join(locale === 'ja' ? '、' : ', '), 'names'],
    [`${L('client')}・${L('family')}`, d.clientAttendance || d.familyAttendance ? `${L('client')} ${ATTENDANCE_LABELS[d.clientAttendance][locale]}・${L('family')} ${ATTENDANCE_LABELS[d.familyAttendance][locale]}${d.familyRelation ? `（${d.familyRelation}）` : ''}` : ''],
    [L('absentees'), d.absentees.map((a) => `${a.name}${a.affiliation ? `（${a.affiliation}）` : ''}${a.inquiry ? `: ${a.inquiry}` : ''}${a.answer ? ` → ${a.answer}` : ''}`).join('\n')],
    [L('topics'), d.topics],
    [L('discussion'), d.discussion],
    [L('conclusion'), d.conclusion],
    [L('remaining'), d.remaining],
    [L('nextMeeting'), d.nextMeeting],
    [L('satisfaction'), d.monitoring.satisfaction],
    [L('goalAchievement'), d.monitoring.goalAchievement],
    [L('planChange'), d.monitoring.planChange ? `${PLAN_CHANGE_LABELS[d.monitoring.planChange][locale]}${d.monitoring.planChangeReason ? `: ${d.monitoring.planChangeReason}` : ''}` : ''],
    [L('nextMonth'), d.monitoring.nextMonth],
  ];
  return (
    <section className="rb-panel" aria-labelledby="rb-meeting-summary-h" data-testid="record-meeting-summary">
      <h2 id="rb-meeting-summary-h"><R>{t('meetingShown')}</R></h2>
      <dl className="rb-meeting-summary">
        {rows
          .filter(([, v]) => v.trim() !== '')
          .map(([k, v, names]) => (
            <div key={k}>
              <dt>
                <R>{k}</R>
              </dt>
              <dd>{names ? v : <R>{v}</R>}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
