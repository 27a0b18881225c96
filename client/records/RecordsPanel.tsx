import { Paths } from '../../shared/protocol/index.ts';
import { useCallback, useEffect, useState } from 'react';
import type { Editor } from 'tldraw';
import type { Capability, RecordInfo } from '../../shared/protocol/index.ts';
import { useI18n } from '../i18n/index.ts';
import { api, recordsApi, type RecordDiffInfo } from '../lib/api.ts';
import { DiffView } from './DiffView.tsx';
import { openMinutes } from './minutes.ts';
import { SaveRecordDialog } from './SaveRecordDialog.tsx';
import { useRecordTexts } from './texts.ts';
import { R } from '../ruby/index.ts';

/** The board's records: save one, open, print minutes, compare two. */
export function RecordsPanel({ boardId, boardTitle, token, capability, training: initialTraining, editor, author }: { boardId: string; boardTitle: string; token: string; capability: Capability; training: boolean; editor?: Editor | null; author?: string }) {
  const t = useRecordTexts();
  const { locale } = useI18n();
  const [records, setRecords] = useState<RecordInfo[]>([]);
  const [saving, setSaving] = useState(false);
  // Kept as what happened, not as a sentence, so that it follows a language switch.
  const [status, setStatus] = useState<{ kind: 'saved'; title: string } | { kind: 'error'; message: string } | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [diff, setDiff] = useState<RecordDiffInfo | null>(null);
  const [training, setTraining] = useState(initialTraining);
  const markTraining = async (next: boolean) => {
    const r = await api.setTraining(boardId, token, next);
    if (r.ok) setTraining(r.value.training ?? next);
    else setStatus({ kind: 'error', message: r.message });
  };

  const refresh = useCallback(() => {
    void recordsApi.list(boardId, token).then((r) => r.ok && setRecords(r.value));
  }, [boardId, token]);
  useEffect(refresh, [refresh]);

  const toggle = (id: string) => {
    setDiff(null);
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id].slice(-2)));
  };
  const compare = async () => {
    const [a, b] = chosen;
    if (!a || !b) return;
    // Older first, so "added" means added since the earlier meeting.
    const byTime = [a, b].sort((x, y) => (records.find((r) => r.id === x)?.createdAt ?? '').localeCompare(records.find((r) => r.id === y)?.createdAt ?? ''));
    const r = await recordsApi.diff(boardId, byTime[0] as string, byTime[1] as string, token);
    if (r.ok) setDiff(r.value);
  };
  const fmt = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="rb-panel rb-records" aria-labelledby="rb-records-h" data-testid="records-panel">
      <h2 id="rb-records-h"><R>{t('heading')}</R></h2>
      {capability !== 'view' && (
        <button type="button" className="rb-primary" onClick={() => setSaving(true)} data-testid="record-open-save">
          <R>{t('save')}</R>
        </button>
      )}
      {capability === 'owner' && (
        <label className="rb-check">
          <input type="checkbox" checked={training} onChange={(e) => void markTraining(e.target.checked)} data-testid="board-training" />
          <R>{t('trainingToggle')}</R>
        </label>
      )}
      {status && <p role="status">{status.kind === 'saved' ? <><R>{t('saved')}</R>{`: ${status.title}`}</> : <R>{`${t('error')}: ${status.message}`}</R>}</p>}
      {records.length === 0 ? (
        <p><R>{t('none')}</R></p>
      ) : (
        <ul data-testid="records-list">
          {records.map((r) => (
            <li key={r.id}>
              <label className="rb-check">
                <input type="checkbox" checked={chosen.includes(r.id)} onChange={() => toggle(r.id)} aria-label={`${t('compare')}: ${r.title}`} />
                <span>
                  <strong>{r.title}</strong>
                  <br />
                  <time dateTime={r.createdAt}>{fmt.format(new Date(r.createdAt))}</time>
                  {r.note && (
                    <span className="rb-records__memo" data-testid="record-memo">
                      <R>{t('memo')}</R>: {r.note}
                    </span>
                  )}
                </span>
              </label>
              <div className="rb-row">
                <a href={Paths.record(boardId, r.id, token)} data-testid="record-open">
                  <R>{t('open')}</R>
                </a>
                <button type="button" className="rb-link-button" onClick={() => void openMinutes(boardId, r.id, token, locale)}>
                  <R>{t('minutes')}</R>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {records.length >= 2 && (
        <p className="rb-hint">
          <R>{t('compareHint')}</R>{' '}
          <button type="button" disabled={chosen.length !== 2} onClick={() => void compare()} data-testid="record-compare">
            <R>{t('compareRun')}</R>
          </button>
        </p>
      )}
      {diff && <DiffView diff={diff} />}
      {saving && (
        <SaveRecordDialog
          boardId={boardId}
          boardTitle={boardTitle}
          token={token}
          training={training}
          editor={editor ?? null}
          author={author ?? ''}
          onClose={() => setSaving(false)}
          onSaved={(rec) => {
            setSaving(false);
            setStatus({ kind: 'saved', title: rec.title });
            refresh();
          }}
        />
      )}
    </section>
  );
}
