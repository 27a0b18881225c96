import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Editor } from 'tldraw';
import { MEETING_LABELS, MeetingDetailsSchema, type AttendeeInfo, type CreatedRecord, type MeetingDetails } from '../../shared/protocol/index.ts';
import { useI18n } from '../i18n/index.ts';
import { recordsApi } from '../lib/api.ts';
import { roleOptions } from '../lib/roles.ts';
import { ConsentFields, consentFromDraft, initialConsent, type ConsentDraft } from './ConsentFields.tsx';
import { MeetingDetailsFields } from './MeetingDetailsFields.tsx';
import { asMeetingAttendee, initialMeeting, nowParts, writeMeetingToBoard } from './meetingDraft.ts';
import { useRecordTexts } from './texts.ts';
import { R } from '../ruby/index.ts';

/** The default title as the server writes it (server/records: 2026年4月13日（月） 10:30 board title). */
function defaultTitle(boardTitle: string): string {
  const { date, time } = nowParts();
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = '日月火水木金土'[new Date(y, m - 1, d).getDay()];
  return `${y}年${m}月${d}日（${weekday}） ${time} ${boardTitle}`.slice(0, 200);
}

/**
 * Save the board as a record: title, note, the attendee list as the user corrects it, the
 * 会議の要点 (from the board's card, confirmed here and written back to it) and the consent.
 */
