import type { RecordDiffInfo } from '../lib/api.ts';
import { useI18n } from '../i18n/index.ts';
import { PLAN_STATE_LABELS, SERVICE_STATUS_LABELS } from '../../shared/shapes/index.ts';
import { useRecordTexts } from './texts.ts';

function statusLabel(value: string, locale: 'ja' | 'en'): string {
  const all: Record<string, { ja: string; en: string }> = { ...SERVICE_STATUS_LABELS, ...PLAN_STATE_LABELS };
  return all[value]?.[locale] ?? value;
}

/** What changed in cards and plan items between two records; status changes shown as such. */
export function DiffView({ diff }: { diff: RecordDiffInfo }) {
  const t = useRecordTexts();
  const { locale } = useI18n();
  const empty = diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <section className="rb-diff" aria-labelledby="rb-diff-h" data-testid="record-diff">
      <h3 id="rb-diff-h">{t('diffHeading')}</h3>
      {empty && <p>{t('nothingChanged')}</p>}
      {diff.added.length > 0 && (
        <>
          <h4>{t('added')}</h4>
          <ul>{diff.added.map((c) => <li key={c.id}>＋ {c.label}</li>)}</ul>
        </>
      )}
      {diff.removed.length > 0 && (
        <>
          <h4>{t('removed')}</h4>
          <ul>{diff.removed.map((c) => <li key={c.id}>− {c.label}</li>)}</ul>
        </>
      )}
      {diff.changed.length > 0 && (
        <>
          <h4>{t('changed')}</h4>
          <ul>
            {diff.changed.map((c) => (
              <li key={c.id}>
                {c.label}
                {c.statusChange ? ` — ${t('statusChanged')}: ${statusLabel(c.statusChange.from, locale)} → ${statusLabel(c.statusChange.to, locale)}` : ''}
                {c.fields.filter((f) => f !== 'status' && f !== 'state').length > 0 && <span className="rb-hint"> ({c.fields.filter((f) => f !== 'status' && f !== 'state').join(', ')})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
