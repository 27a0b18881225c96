import { R } from '../ruby/index.ts';
import { useWorkshopLabels } from './useWorkshopLabels.ts';
import { useId, useState, type FormEvent } from 'react';
import * as Y from 'yjs';
import { tally, voteOpen } from '../../shared/workshop/index.ts';
import { workshopApi } from '../lib/api.ts';
import { useNow } from './hooks.ts';
import { GroupTargetField } from './GroupTargetField.tsx';
import { useWorkshopTexts } from './texts.ts';
import { useVote } from './useVote.ts';

/** How many items of each group's results the dashboard lists. */
const TOP = 5;

/**
 * The facilitator's dot vote (SPEC W1): a question, votes per person, one per item or not,
 * anonymous or named, on all groups or one, for a while or until closed; the results of every
 * group, live.
 */
export function VotePanel({ workshopId, token, doc, groups, serverOffset }: { workshopId: string; token: string; doc: Y.Doc | undefined; groups: readonly { index: number; name: string }[]; serverOffset: number }) {
  const label = useWorkshopLabels();
  const tx = useWorkshopTexts();
  const ids = useId();
  const now = useNow(1000) + serverOffset;
  const { vote, ballots } = useVote(doc);
  const [question, setQuestion] = useState('');
  const [perPerson, setPerPerson] = useState('3');
  const [onePerItem, setOnePerItem] = useState(true);
  const [anonymous, setAnonymous] = useState(true);
  const [target, setTarget] = useState<'all' | number>('all');
  const [minutes, setMinutes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = vote !== null && voteOpen(vote, now);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(perPerson);
    const m = minutes.trim() === '' ? undefined : Number(minutes);
    if (!question.trim()) return setError(tx('voteQuestionRequired'));
    if (!Number.isInteger(n) || n < 1 || n > 10) return setError(tx('votePerPersonRange'));
    if (m !== undefined && (!Number.isFinite(m) || m < 1 || m > 60)) return setError(tx('voteMinutesRange'));
    setBusy(true);
    setError(null);
    const r = await workshopApi.startVote(workshopId, token, {
      question: question.trim(),
      perPerson: n,
      onePerItem,
      anonymous,
      ...(target === 'all' ? {} : { groups: [target] }),
      ...(m !== undefined ? { durationMs: Math.round(m * 60_000) } : {}),
    });
    setBusy(false);
    if (!r.ok) setError(r.message);
  };
  const close = async () => {
    setBusy(true);
    const r = await workshopApi.closeVote(workshopId, token);
    setBusy(false);
    if (!r.ok) setError(r.message);
  };

  return (
    <section className="rb-card" aria-labelledby={`${ids}-h`} data-testid="ws-vote-panel">
      <h2 id={`${ids}-h`}><R>{tx('voteHeading')}</R></h2>
      {open ? (
        <>
          <p className="rb-ws-vote-question" data-testid="ws-vote-current">
            {vote.question}
          </p>
          <p className="rb-hint"><R>{tx('voteRunning', { n: vote.perPerson })}</R></p>
          <button type="button" disabled={busy} onClick={() => void close()} data-testid="ws-vote-close">
            {tx('voteClose')}
          </button>
        </>
      ) : (
        <form onSubmit={(e) => void start(e)} className="rb-ws-vote-form">
          <label className="rb-field">
            <span><R>{tx('voteQuestion')}</R></span>
            <input value={question} maxLength={200} onChange={(e) => setQuestion(e.target.value)} placeholder={tx('voteQuestionPlaceholder')} data-testid="ws-vote-question" />
          </label>
          <div className="rb-row">
            <label className="rb-field">
              <span><R>{tx('votePerPerson')}</R></span>
              <input type="number" min={1} max={10} value={perPerson} onChange={(e) => setPerPerson(e.target.value)} data-testid="ws-vote-per-person" />
            </label>
            <label className="rb-field">
              <span><R>{tx('voteMinutes')}</R></span>
              <input type="number" min={1} max={60} value={minutes} onChange={(e) => setMinutes(e.target.value)} placeholder={tx('voteUntilClosed')} data-testid="ws-vote-minutes" />
            </label>
          </div>
          <label className="rb-check">
            <input type="checkbox" checked={onePerItem} onChange={(e) => setOnePerItem(e.target.checked)} /> {tx('voteOnePerItem')}
          </label>
          <label className="rb-check">
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} data-testid="ws-vote-anonymous" /> {tx('voteAnonymous')}
          </label>
          <GroupTargetField groups={groups} value={target} onChange={setTarget} testId="ws-vote-target" />
          <button type="submit" className="rb-primary" disabled={busy} data-testid="ws-vote-start">
            {tx('voteStart')}
          </button>
        </form>
      )}
      {error && (
        <p className="rb-error" role="alert">
          {error}
        </p>
      )}
      {vote && (
        <div className="rb-ws-vote-results" data-testid="ws-vote-results" aria-live="polite">
          <h3>{open ? tx('voteResultsLive') : tx('voteResults', { question: vote.question })}</h3>
          {groups
            .filter((g) => vote.groups === null || vote.groups.includes(g.index))
            .map((g) => {
              const items = tally(ballots, g.index).slice(0, TOP);
              return (
                <div key={g.index} data-testid={`ws-vote-results-${g.index}`}>
                  <h4>{label.group(g.name)}</h4>
                  {items.length === 0 ? (
                    <p className="rb-hint"><R>{tx('voteNone')}</R></p>
                  ) : (
                    <ol>
                      {items.map((it) => (
                        <li key={it.target}>
                          <span className="rb-ws-vote-count"><R>{tx('voteCount', { n: it.count })}</R></span> {it.label || '—'}
                          {it.names.length > 0 && <span className="rb-count">（{it.names.join('、')}）</span>}
                        </li>
                      ))}
                    </ol>
                  )}
                </div>
              );
            })}
        </div>
      )}
    </section>
  );
}
