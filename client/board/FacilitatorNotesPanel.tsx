import { useEffect, useId, useState } from 'react';
import { FACILITATOR_NOTES_MAX_CHARS } from '../../shared/templates/facilitatorNotes.ts';
import { useI18n } from '../i18n/index.ts';
import { api } from '../lib/api.ts';
import { R } from '../ruby/index.ts';

const texts = {
  ja: {
    heading: '講師メモ',
    hint: '講師（このボードの持ち主）だけに見えるメモです。参加者の画面には送られません。',
    edit: 'メモを直す',
    save: '保存',
    cancel: 'やめる',
    saving: '保存しています…',
    saved: '保存しました',
    templateNotes: '演習のテンプレートのメモです。直して保存できます。',
    empty: 'まだメモはありません。',
    failed: '保存できませんでした',
    tooLong: `${FACILITATOR_NOTES_MAX_CHARS.toLocaleString('ja-JP')}字までです`,
  },
  en: {
    heading: 'Facilitator notes',
    hint: 'Only the facilitator (this board’s owner) sees these notes. They are never sent to participants.',
    edit: 'Edit notes',
    save: 'Save',
    cancel: 'Cancel',
    saving: 'Saving…',
    saved: 'Saved',
    templateNotes: 'These are the exercise template’s notes. You can edit and save them.',
    empty: 'No notes yet.',
    failed: 'Could not save',
    tooLong: `At most ${FACILITATOR_NOTES_MAX_CHARS.toLocaleString('en-GB')} characters`,
  },
} as const;

/**
 * The board owner's 講師メモ (issue 14): read from and saved to the server, which gives them to
 * the owner alone; nothing of them is in the board's document. Collapsed by default so the
 * panel column stays short; shown only on boards that have notes (the exercises').
 */
export function FacilitatorNotesPanel({ boardId, ownerToken }: { boardId: string; ownerToken: string }) {
  const { locale } = useI18n();
  const t = texts[locale];
  const headingId = useId();
  const [notes, setNotes] = useState<{ body: string; edited: boolean } | null>(null);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.facilitatorNotes(boardId, ownerToken).then((r) => {
      if (live && r.ok) setNotes({ body: r.value.body, edited: r.value.edited });
    });
    return () => {
      live = false;
    };
  }, [boardId, ownerToken]);

  // Boards whose template brings no notes (a real meeting) show nothing until the owner has some.
  if (!notes || (!notes.body && !notes.edited)) return null;
  const save = async () => {
    if (draft === null) return;
    if (draft.length > FACILITATOR_NOTES_MAX_CHARS) {
      setStatus(t.tooLong);
      return;
    }
    setStatus(t.saving);
    const r = await api.saveFacilitatorNotes(boardId, ownerToken, draft);
    if (r.ok) {
      setNotes({ body: r.value.body, edited: true });
      setDraft(null);
      setStatus(t.saved);
    } else setStatus(`${t.failed}: ${r.message}`);
  };

  return (
    <details className="rb-panel rb-case-section rb-facilitator-notes" data-testid="facilitator-notes" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="facilitator-notes-toggle">
        <h2 id={headingId}><R>{t.heading}</R></h2>
      </summary>
      {open && (
        <>
          <p className="rb-hint"><R>{t.hint}</R></p>
          {draft === null ? (
            <>
              {!notes.edited && notes.body && <p className="rb-hint"><R>{t.templateNotes}</R></p>}
              <div className="rb-facilitator-notes__body" data-testid="facilitator-notes-body">{notes.body || t.empty}</div>
              <button type="button" onClick={() => { setDraft(notes.body); setStatus(null); }} data-testid="facilitator-notes-edit">
                <R>{t.edit}</R>
              </button>
            </>
          ) : (
            <>
              <textarea
                aria-labelledby={headingId}
                value={draft}
                rows={12}
                maxLength={FACILITATOR_NOTES_MAX_CHARS}
                onChange={(e) => setDraft(e.target.value)}
                data-testid="facilitator-notes-input"
              />
              <div className="rb-row">
                <button type="button" className="rb-primary" onClick={() => void save()} data-testid="facilitator-notes-save"><R>{t.save}</R></button>
                <button type="button" onClick={() => setDraft(null)}><R>{t.cancel}</R></button>
              </div>
            </>
          )}
          {status && <p role="status">{status}</p>}
        </>
      )}
    </details>
  );
}
