import { useId } from 'react';
import {
  ATTENDANCE_LABELS,
  MEETING_LABELS,
  PLAN_CHANGE_LABELS,
  type Attendance,
  type MeetingDetails,
  type PlanChange,
} from '../../shared/protocol/index.ts';
import { useI18n } from '../i18n/index.ts';
import { useRecordTexts } from './texts.ts';
import { R } from '../ruby/index.ts';

type TextKey = 'place' | 'onlineTool' | 'round' | 'author' | 'clientName' | 'familyRelation' | 'topics' | 'discussion' | 'conclusion' | 'remaining' | 'nextMeeting';

/**
 * The 会議の要点 form (第4表's items, then the モニタリング報告's): used by the 会議の要点 card's
 * side panel and by the save dialog, where the details are confirmed before a record is saved.
 */
export function MeetingDetailsFields(props: { value: MeetingDetails; onChange(next: MeetingDetails): void; disabled?: boolean; idPrefix?: string }) {
  const { locale } = useI18n();
  const t = useRecordTexts();
  const L = (k: keyof typeof MEETING_LABELS) => MEETING_LABELS[k][locale];
  const d = props.value;
  const disabled = props.disabled ?? false;
  const base = useId();
  const id = (k: string) => `${base}-${k}`;
  const set = (patch: Partial<MeetingDetails>) => props.onChange({ ...d, ...patch });
  const text = (k: TextKey, multiline = false) => (
    <div className="rb-field" key={k}>
      <label htmlFor={id(k)}><R>{L(k)}</R></label>
      {multiline ? (
        <textarea id={id(k)} rows={3} value={d[k]} maxLength={20000} disabled={disabled} data-testid={`meeting-${k}`} onChange={(e) => set({ [k]: e.target.value })} />
      ) : (
        <input id={id(k)} value={d[k]} maxLength={500} disabled={disabled} data-testid={`meeting-${k}`} onChange={(e) => set({ [k]: e.target.value })} />
      )}
    </div>
  );
  const attendance = (k: 'clientAttendance' | 'familyAttendance', label: string) => (
    <label className="rb-check">
      <R>{label}</R>
      <select value={d[k]} disabled={disabled} data-testid={`meeting-${k}`} onChange={(e) => set({ [k]: e.target.value as Attendance })}>
        {(['', 'present', 'absent'] as const).map((v) => (
          <option key={v} value={v}>
            {ATTENDANCE_LABELS[v][locale]}
          </option>
        ))}
      </select>
    </label>
  );
  const m = d.monitoring;
  return (
    <div className="rb-meeting-fields" data-testid="meeting-fields">
      <div className="rb-meeting-fields__grid">
        <div className="rb-field">
          <label htmlFor={id('date')}><R>{L('date')}</R></label>
          <input id={id('date')} type="date" value={d.date} disabled={disabled} data-testid="meeting-date" onChange={(e) => set({ date: e.target.value })} />
        </div>
        <div className="rb-field">
          <label htmlFor={id('start')}><R>{L('start')}</R></label>
          <input id={id('start')} type="time" value={d.start} disabled={disabled} data-testid="meeting-start" onChange={(e) => set({ start: e.target.value })} />
        </div>
        <div className="rb-field">
          <label htmlFor={id('end')}><R>{L('end')}</R></label>
          <input id={id('end')} type="time" value={d.end} disabled={disabled} data-testid="meeting-end" onChange={(e) => set({ end: e.target.value })} />
        </div>
        {text('round')}
      </div>
      {text('place')}
      <div className="rb-row">
        <label className="rb-check">
          <input type="checkbox" checked={d.online} disabled={disabled} data-testid="meeting-online" onChange={(e) => set({ online: e.target.checked })} />
          <R>{L('online')}</R>
        </label>
        {d.online && <input aria-label={L('onlineTool')} placeholder={L('onlineTool')} value={d.onlineTool} maxLength={500} disabled={disabled} data-testid="meeting-onlineTool" onChange={(e) => set({ onlineTool: e.target.value })} />}
      </div>
      <div className="rb-meeting-fields__grid">
        {text('clientName')}
        {text('author')}
      </div>
      <fieldset className="rb-meeting-fields__people">
        <legend><R>{L('attendees')}</R></legend>
        <div className="rb-row rb-wrap">
          {attendance('clientAttendance', L('client'))}
          {attendance('familyAttendance', L('family'))}
          <input aria-label={L('familyRelation')} placeholder={L('familyRelation')} value={d.familyRelation} maxLength={500} disabled={disabled} data-testid="meeting-familyRelation" onChange={(e) => set({ familyRelation: e.target.value })} />
        </div>
        {d.attendees.map((a, i) => (
          <div className="rb-row" key={i} data-testid="meeting-attendee">
            <input aria-label={`${L('affiliation')} ${i + 1}`} placeholder={L('affiliation')} value={a.affiliation} maxLength={500} disabled={disabled} onChange={(e) => set({ attendees: d.attendees.map((x, j) => (j === i ? { ...x, affiliation: e.target.value } : x)) })} />
            <input aria-label={`${L('name')} ${i + 1}`} placeholder={L('name')} value={a.name} maxLength={500} disabled={disabled} onChange={(e) => set({ attendees: d.attendees.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })} />
            <button type="button" disabled={disabled} aria-label={`${t('remove')}: ${a.name}`} onClick={() => set({ attendees: d.attendees.filter((_, j) => j !== i) })}>
              {t('remove')}
            </button>
          </div>
        ))}
        <button type="button" disabled={disabled} data-testid="meeting-add-attendee" onClick={() => set({ attendees: [...d.attendees, { affiliation: '', name: '' }] })}>
          <R>{t('addMeetingAttendee')}</R>
        </button>
      </fieldset>
      <fieldset className="rb-meeting-fields__people">
        <legend><R>{L('absentees')}</R></legend>
        {d.absentees.map((a, i) => (
          <div className="rb-meeting-fields__absentee" key={i} data-testid="meeting-absentee">
            <div className="rb-row">
              <input aria-label={`${L('affiliation')} ${i + 1}`} placeholder={L('affiliation')} value={a.affiliation} maxLength={500} disabled={disabled} onChange={(e) => set({ absentees: d.absentees.map((x, j) => (j === i ? { ...x, affiliation: e.target.value } : x)) })} />
              <input aria-label={`${L('name')} ${i + 1}`} placeholder={L('name')} value={a.name} maxLength={500} disabled={disabled} onChange={(e) => set({ absentees: d.absentees.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })} />
              <button type="button" disabled={disabled} aria-label={`${t('remove')}: ${a.name}`} onClick={() => set({ absentees: d.absentees.filter((_, j) => j !== i) })}>
                {t('remove')}
              </button>
            </div>
            <textarea aria-label={`${L('inquiry')} ${i + 1}`} placeholder={L('inquiry')} rows={2} value={a.inquiry} maxLength={20000} disabled={disabled} onChange={(e) => set({ absentees: d.absentees.map((x, j) => (j === i ? { ...x, inquiry: e.target.value } : x)) })} />
            <textarea aria-label={`${L('answer')} ${i + 1}`} placeholder={L('answer')} rows={2} value={a.answer} maxLength={20000} disabled={disabled} onChange={(e) => set({ absentees: d.absentees.map((x, j) => (j === i ? { ...x, answer: e.target.value } : x)) })} />
          </div>
        ))}
        <button type="button" disabled={disabled} data-testid="meeting-add-absentee" onClick={() => set({ absentees: [...d.absentees, { affiliation: '', name: '', inquiry: '', answer: '' }] })}>
          <R>{t('addMeetingAbsentee')}</R>
        </button>
      </fieldset>
      {text('topics', true)}
      {text('discussion', true)}
      {text('conclusion', true)}
      {text('remaining', true)}
      {text('nextMeeting')}
      <fieldset className="rb-meeting-fields__people">
        <legend><R>{t('monitoringHeading')}</R></legend>
        <div className="rb-field">
          <label htmlFor={id('satisfaction')}><R>{L('satisfaction')}</R></label>
          <textarea id={id('satisfaction')} rows={2} value={m.satisfaction} maxLength={20000} disabled={disabled} data-testid="meeting-satisfaction" onChange={(e) => set({ monitoring: { ...m, satisfaction: e.target.value } })} />
        </div>
        <div className="rb-field">
          <label htmlFor={id('goal')}><R>{L('goalAchievement')}</R></label>
          <textarea id={id('goal')} rows={2} value={m.goalAchievement} maxLength={20000} disabled={disabled} data-testid="meeting-goalAchievement" onChange={(e) => set({ monitoring: { ...m, goalAchievement: e.target.value } })} />
        </div>
        <div className="rb-field">
          <label htmlFor={id('change')}><R>{L('planChange')}</R></label>
          <select id={id('change')} value={m.planChange} disabled={disabled} data-testid="meeting-planChange" onChange={(e) => set({ monitoring: { ...m, planChange: e.target.value as PlanChange } })}>
            {(['', 'needed', 'not-needed'] as const).map((v) => (
              <option key={v} value={v}>
                {PLAN_CHANGE_LABELS[v][locale]}
              </option>
            ))}
          </select>
        </div>
        <div className="rb-field">
          <label htmlFor={id('reason')}><R>{L('planChangeReason')}</R></label>
          <textarea id={id('reason')} rows={2} value={m.planChangeReason} maxLength={20000} disabled={disabled} onChange={(e) => set({ monitoring: { ...m, planChangeReason: e.target.value } })} />
        </div>
        <div className="rb-field">
          <label htmlFor={id('next')}><R>{L('nextMonth')}</R></label>
          <input id={id('next')} type="month" value={m.nextMonth} disabled={disabled} data-testid="meeting-nextMonth" onChange={(e) => set({ monitoring: { ...m, nextMonth: e.target.value } })} />
        </div>
      </fieldset>
    </div>
  );
}
