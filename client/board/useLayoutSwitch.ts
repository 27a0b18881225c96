import { useEffect, useRef } from 'react';

/** Whether a key event is the switch between the canvas and the outline: Alt+Shift+O. */
export function isLayoutShortcut(e: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyO';
}

/**
 * Alt+Shift+O switches between the board's canvas and its outline (caught before tldraw's
 * own shortcuts); after a switch, focus goes to the outline, or back to the switch link.
 */
export function useLayoutSwitch(layout: 'canvas' | 'outline', onSwitch: (() => void) | undefined, switchLink: React.RefObject<HTMLElement | null>): void {
  const first = useRef(true);
  useEffect(() => {
    if (!onSwitch) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isLayoutShortcut(e)) return;
      e.preventDefault();
      e.stopPropagation();
      onSwitch();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onSwitch]);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (layout === 'outline') requestAnimationFrame(() => document.getElementById('rb-outline')?.focus());
    else switchLink.current?.focus();
  }, [layout, switchLink]);
}
