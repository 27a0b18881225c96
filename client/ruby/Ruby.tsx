import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';
import { useI18n } from '../i18n/index.ts';
import { joinRubyRuns, rubySegments } from './ruby.ts';
import { DOMAIN_READINGS } from './rubyWords.ts';
import { loadTokenizer } from './tokenizer.ts';

/** The ruby's state: off, loading the dictionary, on (with the analyser), or failed. */
export type RubyState = { kind: 'off' } | { kind: 'loading' } | { kind: 'on'; tokenizer: Tokenizer<IpadicFeatures> } | { kind: 'failed' };

/** The app's one ふりがな setting: what the user chose, and what the page can show now. */
export interface RubySetting {
  /** The switch, as chosen (remembered in this browser, in either language). */
  enabled: boolean;
  setEnabled(on: boolean): void;
  /** On only in the Japanese UI, once the dictionary has loaded. */
  state: RubyState;
}

const RubyContext = createContext<RubySetting | null>(null);
const RUBY_KEY = 'renkei.ruby';

/**
 * The ふりがな setting for the whole app (our chrome and the outline share it), remembered in
 * this browser like the language and 文字を大きく. The dictionary is fetched from our server
 * only once the switch is on in the Japanese UI; the English UI shows no ruby.
 */
export function RubyProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const [enabled, setEnabledState] = useState(() => localStorage.getItem(RUBY_KEY) === '1');
  const [state, setState] = useState<RubyState>({ kind: 'off' });
  const wanted = enabled && locale === 'ja';
  useEffect(() => {
    if (!wanted) return setState({ kind: 'off' });
    let live = true;
    setState({ kind: 'loading' });
    loadTokenizer().then(
      (tokenizer) => live && setState({ kind: 'on', tokenizer }),
      (err: unknown) => {
        console.error('loading the ruby dictionary failed', err);
        if (live) setState({ kind: 'failed' });
      },
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  useEffect(() => {
    // Lets the stylesheet give ruby the line height it needs (styles.css, outline.css).
    document.documentElement.classList.toggle('rb-ruby', state.kind === 'on');
  }, [state.kind]);
  const setEnabled = useCallback((on: boolean) => {
    localStorage.setItem(RUBY_KEY, on ? '1' : '0');
    setEnabledState(on);
  }, []);
  const value = useMemo<RubySetting>(() => ({ enabled, setEnabled, state }), [enabled, setEnabled, state]);
  return <RubyContext.Provider value={value}>{children}</RubyContext.Provider>;
}

/** The app's ふりがな setting. */
export function useRubySetting(): RubySetting {
  const v = useContext(RubyContext);
  if (!v) throw new Error('useRubySetting outside RubyProvider');
  return v;
}

/**
 * A visible text with ruby over its kanji while ふりがな is on (plain text otherwise). The
 * ruby is drawn for the eye only; assistive technology reads the plain text once, without
 * the readings spoken twice, and a control's name stays its visible words (WCAG 2.5.3).
 * For texts only: attributes (aria-label, title, placeholder) and <option> stay plain, and so
 * does the text of a control named by its own aria-label (its visible words must stay inside
 * that name, WCAG 2.5.3: 消す beside 「消す: 山田 太郎」).
 */
export function R({ children }: { children: string }) {
  // Outside the app's provider (a panel rendered alone) there is no ruby, only the text.
  const state = useContext(RubyContext)?.state;
  const tokenizer = state?.kind === 'on' ? state.tokenizer : undefined;
  const segments = useMemo(() => (tokenizer ? joinRubyRuns(rubySegments(children, (s) => tokenizer.tokenize(s), DOMAIN_READINGS)) : undefined), [children, tokenizer]);
  if (!segments?.some((s) => s.reading)) return <>{children}</>;
  return (
    <>
      <span className="rb-ruby-text" aria-hidden="true">
        {segments.map((s, i) =>
          s.reading ? (
            <ruby key={i}>
              {s.text}
              <rp>（</rp>
              <rt>{s.reading}</rt>
              <rp>）</rp>
            </ruby>
          ) : (
            s.text
          ),
        )}
      </span>
      <span className="rb-visually-hidden">{children}</span>
    </>
  );
}

/** The ふりがな switch with the dictionary's loading or failure told beside it (the board header, beside 文字を大きく). */
export function RubySwitch() {
  const { t } = useI18n();
  const { enabled, setEnabled, state } = useRubySetting();
  return (
    <>
      <label className="rb-check" data-ruby-state={state.kind} data-testid="switch-ruby-label">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} data-testid="switch-ruby" />
        {t('ruby')}
      </label>
      <span className="rb-ruby-status" role="status">
        {state.kind === 'loading' ? t('rubyLoading') : state.kind === 'failed' ? t('rubyFailed') : ''}
      </span>
    </>
  );
}
