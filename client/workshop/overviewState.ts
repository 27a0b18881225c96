import type { OverviewEvent, WorkshopOverviewInfo } from '../../shared/protocol/index.ts';

/**
 * The dashboard's picture after one pushed event: the whole picture replaces it; a group's
 * change is merged into that group (fields it does not carry stay as they were).
 */
export function applyOverviewEvent(current: WorkshopOverviewInfo | null, event: OverviewEvent): WorkshopOverviewInfo | null {
  if (event.type === 'full') return { now: event.now, groups: event.groups };
  if (!current) return current; // a change before the whole picture cannot happen; ignore it
  const { index, ...changed } = event.group;
  return {
    now: event.now,
    groups: current.groups.map((g) => (g.index === index ? { ...g, ...Object.fromEntries(Object.entries(changed).filter(([, v]) => v !== undefined)) } : g)),
  };
}
