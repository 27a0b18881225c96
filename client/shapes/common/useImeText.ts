import { useCallback, useEffect, useRef, useState, type ChangeEvent, type CompositionEvent } from 'react';

type TextElement = HTMLInputElement | HTMLTextAreaElement;

/** What a text control needs to keep IME composition intact while writing to the board. */
export interface ImeTextBinding {
  value: string;
  onChange(e: ChangeEvent<TextElement>): void;
  onCompositionStart(): void;
  onCompositionEnd(e: CompositionEvent<TextElement>): void;
  /** True while an IME (Japanese input) is composing. */
  isComposing(): boolean;
}

/**
 * A local draft of a text prop. Keystrokes update the draft at once; the board gets the text
 * on each change except during IME composition (half-converted kana would otherwise reach
 * every participant and the undo stack), and once more when the composition ends.
 * Changes from elsewhere (another participant, undo) replace the draft unless composing.
 */
export function useImeText(value: string, onCommit: (value: string) => void): ImeTextBinding {
  const [draft, setDraft] = useState(value);
  const composing = useRef(false);
  const committed = useRef(value);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;

  useEffect(() => {
    if (composing.current || value === committed.current) return;
    committed.current = value;
    setDraft(value);
  }, [value]);

  const commit = useCallback((next: string) => {
    if (next === committed.current) return;
    committed.current = next;
    commitRef.current(next);
  }, []);

  return {
    value: draft,
    onChange: (e) => {
      const next = e.currentTarget.value;
      setDraft(next);
      const native = e.nativeEvent as Partial<InputEvent>;
      if (!composing.current && native.isComposing !== true) commit(next);
    },
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: (e) => {
      composing.current = false;
      const next = e.currentTarget.value;
      setDraft(next);
      commit(next);
    },
    isComposing: () => composing.current,
  };
}

/** True when a key event belongs to an IME composition (Enter then confirms the kana, not the field). */
export function isImeKeyEvent(e: { nativeEvent: KeyboardEvent } | KeyboardEvent): boolean {
  const native = 'nativeEvent' in e ? e.nativeEvent : e;
  // Safari reports keyCode 229 for the Enter that ends a composition, after compositionend.
  return native.isComposing || native.keyCode === 229;
}
