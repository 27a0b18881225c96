import { R } from '../ruby/index.ts';
import { useId, useState, type FormEvent } from 'react';
import { useWorkshopLabels } from './useWorkshopLabels.ts';
import { pauseTimer, resetTimer, startTimer, type WorkshopState } from '../../shared/workshop/index.ts';
import { useNow } from './hooks.ts';
import { useWorkshopTexts } from './texts.ts';
import { parseMinutes, parsePhaseList, phaseView, replacePhases, stepPhase, timerView } from './viewModel.ts';

/** What every control needs: the live state, a writer into the state document, and server time. */
export interface ControlProps {
  state: WorkshopState;
  write(patch: Partial<WorkshopState>): void;
  /** `Date.now()` corrected to server time. */
  serverNow(): number;
  serverOffset: number;
  disabled: boolean;
}

/** Set the timer in minutes, start, pause, reset; shows what every group sees. */
export function TimerPanel({ state, write, serverNow, serverOffset, disabled }: ControlProps) {
  const tx = useWorkshopTexts();
  const now = useNow();
  const view = timerView(state.timer, now, serverOffset);
  const [minutes, setMinutes] = useState(String(Math.round(state.timer.durationMs / 60_000)));
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  const set = (e: FormEvent) => {
    e.preventDefault();
    const m = parseMinutes(minutes);
    if (m === undefined) return setError(tx('timerMinutesRange'));
    setError(null);
    write({ timer: resetTimer(Math.round(m * 60_000)) });
  };

  return (
    <section className="rb-card" aria-labelledby="rb-ws-timer-h" data-testid="ws-timer-panel">
      <h2 id="rb-ws-timer-h"><R>{tx('timerHeading')}</R></h2>
      <p className="rb-ws-big-timer" data-testid="ws-dashboard-timer">
        {view.text} <span className="rb-ws-status">{view.running ? tx('timerRunning') : tx('timerPaused')}</span>
      </p>
      <form className="rb-row" onSubmit={set}>
        <label htmlFor={inputId}><R>{tx('timerMinutes')}</R></label>
        <input id={inputId} type="number" min={1} max={180} value={minutes} onChange={(e) => setMinutes(e.target.value)} data-testid="ws-timer-minutes" />
        <button type="submit" disabled={disabled} data-testid="ws-timer-set">
          {tx('timerSet')}
        </button>
      </form>
      {error && (
        <p className="rb-error" role="alert">
          {error}
        </p>
      )}
      <div className="rb-row rb-ws-gap">
        <button type="button" className="rb-primary" disabled={disabled || view.running || view.done} onClick={() => write({ timer: startTimer(state.timer, serverNow()) })} data-testid="ws-timer-start">
          {tx('timerStart')}
        </button>
        <button type="button" disabled={disabled || !view.running} onClick={() => write({ timer: pauseTimer(state.timer, serverNow()) })} data-testid="ws-timer-pause">
          {tx('timerPause')}
        </button>
        <button type="button" disabled={disabled} onClick={() => write({ timer: resetTimer(state.timer.durationMs) })} data-testid="ws-timer-reset">
          {tx('timerReset')}
        </button>
      </div>
    </section>
  );
}

/** The phase: previous, next, and the editable list. */
export function PhasePanel({ state, write, disabled }: ControlProps) {
  const label = useWorkshopLabels();
  const tx = useWorkshopTexts();
  const phase = phaseView(state);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();

  const save = (e: FormEvent) => {
    e.preventDefault();
    const phases = parsePhaseList(editing ?? '');
    if (phases.length === 0) return setError(tx('phaseListEmpty'));
    setError(null);
    write(replacePhases(state, phases));
    setEditing(null);
  };

  return (
    <section className="rb-card" aria-labelledby="rb-ws-phase-h" data-testid="ws-phase-panel">
      <h2 id="rb-ws-phase-h">
        {tx('phaseHeading')} <span className="rb-count"><R>{tx('phaseOf', { i: phase.index + 1, n: phase.count })}</R></span>
      </h2>
      <ol className="rb-ws-phase-list">
        {state.phases.map((p, i) => (
          <li key={`${i}-${p}`} className={i === phase.index ? 'is-current' : undefined} aria-current={i === phase.index ? 'step' : undefined}>
            {label.phase(p)}
          </li>
        ))}
      </ol>
      <div className="rb-row">
        <button type="button" disabled={disabled || !phase.hasPrev} onClick={() => write({ phaseIndex: stepPhase(state, -1) })} data-testid="ws-phase-prev">
          ← {tx('phasePrev')}
        </button>
        <button type="button" className="rb-primary" disabled={disabled || !phase.hasNext} onClick={() => write({ phaseIndex: stepPhase(state, 1) })} data-testid="ws-phase-next">
          {tx('phaseNext')} →
        </button>
        {editing === null && (
          <button type="button" className="rb-link-button" disabled={disabled} onClick={() => setEditing(state.phases.join('\n'))}>
            {tx('phaseEdit')}
          </button>
        )}
      </div>
      {editing !== null && (
        <form onSubmit={save} className="rb-field rb-ws-gap">
          <label htmlFor={listId}><R>{tx('phaseListLabel')}</R></label>
          <textarea id={listId} value={editing} rows={6} onChange={(e) => setEditing(e.target.value)} data-testid="ws-phase-list" />
          {error && (
            <p className="rb-error" role="alert">
              {error}
            </p>
          )}
          <div className="rb-row">
            <button type="submit" className="rb-primary" data-testid="ws-phase-save">
              {tx('phaseSave')}
            </button>
            <button type="button" onClick={() => (setEditing(null), setError(null))}>
              {tx('phaseCancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** A short message shown to every group as a banner. */
export function MessagePanel({ state, write, serverNow, disabled }: ControlProps) {
  const tx = useWorkshopTexts();
  const [text, setText] = useState('');
  const inputId = useId();
  const send = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim().slice(0, 300);
    if (!trimmed) return;
    write({ message: { id: crypto.randomUUID(), text: trimmed, at: serverNow() } });
    setText('');
  };
  return (
    <section className="rb-card" aria-labelledby="rb-ws-msg-h" data-testid="ws-message-panel">
      <h2 id="rb-ws-msg-h"><R>{tx('messageHeading')}</R></h2>
      <form onSubmit={send} className="rb-field">
        <label htmlFor={inputId}><R>{tx('messageLabel')}</R></label>
        <input id={inputId} value={text} maxLength={300} onChange={(e) => setText(e.target.value)} data-testid="ws-message-text" />
        <button type="submit" className="rb-primary" disabled={disabled || !text.trim()} data-testid="ws-message-send">
          {tx('messageSend')}
        </button>
      </form>
      {state.message && (
        <p className="rb-hint">
          {tx('messageNow')} 「{state.message.text}」{' '}
          <button type="button" className="rb-link-button" disabled={disabled} onClick={() => write({ message: null })} data-testid="ws-message-clear">
            {tx('messageClear')}
          </button>
        </p>
      )}
    </section>
  );
}
