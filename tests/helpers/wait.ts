import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { recordsMap } from '../../shared/doc/index.ts';

/**
 * Poll `condition` every `intervalMs` until it holds, failing after `timeoutMs`. Only for
 * state that announces no event (counters, registry size); everything else is awaited.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  opts: { what: string; timeoutMs?: number; intervalMs?: number },
): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 5000);
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${opts.what}`);
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 10));
  }
}

/** Resolve when `predicate` holds for the awareness states, re-checking on every change. */
export function waitForAwareness(awareness: Awareness, predicate: (states: Map<number, Record<string, unknown>>) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (predicate(awareness.getStates() as Map<number, Record<string, unknown>>)) {
        awareness.off('change', check);
        resolve();
        return true;
      }
      return false;
    };
    if (!check()) awareness.on('change', check);
  });
}

/** Resolve once two documents hold the same records, re-checking whenever either changes. */
export function waitForSameRecords(a: Y.Doc, b: Y.Doc): Promise<void> {
  // Key order of a Y.Map follows local insertion, so compare sorted entries.
  const canonical = (d: Y.Doc) => JSON.stringify(Object.entries(recordsMap(d).toJSON()).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  const same = () => canonical(a) === canonical(b);
  return new Promise((resolve) => {
    if (same()) return resolve();
    const check = () => {
      if (!same()) return;
      a.off('update', check);
      b.off('update', check);
      resolve();
    };
    a.on('update', check);
    b.on('update', check);
  });
}
