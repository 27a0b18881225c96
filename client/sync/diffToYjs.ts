import type { RecordsDiff, TLRecord } from 'tldraw';
import { jsonEqual } from './jsonEqual.ts';

/** The writes one local change makes to the records map. */
export interface YjsWritePlan {
  puts: TLRecord[];
  deletes: string[];
}

/** Reads the two sides the plan reconciles: the store now, and the doc now. */
export interface WriteLookup {
  current(id: string): TLRecord | undefined;
  stored(id: string): unknown;
}

/**
 * Turns one local tldraw change into the writes that make the doc agree with the store for
 * every id the change touched.
 *
 * The store's current value is written rather than the diff's `to`: store listeners run a
 * frame late, so a remote change may have landed on the same record in between, and writing
 * the stale `to` would leave this store and the doc disagreeing for good.
 */
export function diffToYjs(changes: RecordsDiff<TLRecord>, lookup: WriteLookup): YjsWritePlan {
  const ids = new Set<string>([
    ...Object.keys(changes.added),
    ...Object.keys(changes.updated),
    ...Object.keys(changes.removed),
  ]);
  const puts: TLRecord[] = [];
  const deletes: string[] = [];
  for (const id of ids) {
    const current = lookup.current(id);
    const stored = lookup.stored(id);
    if (current) {
      if (!jsonEqual(current, stored)) puts.push(current);
    } else if (stored !== undefined) {
      deletes.push(id);
    }
  }
  return { puts, deletes };
}

/** True when a plan writes nothing. */
export function isEmptyPlan(plan: YjsWritePlan): boolean {
  return plan.puts.length === 0 && plan.deletes.length === 0;
}
