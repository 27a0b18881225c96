import { R } from '../ruby/index.ts';
import { useWorkshopLabels } from './useWorkshopLabels.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { WorkshopState } from '../../shared/workshop/index.ts';
import { Chime } from './chime.ts';
import { useNow } from './hooks.ts';
import { useWorkshopTexts } from './texts.ts';
import { phaseView, timerJustEnded, timerView, type TimerView } from './viewModel.ts';
import type { StateStatus } from './WorkshopStateConnection.ts';
import './workshop.css';

const SOUND_KEY = 'renkei.workshop.sound';
const PULSE_MS = 6000;

/**
 * The phase and the remaining time, always in view in the board header, with a gentle
 * signal when the time is up: a pulse (a still highlight when the participant prefers
 * reduced motion) and, if turned on, a soft chime.
 */
export function WorkshopBar({ state, status, serverOffset }: { state: WorkshopState; status: StateStatus; serverOffset: number }) {
  const label = useWorkshopLabels();
  const tx = useWorkshopTexts();
  const now = useNow();
  const view = timerView(state.timer, now, serverOffset);
  const phase = phaseView(state);
  const previous = useRef<TimerView | undefined>(undefined);
  const chime = useMemo(() => new Chime(), []);
  const [sound, setSound] = useState(() => localStorage.getItem(SOUND_KEY) === '1');
  const [pulseUntil, setPulseUntil] = useState(0);
  const [announce, setAnnounce] = useState('');

  useEffect(() => () => chime.close(), [chime]);
  useEffect(() => {
    if (timerJustEnded(previous.current, view, state.timer)) {
      setPulseUntil(Date.now() + PULSE_MS);
      setAnnounce(tx('barTimeUp'));
      if (sound) chime.play();
    }
    previous.current = view;
  });

  const toggleSound = (on: boolean) => {
    setSound(on);
    localStorage.setItem(SOUND_KEY, on ? '1' : '0');
    if (on) chime.unlock();
  };

  if (status === 'connecting') return <span className="rb-ws-bar rb-hint"><R>{tx('barConnecting')}</R></span>;
  const pulsing = now < pulseUntil;
  return (
    <div className="rb-ws-bar" data-testid="workshop-bar">
      <span className="rb-ws-bar__phase" data-testid="ws-phase">
        <span className="rb-ws-bar__label"><R>{tx('barPhase')}</R></span> <strong>{label.phase(phase.name)}</strong>{' '}
        <span className="rb-ws-bar__count"><R>{tx('phaseOf', { i: phase.index + 1, n: phase.count })}</R></span>
      </span>
      <span
        className={`rb-ws-bar__timer${view.done ? ' is-done' : ''}${pulsing ? ' is-pulsing' : ''}${view.running ? ' is-running' : ''}`}
        role="timer"
        aria-label={`${tx('barRemaining')} ${view.text}`}
        data-testid="ws-timer"
        data-remaining-ms={Math.round(view.remainingMs)}
      >
        <span className="rb-ws-bar__label"><R>{tx('barRemaining')}</R></span> <strong>{view.text}</strong>
        {!view.running && !view.done && <span className="rb-ws-bar__paused"> {tx('barPaused')}</span>}
        {view.done && <span className="rb-ws-bar__paused"> {tx('barTimeUp')}</span>}
      </span>
      <label className="rb-check rb-ws-bar__sound">
        <input type="checkbox" checked={sound} onChange={(e) => toggleSound(e.target.checked)} data-testid="ws-sound" />
        {tx('barSound')}
      </label>
      <span className="rb-visually-hidden" role="status" aria-live="polite">
        {announce}
      </span>
      {status === 'offline' && <span className="rb-hint"><R>{tx('stateOffline')}</R></span>}
    </div>
  );
}

const DISMISSED_KEY = 'renkei.workshop.dismissed';

/** The facilitator's broadcast message as a banner each participant can close (until a new one comes). */
export function MessageBanner({ message }: { message: WorkshopState['message'] }) {
  const tx = useWorkshopTexts();
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(DISMISSED_KEY) ?? '');
  const visible = message !== null && message.text.trim() !== '' && message.id !== dismissed;
  return (
    <div className="rb-ws-banner-slot" role="status" aria-live="polite" data-testid="ws-message-region">
      {visible && (
        <div className="rb-ws-banner" data-testid="ws-message">
          <strong>{tx('barMessage')}：</strong>
          <span>{message.text}</span>
          <button
            type="button"
            className="rb-ws-banner__close"
            aria-label={tx('barDismiss')}
            onClick={() => {
              sessionStorage.setItem(DISMISSED_KEY, message.id);
              setDismissed(message.id);
            }}
            data-testid="ws-message-dismiss"
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
