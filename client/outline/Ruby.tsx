import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';
import { rubySegments } from './ruby.ts';
import { DOMAIN_READINGS } from './rubyWords.ts';
import { loadTokenizer } from './tokenizer.ts';

/** The ruby switch's state: off, loading the dictionary, on (with the analyser), or failed. */
export type RubyState = { kind: 'off' } | { kind: 'loading' } | { kind: 'on'; tokenizer: Tokenizer<IpadicFeatures> } | { kind: 'failed' };

const RubyContext = createContext<RubyState>({ kind: 'off' });
const RUBY_KEY = 'renkei.ruby';

/** The ruby switch, remembered in this browser; the dictionary loads only once it is on. */
export function useRubySwitch(): { state: RubyState; enabled: boolean; setEnabled: (on: boolean) => void } {
  const [enabled, setEnabledState] = useState(() => localStorage.getItem(RUBY_KEY) === '1');
  const [state, setState] = useState<RubyState>({ kind: 'off' });
  useEffect(() => {
    if (!enabled) return setState({ kind: 'off' });
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
  }, [enabled]);
  const setEnabled = (on: boolean) => {
    localStorage.setItem(RUBY_KEY, on ? '1' : '0');
    setEnabledState(on);
  };
  return { state, enabled, setEnabled };
}

/** Gives the texts below it ruby when the switch is on. */
export function RubyProvider({ state, children }: { state: RubyState; children: React.ReactNode }) {
  return <RubyContext.Provider value={state}>{children}</RubyContext.Provider>;
}

/** A text with ruby over its kanji when the switch is on (plain text otherwise). */
export function R({ children }: { children: string }) {
  const state = useContext(RubyContext);
  const tokenizer = state.kind === 'on' ? state.tokenizer : undefined;
  const segments = useMemo(() => (tokenizer ? rubySegments(children, (s) => tokenizer.tokenize(s), DOMAIN_READINGS) : undefined), [children, tokenizer]);
  if (!segments) return <>{children}</>;
  return (
    <>
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
    </>
  );
}
