import { R } from '../ruby/index.ts';
import type { RecordDiffInfo } from '../lib/api.ts';
import { useI18n } from '../i18n/index.ts';
import { fieldLabel, valueLabel } from './diffLabels.ts';
import { useRecordTexts } from './texts.ts';

type Change = { field: string; before: string; after: string };

/** One value's change, before → after, in the UI language. */
function ChangeLine({ change, cardType }: { change: Change; cardType: string | null }) {
  const t = useRecordTexts();
  const { locale } = useI18n();
  const before = valueLabel(change.field, change.before, locale);
  const after = valueLabel(change.field, change.after, locale);
  return (
    <li className="rb-diff__change" data-testid="diff-change">
      <strong>{fieldLabel(change.field, cardType, locale)}</strong>: <del>{before || t('noValue')}</del> → <ins>{after || t('noValue')}</ins>
    </li>
  );
}

/** What changed between two records: the records' memo and 会議の要点, then cards and plan items, before → after. */
export function DiffView({ diff }: { diff: RecordDiffInfo }) {
  const t = useRecordTexts();
  const { locale } = useI18n();
  const record = diff.record ?? [];
  const empty = diff.added.length + diff.removed.length + diff.changed.length + record.length === 0;
  const name = (label: string) => label || t('untitled');
  return (
    <section className="rb-diff" aria-labelledby="rb-diff-h" data-testid="record-diff">
      <h3 id="rb-diff-h"><R>{t('diffHeading')}</R></h3>
      {empty && <p><R>{t('nothingChanged')}</R></p>}
      {record.length > 0 && (
        <>
          <h4><R>{t('recordChanges')}</R></h4>
          <ul>
            {record.map((c) => (
              <ChangeLine key={c.field} change={c} cardType={null} />
            ))}
          </ul>
        </>
      )}
      {diff.added.length > 0 && (
        <>
          <h4><R>{t('added')}</R></h4>
          <ul>{diff.added.map((c) => <li key={c.id}>＋ {name(c.label)}</li>)}</ul>
        </>
      )}
      {diff.removed.length > 0 && (
        <>
          <h4><R>{t('removed')}</R></h4>
          <ul>{diff.removed.map((c) => <li key={c.id}>− {name(c.label)}</li>)}</ul>
        </>
      )}
      {diff.changed.length > 0 && (
        <>
          <h4><R>{t('changed')}</R></h4>
          <ul>
            {diff.changed.map((c) => {
              const statusField = c.type === 'rb-service' ? 'status' : 'state';
              const others = (c.changes ?? c.fields.map((f) => ({ field: f, before: '', after: '' }))).filter((x) => x.field !== statusField);
              return (
                <li key={c.id}>
                  {name(c.label)}
                  {c.statusChange ? ` — ${t('statusChanged')}: ${valueLabel(statusField, c.statusChange.from, locale)} → ${valueLabel(statusField, c.statusChange.to, locale)}` : ''}
                  {others.length > 0 && (
                    <ul>
                      {others.map((x) => (
                        <ChangeLine key={x.field} change={x} cardType={c.type} />
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
