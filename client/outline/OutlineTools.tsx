import { useEffect, useId, useState } from 'react';
import { R, useRubySetting } from '../ruby/index.ts';
import { canSpeak, stopSpeaking } from './speech.ts';
import { useOutlineTexts } from './texts.ts';

const CONTRAST_KEY = 'renkei.contrast';

/** Puts the saved high-contrast choice on the page (the app shell, at start). */
export function applySavedContrast(): void {
  document.documentElement.classList.toggle('rb-contrast', localStorage.getItem(CONTRAST_KEY) === '1');
}

/** The high-contrast theme (≥ 7:1 for our chrome and the outline), remembered in this browser. */
export function useContrastTheme(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => localStorage.getItem(CONTRAST_KEY) === '1');
  useEffect(() => {
    document.documentElement.classList.toggle('rb-contrast', on);
    localStorage.setItem(CONTRAST_KEY, on ? '1' : '0');
  }, [on]);
  return [on, setOn];
}

/** The outline's reading aids: ruby, contrast, read aloud (all, stop, speed). */
export function OutlineTools(props: { rate: number; setRate: (r: number) => void; onReadAll: () => void }) {
  const { o } = useOutlineTexts();
  // The app's one ふりがな setting: this switch and the board header's are the same.
  const ruby = useRubySetting();
  const [contrast, setContrast] = useContrastTheme();
  const rateId = useId();
  const speech = canSpeak();
  return (
    <div className="rb-outline__tools" role="group" aria-label={o.toolsLabel}>
      <label className="rb-check">
        <input type="checkbox" checked={ruby.enabled} onChange={(e) => ruby.setEnabled(e.target.checked)} data-testid="outline-ruby" />
        {o.ruby}
      </label>
      <label className="rb-check">
        <input type="checkbox" checked={contrast} onChange={(e) => setContrast(e.target.checked)} data-testid="outline-contrast" />
        <R>{o.contrast}</R>
      </label>
      {speech ? (
        <>
          <button type="button" onClick={props.onReadAll} data-testid="outline-read-all">
            <R>{o.readAll}</R>
          </button>
          <button type="button" onClick={stopSpeaking} data-testid="outline-stop">
            <R>{o.stop}</R>
          </button>
          <span className="rb-outline__rate-field">
            <label htmlFor={rateId}><R>{o.rate}</R></label>
            <input id={rateId} className="rb-outline__rate" type="range" min={0.5} max={1.5} step={0.1} value={props.rate} onChange={(e) => props.setRate(Number(e.target.value))} />
          </span>
        </>
      ) : (
        <span className="rb-hint"><R>{o.noSpeech}</R></span>
      )}
      <span className="rb-outline__ruby-status" data-testid="outline-ruby-status" data-state={ruby.state.kind}>
        {/* The header's switch tells the loading and a failure (one live region, not two). */}
      </span>
    </div>
  );
}
