import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AttendeeInfo, CreatedRecord } from '../../shared/protocol/index.ts';
import { useI18n } from '../i18n/index.ts';
import { recordsApi } from '../lib/api.ts';
import { roleOptions } from '../lib/roles.ts';
import { ConsentFields, consentFromDraft, initialConsent, type ConsentDraft } from './ConsentFields.tsx';
import { useRecordTexts } from './texts.ts';

/** Save the board as a record: title, note, and the attendee list as the user corrects it. */
export function SaveRecordDialog(props: { boardId: string; boardTitle: string; token: string; training: boolean; onSaved(record: CreatedRecord): void; onClose(): void }) {
  const t = useRecordTexts();
  const { locale } = useI18n();
  const day = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'long' }).format(new Date());
  const [title, setTitle] = useState(`${day} ${props.boardTitle}`.slice(0, 200));
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
    });
  }, [props.boardId, props.token]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const checked = props.training ? undefined : consentFromDraft(consent, locale);
    if (checked && !checked.ok) return setError(checked.message);
    setBusy(true);
    const clean = attendees.map((a) => ({ name: a.name.trim(), role: a.role })).filter((a) => a.name);
    const r = await recordsApi.create(props.boardId, props.token, { title: title.trim() || undefined, note: note.trim() || undefined, attendees: clean, ...(checked?.ok ? { consent: checked.value } : {}) });
    setBusy(false);
    if (!r.ok) return setError(`${t('error')}: ${r.message}`);
    props.onSaved(r.value);
  };

  const update = (i: number, patch: Partial<AttendeeInfo>) => setAttendees((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  return (
    <div className="rb-dialog-backdrop">
      <form className="rb-dialog" role="dialog" aria-modal="true" aria-labelledby="rb-save-record-h" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <h2 id="rb-save-record-h">{t('saveHeading')}</h2>
        <p>{t('saveIntro')}</p>
        <div className="rb-field">
          <label htmlFor={ids.title}>{t('title')}</label>
          <input id={ids.title} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="record-title" />
        </div>
        <div className="rb-field">
          <label htmlFor={ids.note}>{t('note')}</label>
          <textarea id={ids.note} value={note} rows={3} maxLength={10000} onChange={(e) => setNote(e.target.value)} data-testid="record-note" />
        </div>
        <fieldset className="rb-attendees">
          <legend>{t('attendees')}</legend>
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
            {t('addAttendee')}
          </button>
        </fieldset>
        {props.training ? <p className="rb-hint" data-testid="training-note">{t('trainingNoConsent')}</p> : <ConsentFields draft={consent} onChange={(c) => {
              setConsent(c);
              setError(null);
            }} />}
        {error && (
          <p className="rb-error" role="alert">
            {error}
          </p>
        )}
        <div className="rb-dialog__actions rb-row">
          <button type="button" onClick={props.onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="rb-primary" disabled={busy} data-testid="record-save">
            {busy ? t('saving') : t('save')}
          </button>
        </div>
      </form>
    </div>
  );
}