export function SaveRecordDialog(props: { boardId: string; boardTitle: string; token: string; training: boolean; editor?: Editor | null; author?: string; onSaved(record: CreatedRecord): void; onClose(): void }) {
  const t = useRecordTexts();
  const { locale } = useI18n();
  const editor = props.editor ?? null;
  // Left as proposed, the title is the server's default, which adds a serial when two records share a minute.
  const proposedTitle = useRef(defaultTitle(props.boardTitle));
  const [title, setTitle] = useState(proposedTitle.current);
  const [meeting, setMeeting] = useState<MeetingDetails>(() => initialMeeting(editor, { author: props.author ?? '', present: [], locale }));
  const [note, setNote] = useState('');
  const [attendees, setAttendees] = useState<AttendeeInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { title: useId(), note: useId() };
  // A real meeting needs consent before its record is saved; a 研修用 board none.
  const [consent, setConsent] = useState<ConsentDraft>(() => initialConsent([]));

  useEffect(() => {
    void recordsApi.present(props.boardId, props.token).then((r) => {
      if (!r.ok) return;
      setAttendees(r.value);
      setConsent((c) => (c.rows.every((row) => !row.name.trim()) ? initialConsent(r.value) : c));
      setMeeting((m) => ({
        ...m,
        attendees: m.attendees.length ? m.attendees : r.value.map((a) => asMeetingAttendee(a, locale)),
        clientAttendance: m.clientAttendance || (r.value.some((a) => a.role === 'client') ? 'present' : ''),
        familyAttendance: m.familyAttendance || (r.value.some((a) => a.role === 'family') ? 'present' : ''),
      }));
    });
  }, [props.boardId, props.token]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const details = MeetingDetailsSchema.safeParse({
      ...meeting,
      attendees: meeting.attendees.filter((a) => a.name.trim() || a.affiliation.trim()),
      absentees: meeting.absentees.filter((a) => a.name.trim() || a.affiliation.trim() || a.inquiry.trim()),
    });
    if (!details.success) {
      // Name the fields as the form does (開催日, 開始時刻…), not by their keys.
      const named = details.error.issues.map((i) => {
        const key = String(i.path[i.path.length - 1] === undefined ? '' : i.path[0] === 'monitoring' ? i.path[1] : i.path[0]);
        return key in MEETING_LABELS ? MEETING_LABELS[key as keyof typeof MEETING_LABELS][locale] : key;
      });
      return setError(`${t('meetingInvalid')}: ${[...new Set(named)].join(locale === 'ja' ? '、' : ', ')}`);
    }
    const checked = props.training ? undefined : consentFromDraft(consent, locale);
    if (checked && !checked.ok) return setError(checked.message);
    setBusy(true);
    writeMeetingToBoard(editor, details.data);
    const clean = attendees.map((a) => ({ name: a.name.trim(), role: a.role })).filter((a) => a.name);
    const typed = title.trim();
    const r = await recordsApi.create(props.boardId, props.token, {
      title: typed && typed !== proposedTitle.current ? typed : undefined,
      note: note.trim() || undefined,
      attendees: clean,
      meeting: details.data,
      ...(checked?.ok ? { consent: checked.value } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(`${t('error')}: ${r.message}`);
    props.onSaved(r.value);
  };

  const update = (i: number, patch: Partial<AttendeeInfo>) => setAttendees((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  return (
    <div className="rb-dialog-backdrop">
      {/* The dialog holds the form: a <form> may not take the dialog role (axe aria-allowed-role). */}
      <div className="rb-dialog" role="dialog" aria-modal="true" aria-labelledby="rb-save-record-h" aria-busy={busy}>
        <form onSubmit={(e) => void submit(e)}>
          <h2 id="rb-save-record-h"><R>{t('saveHeading')}</R></h2>
          <p><R>{t('saveIntro')}</R></p>
          <div className="rb-field">
            <label htmlFor={ids.title}><R>{t('title')}</R></label>
            <input id={ids.title} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="record-title" />
          </div>
          <div className="rb-field">
            <label htmlFor={ids.note}><R>{t('note')}</R></label>
            <textarea id={ids.note} value={note} rows={3} maxLength={10000} onChange={(e) => setNote(e.target.value)} data-testid="record-note" />
          </div>
          <fieldset className="rb-attendees">
            <legend><R>{t('attendees')}</R></legend>
            {attendees.map((a, i) => (
              <div className="rb-row" key={i}>
                <input aria-label={`${t('attendeeName')} ${i + 1}`} value={a.name} maxLength={100} onChange={(e) => update(i, { name: e.target.value })} />
                <select aria-label={`${t('attendeeRole')} ${i + 1}`} value={a.role} onChange={(e) => update(i, { role: e.target.value })}>
                  <option value="">—</option>
                  {roleOptions(locale).map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.label}
                    </option>
                  ))}
                </select>
                <button type="button" onClick={() => setAttendees((l) => l.filter((_, j) => j !== i))} aria-label={`${t('remove')}: ${a.name}`}>
                  {t('remove')}
                </button>
              </div>
            ))}
            <button type="button" onClick={() => setAttendees((l) => [...l, { name: '', role: '' }])}>
              <R>{t('addAttendee')}</R>
            </button>
          </fieldset>
          <fieldset className="rb-meeting-confirm" data-testid="record-meeting">
            <legend><R>{t('meetingLegend')}</R></legend>
            <p className="rb-hint"><R>{t('meetingIntro')}</R></p>
            <MeetingDetailsFields
              value={meeting}
              onChange={(m) => {
                setMeeting(m);
                setError(null);
                // One place says whether the meeting was online: the consent follows the details.
                if (m.online !== meeting.online || m.onlineTool !== meeting.onlineTool) setConsent((c) => ({ ...c, online: m.online, onlineTool: m.onlineTool }));
              }}
            />
          </fieldset>
          {props.training ? <p className="rb-hint" data-testid="training-note"><R>{t('trainingNoConsent')}</R></p> : <ConsentFields draft={consent} onChange={(c) => {
                setConsent(c);
                setError(null);
              }} />}
          {error && (
            <p className="rb-error" role="alert">
              <R>{error}</R>
            </p>
          )}
          <div className="rb-dialog__actions rb-row">
            <button type="button" onClick={props.onClose}>
              <R>{t('cancel')}</R>
            </button>
            <button type="submit" className="rb-primary" disabled={busy} data-testid="record-save">
              <R>{busy ? t('saving') : t('save')}</R>
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
